import { DateTime } from 'luxon';
import type { LocalDate } from '../calendar/working-days';

export const DIGEST_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DigestWeekday = (typeof DIGEST_WEEKDAYS)[number];

export interface DigestSchedule {
  weekday: DigestWeekday;
  /** Local time of day, 'HH:mm'. */
  sendAt: string;
}

export interface DigestSlot {
  /** The Monday of the recipient's local week: one digest per recipient and week. */
  weekStart: LocalDate;
  /** The instant this week's digest is due in the recipient's zone. */
  at: Date;
}

/** This week's digest instant in `zone`: the schedule's weekday and time of the ISO week holding `now`. */
export function digestSlot(now: Date, zone: string, schedule: DigestSchedule): DigestSlot {
  const [hour, minute] = schedule.sendAt.split(':').map(Number);
  const monday = DateTime.fromJSDate(now, { zone }).startOf('week');
  const at = monday.plus({ days: DIGEST_WEEKDAYS.indexOf(schedule.weekday) }).set({ hour, minute, second: 0, millisecond: 0 });
  return { weekStart: monday.toISODate()!, at: at.toJSDate() };
}

/**
 * The digest a recipient in `zone` is due for at `now`, if any: from this week's send time until
 * `graceMs` later (so a worker that was down at 07:00 still sends at 07:40, but not on Thursday).
 */
export function dueDigestSlot(now: Date, zone: string, schedule: DigestSchedule, graceMs = 12 * 3_600_000): DigestSlot | null {
  const slot = digestSlot(now, zone, schedule);
  const t = now.getTime();
  return t >= slot.at.getTime() && t < slot.at.getTime() + graceMs ? slot : null;
}

/** The week a digest sent at `end` reports on: the seven days before it. */
export function digestPeriod(end: Date): { start: Date; end: Date } {
  return { start: new Date(end.getTime() - 7 * 86_400_000), end };
}
