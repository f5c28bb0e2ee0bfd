import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { domainEvent, DomainEventType, NotFoundError, officialNonWorkingDays } from '@tl/domain';
import { NonWorkingDayEntity } from './non-working-day.entity';

// The calendar is one aggregate; its events hang off this fixed id.
export const CALENDAR_AGGREGATE_ID = '00000000-0000-4000-8000-00000000ca1e';

export class AddNonWorkingDayCommand extends Command<NonWorkingDayEntity> {
  constructor(readonly date: string, readonly name: string, readonly actor: string) {
    super();
  }
}

export class RemoveNonWorkingDayCommand extends Command<void> {
  constructor(readonly date: string, readonly actor: string) {
    super();
  }
}

@CommandHandler(AddNonWorkingDayCommand)
export class AddNonWorkingDayHandler implements ICommandHandler<AddNonWorkingDayCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ date, name, actor }: AddNonWorkingDayCommand): Promise<NonWorkingDayEntity> {
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO non_working_days (date, name, removed, created_by) VALUES ($1, $2, false, $3)
         ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, removed = false, created_by = EXCLUDED.created_by, created_at = now()`,
        [date, name, actor],
      );
      await this.events.append(em, [domainEvent(DomainEventType.NonWorkingDayAdded, 'calendar', CALENDAR_AGGREGATE_ID, { date, name }, actor)]);
      return em.findOneByOrFail(NonWorkingDayEntity, { date });
    });
  }
}

@CommandHandler(RemoveNonWorkingDayCommand)
export class RemoveNonWorkingDayHandler implements ICommandHandler<RemoveNonWorkingDayCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ date, actor }: RemoveNonWorkingDayCommand): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const override = await em.findOneBy(NonWorkingDayEntity, { date });
      const official = officialNonWorkingDays(Number(date.slice(0, 4))).find((d) => d.date === date);
      if (!official && (!override || override.removed)) throw new NotFoundError('non-working day', date);
      if (official) {
        // An official day cannot be deleted from the package or the SKB list; it is switched off here.
        await em.query(
          `INSERT INTO non_working_days (date, name, removed, created_by) VALUES ($1, $2, true, $3)
           ON CONFLICT (date) DO UPDATE SET removed = true, created_by = EXCLUDED.created_by, created_at = now()`,
          [date, official.name, actor],
        );
      } else {
        await em.delete(NonWorkingDayEntity, { date });
      }
      const name = override?.name ?? official?.name ?? '';
      await this.events.append(em, [domainEvent(DomainEventType.NonWorkingDayRemoved, 'calendar', CALENDAR_AGGREGATE_ID, { date, name }, actor)]);
    });
  }
}
