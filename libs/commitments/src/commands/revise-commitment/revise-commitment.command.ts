import { Command } from '@nestjs/cqrs';
import type { CommitmentEntity } from '../../persistence/commitment.entity';
import type { IndicatorInput } from '../agree-commitment/agree-commitment.command';

export interface CommitmentChanges {
  title?: string;
  description?: string | null;
  dueAt?: Date;
  ownerOfficialId?: string;
  regionCode?: string;
  programId?: string | null;
  indicator?: IndicatorInput | null;
}

/** Edits a commitment the client read at `version`; a stale version is refused. */
export class ReviseCommitmentCommand extends Command<CommitmentEntity> {
  constructor(readonly commitmentId: string, readonly version: number, readonly changes: CommitmentChanges, readonly actor: string) {
    super();
  }
}
