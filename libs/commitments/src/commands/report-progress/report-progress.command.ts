import { Command } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
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
    /** Runs first inside the same transaction (e.g. spending a single-use link), so both commit or neither. */
    readonly inTransaction?: (em: EntityManager) => Promise<void>,
  ) {
    super();
  }
}
