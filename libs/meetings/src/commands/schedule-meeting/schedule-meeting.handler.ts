import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EventStore } from '@tl/database';
import { AgencyEntity, ProgramEntity, RegionDirectory } from '@tl/directory';
import { domainEvent, DomainEventType, InvalidInputError, NotFoundError } from '@tl/domain';
import { MeetingEntity } from '../../persistence/meeting.entity';
import { ScheduleMeetingCommand } from './schedule-meeting.command';

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ input, actor }: ScheduleMeetingCommand): Promise<MeetingEntity> {
    if (input.regionCode) this.regions.assertExists(input.regionCode);
    if (input.endsAt && input.endsAt < input.startsAt) throw new InvalidInputError('endsAt', 'must not be before startsAt');
    const programIds = [...new Set(input.programIds ?? [])];
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(AgencyEntity, { id: input.organizerAgencyId }))) {
        throw new NotFoundError('agency', input.organizerAgencyId, 'organizerAgencyId');
      }
      const programs = programIds.length ? await em.findBy(ProgramEntity, { id: In(programIds) }) : [];
      const missing = programIds.find((id) => !programs.some((p) => p.id === id));
      if (missing) throw new NotFoundError('program', missing, 'programIds');

      const meeting = em.create(MeetingEntity, {
        id: input.id ?? randomUUID(),
        kind: input.kind,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        venue: input.venue,
        mode: input.mode,
        onlineUrl: input.onlineUrl ?? null,
        organizerAgencyId: input.organizerAgencyId,
        regionCode: input.regionCode ?? null,
        summary: input.summary ?? null,
      });
      await em.insert(MeetingEntity, meeting);
      if (programs.length) await em.createQueryBuilder().relation(MeetingEntity, 'programs').of(meeting.id).add(programIds);
      await this.events.append(em, [
        domainEvent(
          DomainEventType.MeetingScheduled,
          'meeting',
          meeting.id,
          { kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt.toISOString(), regionCode: meeting.regionCode, programIds },
          actor,
        ),
      ]);
      return em.findOneOrFail(MeetingEntity, { where: { id: meeting.id }, relations: { programs: true } });
    });
  }
}
