import { Command } from '@nestjs/cqrs';
import type { CommitmentStatus } from '@tl/domain';
import type { CommitmentEntity } from '../../persistence/commitment.entity';

export interface ProgressInput {
  status?: CommitmentStatus;
  achieved?: number;
  note: string;
}

/** The owner (or the secretariat for them) reports how far a commitment is. */
export class ReportProgressCommand extends Command<CommitmentEntity> {
  constructor(
    readonly commitmentId: string,
    readonly progress: ProgressInput,
    readonly actor: string,
    readonly via: 'api' | 'email-link' = 'api',
  ) {
    super();
  }
}
