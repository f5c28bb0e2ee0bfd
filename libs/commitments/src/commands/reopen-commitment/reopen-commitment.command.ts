import { Command } from '@nestjs/cqrs';
import type { CommitmentEntity } from '../../persistence/commitment.entity';

/** Takes a done or cancelled commitment back to open: a deliberate act with its own reason. */
export class ReopenCommitmentCommand extends Command<CommitmentEntity> {
  constructor(readonly commitmentId: string, readonly reason: string, readonly actor: string) {
    super();
  }
}
