import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { officialCalendar } from './official-calendars';

/** A local calendar date, 'YYYY-MM-DD' (no time, no zone: "that day wherever you are"). */
export type LocalDate = string;

export type NonWorkingDaySource = 'national' | 'cuti_bersama' | 'admin';

export interface NonWorkingDay {
  date: LocalDate;
  name: string;
  source: NonWorkingDaySource;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// A long Lebaran break is about ten days; a year of non-working days means bad data, not a holiday.
const MAX_SEARCH_DAYS = 366;

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** The calendar date of an instant in an IANA zone, e.g. the owner's region. */
export function toLocalDate(instant: Date, zone: string): LocalDate {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new Error(`cannot place ${String(instant)} in zone "${zone}": ${local.invalidExplanation}`);
  return local.toISODate()!;
}

function parseLocalDate(value: LocalDate): DateTime {
  if (!isLocalDate(value)) {
    throw new Error(`"${value}" is not a calendar date (YYYY-MM-DD)`);
  }
  // UTC is only a neutral carrier for date arithmetic; no instant is meant.
  return DateTime.fromISO(value, { zone: 'utc' });
}

function compareDays(a: NonWorkingDay, b: NonWorkingDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Which calendar days are working days: Monday to Friday, minus the listed non-working days.
 * Holds no zone: callers convert an instant to the owner's local date first.
 */
export class WorkingCalendar {
  private readonly byDate = new Map<LocalDate, NonWorkingDay>();
  private readonly days: readonly NonWorkingDay[];

  constructor(days: Iterable<NonWorkingDay> = []) {
    const list: NonWorkingDay[] = [];
    for (const day of days) {
      parseLocalDate(day.date);
      const copy = Object.freeze({ date: day.date, name: day.name, source: day.source });
      list.push(copy);
      // The first entry for a date wins the lookup, so official days are not relabelled by admin ones.
      if (!this.byDate.has(copy.date)) this.byDate.set(copy.date, copy);
    }
    this.days = Object.freeze(list.sort(compareDays));
  }

  /** The official non-working days of each year (see officialNonWorkingDays) plus extra ones. */
  static forYears(years: Iterable<number>, extraDays: Iterable<NonWorkingDay> = []): WorkingCalendar {
    const days: NonWorkingDay[] = [];
    for (const year of new Set(years)) days.push(...officialNonWorkingDays(year));
    days.push(...extraDays);
    return new WorkingCalendar(days);
  }

  /** Every listed day, by date (a date listed twice appears twice). */
  get nonWorkingDays(): readonly NonWorkingDay[] {
    return this.days;
  }

  /** The listed non-working day on that date, if any (weekends are not listed). */
  nonWorkingDay(localDate: LocalDate): NonWorkingDay | undefined {
    parseLocalDate(localDate);
    return this.byDate.get(localDate);
  }

  isWeekend(localDate: LocalDate): boolean {
    return parseLocalDate(localDate).weekday >= 6;
  }

  isWorkingDay(localDate: LocalDate): boolean {
    return !this.isWeekend(localDate) && !this.byDate.has(localDate);
  }

  previousWorkingDayOnOrBefore(localDate: LocalDate): LocalDate {
    return this.search(localDate, -1);
  }

  nextWorkingDayOnOrAfter(localDate: LocalDate): LocalDate {
    return this.search(localDate, 1);
  }

  private search(localDate: LocalDate, step: 1 | -1): LocalDate {
    let day = parseLocalDate(localDate);
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
      const iso = day.toISODate()!;
      if (this.isWorkingDay(iso)) return iso;
      day = day.plus({ days: step });
    }
    throw new Error(`no working day within ${MAX_SEARCH_DAYS} days of ${localDate}`);
  }
}

let holidaysId: Holidays | undefined;
const dateHolidaysCache = new Map<number, readonly NonWorkingDay[]>();

/**
 * National public holidays of Indonesia for a year as the date-holidays package knows them.
 *
 * date-holidays starts Islamic holidays at 18:00 the evening before (the Hijri day begins at
 * sunset): Idul Fitri 2027 has `start` 2027-03-08T11:00Z = 8 Mar 18:00 WIB, while its `date` is
 * '2027-03-09 00:00:00 -0600'. Government offices close for the whole civil day, so the day is
 * taken from the first 10 characters of `date` (the rule's own local date, independent of the
 * process time zone), never from `start`.
 */
export function dateHolidaysNationalHolidays(year: number): NonWorkingDay[] {
  let days = dateHolidaysCache.get(year);
  if (!days) {
    holidaysId ??= new Holidays('ID', { languages: 'id', timezone: 'Asia/Jakarta' });
    const byDate = new Map<LocalDate, NonWorkingDay>();
    for (const holiday of holidaysId.getHolidays(year, 'id')) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      if (!date.startsWith(`${year}-`)) continue;
      const existing = byDate.get(date);
      // Two holidays on one date (e.g. 25 Dec 2027) stay one non-working day, both names kept.
      if (existing) existing.name = `${existing.name} / ${holiday.name}`;
      else byDate.set(date, { date, name: holiday.name, source: 'national' });
    }
    days = Object.freeze([...byDate.values()].sort(compareDays).map((d) => Object.freeze(d)));
    dateHolidaysCache.set(year, days);
  }
  return days.map((d) => ({ ...d }));
}

/** National holidays of a year: the curated official list when there is one, else date-holidays. */
export function nationalHolidays(year: number): NonWorkingDay[] {
  const official = officialCalendar(year);
  if (!official) return dateHolidaysNationalHolidays(year);
  return official.nationalHolidays.map((d) => ({ date: d.date, name: d.name, source: 'national' as const }));
}

/**
 * All official non-working days of a year: curated national holidays and cuti bersama when the
 * year is curated, else only date-holidays' national holidays (it knows no cuti bersama).
 */
export function officialNonWorkingDays(year: number): NonWorkingDay[] {
  const official = officialCalendar(year);
  if (!official) return dateHolidaysNationalHolidays(year);
  return [
    ...nationalHolidays(year),
    ...official.cutiBersama.map((d) => ({ date: d.date, name: d.name, source: 'cuti_bersama' as const })),
  ].sort(compareDays);
}
