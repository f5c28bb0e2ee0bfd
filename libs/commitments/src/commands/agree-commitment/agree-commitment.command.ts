import { Command } from '@nestjs/cqrs';
import type { CommitmentEntity } from '../../persistence/commitment.entity';

export interface IndicatorInput {
  unit: string;
  baseline?: number;
  target: number;
  achieved?: number;
}

export interface AgreeCommitmentInput {
  id?: string;
  title: string;
  description?: string;
  ownerOfficialId: string;
  regionCode: string;
  programId?: string;
  dueAt: Date;
  indicator?: IndicatorInput;
}

/** A meeting agreed an action: who does what, where, by when. */
export class AgreeCommitmentCommand extends Command<CommitmentEntity> {
  constructor(readonly meetingId: string, readonly input: AgreeCommitmentInput, readonly actor: string) {
    super();
  }
}
