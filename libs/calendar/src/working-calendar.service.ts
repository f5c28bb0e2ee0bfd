import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NonWorkingDay, officialNonWorkingDays, WorkingCalendar } from '@tl/domain';
import { NonWorkingDayEntity } from './non-working-day.entity';

/**
 * The working calendar as the reminder planner sees it: national holidays and cuti bersama (the
 * official SKB list where we have one, the date-holidays package otherwise), plus the admin's
 * changes stored in non_working_days.
 */
@Injectable()
export class WorkingCalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async daysOf(years: number[], em: EntityManager = this.dataSource.manager): Promise<NonWorkingDay[]> {
    const unique = [...new Set(years)].sort();
    const overrides = await em
      .createQueryBuilder(NonWorkingDayEntity, 'd')
      .where('EXTRACT(YEAR FROM d.date)::int IN (:...years)', { years: unique })
      .getMany();
    const removed = new Set(overrides.filter((d) => d.removed).map((d) => d.date));
    const added = new Map(overrides.filter((d) => !d.removed).map((d) => [d.date, d]));
    const days: NonWorkingDay[] = unique
      .flatMap((year) => officialNonWorkingDays(year))
      .filter((d) => !removed.has(d.date) && !added.has(d.date));
    for (const d of added.values()) days.push({ date: d.date, name: d.name, source: 'admin' });
    return days.sort((a, b) => a.date.localeCompare(b.date));
  }

  async calendarFor(years: number[], em?: EntityManager): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.daysOf(years, em));
  }
}
