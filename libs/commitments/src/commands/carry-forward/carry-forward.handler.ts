import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { OfficialEntity } from '@tl/directory';
import { DomainError, domainEvent, DomainEventType, isFinal, NewDomainEvent, NotFoundError } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';
import { carryForwardScope } from '../../carry-forward.scope';
import { CommitmentEntity } from '../../persistence/commitment.entity';
import { loadForUpdate } from '../load-for-update';
import { CarryForwardCommand, CarryForwardResult } from './carry-forward.command';

@CommandHandler(CarryForwardCommand)
export class CarryForwardHandler implements ICommandHandler<CarryForwardCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ meetingId, input, actor }: CarryForwardCommand): Promise<CarryForwardResult[]> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await em.findOne(MeetingEntity, { where: { id: meetingId }, relations: { programs: true } });
      if (!meeting) throw new NotFoundError('meeting', meetingId);
      if (input.ownerOfficialId && !(await em.existsBy(OfficialEntity, { id: input.ownerOfficialId }))) {
        throw new NotFoundError('official', input.ownerOfficialId, 'ownerOfficialId');
      }
      const ids = [...new Set(input.commitmentIds)];
      const scope = carryForwardScope(meeting, (meeting.programs ?? []).map((p) => p.id));
      const eligible = new Set(
        (
          await em
            .createQueryBuilder(CommitmentEntity, 'c')
            .innerJoin(MeetingEntity, 'src', 'src.id = c.meeting_id')
            .select('c.id', 'id')
            .where(scope.sql, scope.params)
            .andWhere('c.id IN (:...ids)', { ids })
            .getRawMany<{ id: string }>()
        ).map((r) => r.id),
      );

      const results: CarryForwardResult[] = [];
      for (const id of ids) {
        const current = await loadForUpdate(em, id);
        if (!eligible.has(id)) {
          throw new DomainError(
            'unprocessable',
            'CARRY_FORWARD.NOT_ELIGIBLE',
            isFinal(current.status)
              ? `commitmentIds: commitment ${id} is ${current.status}; only open, in progress or blocked commitments are carried forward`
              : `commitmentIds: commitment ${id} is not from an earlier meeting of this meeting's region or programs`,
          );
        }
        const inserted = await em.query(
          `INSERT INTO meeting_carry_forwards (meeting_id, commitment_id, actor) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING commitment_id`,
          [meetingId, id, actor],
        );
        if (inserted.length === 0) {
          results.push({ commitmentId: id, carried: false, version: current.version });
          continue;
        }
        const events: NewDomainEvent[] = [];
        const next: Partial<CommitmentEntity> = {};
        const data: NewDomainEvent<'CommitmentCarriedForward'>['data'] = { toMeetingId: meetingId, fromMeetingId: current.meetingId, note: input.note };
        if (input.dueAt && input.dueAt.getTime() !== current.dueAt.getTime()) {
          next.dueAt = input.dueAt;
          data.dueAt = { from: current.dueAt.toISOString(), to: input.dueAt.toISOString() };
          events.push(domainEvent(DomainEventType.CommitmentRescheduled, 'commitment', id, data.dueAt, actor));
        }
        if (input.ownerOfficialId && input.ownerOfficialId !== current.ownerOfficialId) {
          next.ownerOfficialId = input.ownerOfficialId;
          data.ownerOfficialId = { from: current.ownerOfficialId, to: input.ownerOfficialId };
          events.push(domainEvent(DomainEventType.CommitmentReassigned, 'commitment', id, data.ownerOfficialId, actor));
        }
        events.unshift(domainEvent(DomainEventType.CommitmentCarriedForward, 'commitment', id, data, actor));
        const version = current.version + 1;
        await em.update(CommitmentEntity, { id }, { ...next, version });
        await this.events.append(em, events);
        results.push({ commitmentId: id, carried: true, version });
      }
      return results;
    });
  }
}
