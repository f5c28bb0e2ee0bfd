import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { DomainError, domainEvent, DomainEventType, nextStatus } from '@tl/domain';
import { CommitmentEntity } from '../../persistence/commitment.entity';
import { loadForUpdate } from '../load-for-update';
import { ReportProgressCommand } from './report-progress.command';

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ commitmentId, progress, actor, via, inTransaction }: ReportProgressCommand): Promise<CommitmentEntity> {
    return this.dataSource.transaction(async (em) => {
      await inTransaction?.(em);
      const current = await loadForUpdate(em, commitmentId);
      const to = nextStatus(current.status, progress.status);
      if (progress.achieved !== undefined && current.indicatorTarget === null) {
        throw new DomainError('unprocessable', 'COMMITMENT.NO_INDICATOR', 'achieved: this commitment has no indicator to report against; add one with PATCH first');
      }
      const achieved = progress.achieved ?? current.indicatorAchieved;
      await em.update(CommitmentEntity, { id: current.id }, { status: to, indicatorAchieved: achieved, version: current.version + 1 });
      await this.events.append(em, [
        domainEvent(
          DomainEventType.ProgressReported,
          'commitment',
          current.id,
          { from: current.status, to, achieved: progress.achieved ?? null, previousAchieved: current.indicatorAchieved, note: progress.note, via },
          actor,
        ),
      ]);
      return em.findOneByOrFail(CommitmentEntity, { id: current.id });
    });
  }
}
