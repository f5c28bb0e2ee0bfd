import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EventStore } from '@tl/database';
import { OfficialEntity } from '@tl/directory';
import { DomainError, domainEvent, DomainEventType, InvalidInputError, NotFoundError } from '@tl/domain';
import { AttendeeEntity } from '../../persistence/attendee.entity';
import { MeetingEntity } from '../../persistence/meeting.entity';
import { RegisterAttendeesCommand } from './register-attendees.command';

@CommandHandler(RegisterAttendeesCommand)
export class RegisterAttendeesHandler implements ICommandHandler<RegisterAttendeesCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ meetingId, attendees, actor }: RegisterAttendeesCommand): Promise<AttendeeEntity[]> {
    const many = attendees.length > 1;
    const field = (index: number, name: string) => (many ? `[${index}].${name}` : name);
    const seen = new Set<string>();
    attendees.forEach((a, i) => {
      if (a.representingOfficialId === a.officialId) {
        throw new InvalidInputError(field(i, 'representingOfficialId'), 'an official cannot represent themselves');
      }
      if (seen.has(a.officialId)) throw new InvalidInputError(field(i, 'officialId'), 'the same official is listed twice');
      seen.add(a.officialId);
    });

    return this.dataSource.transaction(async (em) => {
      // Lock the meeting so two concurrent registrations of the same official cannot both pass the check.
      const meeting = await em.findOne(MeetingEntity, { where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw new NotFoundError('meeting', meetingId);
      const ids = [...new Set(attendees.flatMap((a) => [a.officialId, a.representingOfficialId].filter((x): x is string => !!x)))];
      const known = new Set((await em.findBy(OfficialEntity, { id: In(ids) })).map((o) => o.id));
      attendees.forEach((a, i) => {
        if (!known.has(a.officialId)) throw new NotFoundError('official', a.officialId, field(i, 'officialId'));
        if (a.representingOfficialId && !known.has(a.representingOfficialId)) {
          throw new NotFoundError('official', a.representingOfficialId, field(i, 'representingOfficialId'));
        }
      });
      const already = await em.findBy(AttendeeEntity, { meetingId, officialId: In([...seen]) });
      if (already.length) {
        throw new DomainError('conflict', 'ATTENDEE.ALREADY_REGISTERED', `officialId: official ${already[0].officialId} is already an attendee of this meeting`);
      }
      const rows = attendees.map((a) =>
        em.create(AttendeeEntity, {
          id: randomUUID(),
          meetingId,
          officialId: a.officialId,
          role: a.role,
          attendance: a.attendance,
          representingOfficialId: a.representingOfficialId ?? null,
        }),
      );
      await em.insert(AttendeeEntity, rows);
      await this.events.append(
        em,
        rows.map((row) =>
          domainEvent(
            DomainEventType.AttendeeRegistered,
            'meeting',
            meetingId,
            { attendeeId: row.id, officialId: row.officialId, role: row.role, attendance: row.attendance, representingOfficialId: row.representingOfficialId },
            actor,
          ),
        ),
      );
      return em.find(AttendeeEntity, { where: { id: In(rows.map((r) => r.id)) }, relations: { official: true, representingOfficial: true } });
    });
  }
}
