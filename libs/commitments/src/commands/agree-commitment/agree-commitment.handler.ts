import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { RegionDirectory } from '@tl/directory';
import { domainEvent, DomainEventType, NotFoundError } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';
import { indicatorOf } from '../../commitment.view';
import { CommitmentEntity } from '../../persistence/commitment.entity';
import { assertCommitmentReferences } from '../commitment-references';
import { AgreeCommitmentCommand } from './agree-commitment.command';

@CommandHandler(AgreeCommitmentCommand)
export class AgreeCommitmentHandler implements ICommandHandler<AgreeCommitmentCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ meetingId, input, actor }: AgreeCommitmentCommand): Promise<CommitmentEntity> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(MeetingEntity, { id: meetingId }))) throw new NotFoundError('meeting', meetingId);
      await assertCommitmentReferences(em, this.regions, input);
      const commitment = em.create(CommitmentEntity, {
        id: input.id ?? randomUUID(),
        meetingId,
        title: input.title,
        description: input.description ?? null,
        ownerOfficialId: input.ownerOfficialId,
        regionCode: input.regionCode,
        programId: input.programId ?? null,
        dueAt: input.dueAt,
        status: 'open',
        indicatorUnit: input.indicator?.unit ?? null,
        indicatorBaseline: input.indicator?.baseline ?? null,
        indicatorTarget: input.indicator?.target ?? null,
        indicatorAchieved: input.indicator?.achieved ?? null,
        version: 1,
      });
      await em.insert(CommitmentEntity, commitment);
      const saved = await em.findOneByOrFail(CommitmentEntity, { id: commitment.id });
      const indicator = indicatorOf(saved);
      await this.events.append(em, [
        domainEvent(
          DomainEventType.CommitmentAgreed,
          'commitment',
          saved.id,
          {
            meetingId,
            title: saved.title,
            ownerOfficialId: saved.ownerOfficialId,
            regionCode: saved.regionCode,
            programId: saved.programId,
            dueAt: saved.dueAt.toISOString(),
            status: saved.status,
            indicator: indicator && { unit: indicator.unit, baseline: indicator.baseline, target: indicator.target, achieved: indicator.achieved },
          },
          actor,
        ),
      ]);
      return saved;
    });
  }
}
