import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { domainEvent, DomainEventType, reopenStatus } from '@tl/domain';
import { CommitmentEntity } from '../../persistence/commitment.entity';
import { loadForUpdate } from '../load-for-update';
import { ReopenCommitmentCommand } from './reopen-commitment.command';

@CommandHandler(ReopenCommitmentCommand)
export class ReopenCommitmentHandler implements ICommandHandler<ReopenCommitmentCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ commitmentId, reason, actor }: ReopenCommitmentCommand): Promise<CommitmentEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await loadForUpdate(em, commitmentId);
      const to = reopenStatus(current.status);
      await em.update(CommitmentEntity, { id: current.id }, { status: to, version: current.version + 1 });
      await this.events.append(em, [domainEvent(DomainEventType.CommitmentReopened, 'commitment', current.id, { from: current.status, to, reason }, actor)]);
      return em.findOneByOrFail(CommitmentEntity, { id: current.id });
    });
  }
}
