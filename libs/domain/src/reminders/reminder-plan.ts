import { DateTime, Duration } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-days';

/**
 * The reminder planner: when each reminder of a commitment goes out. Pure: the caller supplies
 * `now`, the owner's zone and a WorkingCalendar covering the years involved (see
 * calendarYearsForPlan), and persists / queues the result.
 */

export type ReminderKind = 'before' | 'due' | 'overdue' | 'escalation';
export type ReminderAlign = 'working-morning' | 'none';

export interface PlannedReminder {
  kind: ReminderKind;
  /**
   * before/due: the offset before the due time as ISO-8601 ('P7D', ..., 'P0D');
   * overdue: the ordinal k ('1', '2', ...); escalation: the ESCALATE_AFTER duration.
   */
  offset: string;
  scheduledFor: Date;
}

export interface OverdueReminder extends PlannedReminder {
  kind: 'overdue';
  /** k in dueAt + k * every, 1-based. */
  ordinal: number;
}

const SEND_AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses one ISO-8601 duration; rejects invalid and negative ones. */
export function parseDuration(value: string, label = 'duration'): Duration {
  const text = value.trim();
  const duration = Duration.fromISO(text);
  if (!duration.isValid) {
    throw new Error(`${label}: "${value}" is not an ISO-8601 duration such as P1D or PT12H`);
  }
  if (Object.values(duration.toObject()).some((n) => n !== undefined && n < 0)) {
    throw new Error(`${label}: "${value}" is negative`);
  }
  return duration;
}

/**
 * Parses a comma-separated list such as REMINDER_OFFSETS ('P7D,P3D,P1D,P0D'). An empty or blank
 * value means no offsets; an empty item between commas is an error (most likely a typo).
 */
export function parseOffsets(value: string, label = 'REMINDER_OFFSETS'): Duration[] {
  if (value.trim() === '') return [];
  return value.split(',').map((item, i) => {
    const name = `${label} item ${i + 1}`;
    if (item.trim() === '') throw new Error(`${name} is empty (in "${value}")`);
    return parseDuration(item, name);
  });
}

/** 'HH:mm' (24-hour) as in REMINDER_SEND_AT. */
export function parseSendAt(value: string): { hour: number; minute: number } {
  const match = SEND_AT.exec(value.trim());
  if (!match) throw new Error(`REMINDER_SEND_AT: "${value}" is not a time of day HH:mm (00:00-23:59)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function parseReminderAlign(value: string): ReminderAlign {
  const align = value.trim();
  if (align === 'working-morning' || align === 'none') return align;
  throw new Error(`REMINDER_ALIGN: "${value}" is neither "working-morning" nor "none"`);
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Canonical text of an offset; luxon writes zero as 'PT0S', the configuration says 'P0D'. */
export function formatOffset(offset: Duration): string {
  return isZero(offset) ? 'P0D' : offset.toISO()!;
}

function isZero(duration: Duration): boolean {
  return Object.values(duration.toObject()).every((n) => !n);
}

function localInstant(instant: Date, zone: string, label: string): DateTime {
  if (Number.isNaN(instant.getTime())) throw new Error(`${label} is not a valid date`);
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new Error(`"${zone}" is not a known IANA time zone`);
  return local;
}

export interface BeforeDuePlanInput {
  dueAt: Date;
  now: Date;
  offsets: readonly Duration[];
  align: ReminderAlign;
  /** 'HH:mm' local time for aligned reminders. */
  sendAt: string;
  /** The owner's IANA zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura). */
  zone: string;
  calendar: WorkingCalendar;
}

/**
 * The `before` and `due` reminders still to send, sorted by scheduledFor.
 *
 * - `none`: exactly dueAt − offset.
 * - `working-morning`: sendAt local time on the calendar day of dueAt − offset in `zone`, moved
 *   back to the previous working day; if that is after dueAt, dueAt itself (contract wording).
 *
 * Reminders whose instant is already before `now` are dropped, never sent late in a burst. This
 * includes the due-day one: if its morning has passed but dueAt is still ahead (a commitment
 * recorded at 10:00 due at 17:00), nothing is planned for it. scheduledFor therefore never
 * depends on `now`, so re-planning after an edit yields the same instants and is idempotent;
 * the owner learns of a same-day commitment from the meeting itself.
 *
 * Offsets landing on the same instant (P1D and P0D both moved back to Friday) are all kept: they
 * are distinct reminders; ties are ordered by larger offset first.
 */
export function planBeforeDueReminders(input: BeforeDuePlanInput): PlannedReminder[] {
  const { offsets, align, zone, calendar } = input;
  const due = localInstant(input.dueAt, zone, 'dueAt');
  const now = localInstant(input.now, zone, 'now').toMillis();
  const sendAt = align === 'working-morning' ? parseSendAt(input.sendAt) : undefined;

  const planned: { reminder: PlannedReminder; order: number }[] = [];
  for (const offset of offsets) {
    if (!offset.isValid) throw new Error(`invalid offset: ${offset.invalidExplanation}`);
    // Subtracting in the zone keeps calendar semantics (P1M, DST elsewhere); Indonesia has no DST.
    const target = due.minus(offset);
    let at = target;
    if (sendAt) {
      const day = calendar.previousWorkingDayOnOrBefore(target.toISODate()!);
      at = DateTime.fromISO(day, { zone }).set({ hour: sendAt.hour, minute: sendAt.minute, second: 0, millisecond: 0 });
      if (at > due) at = due;
    }
    if (at.toMillis() < now) continue;
    planned.push({
      reminder: { kind: isZero(offset) ? 'due' : 'before', offset: formatOffset(offset), scheduledFor: at.toJSDate() },
      order: target.toMillis(),
    });
  }
  return planned
    .sort((a, b) => a.reminder.scheduledFor.getTime() - b.reminder.scheduledFor.getTime() || a.order - b.order)
    .map((p) => p.reminder);
}

/**
 * The local years whose non-working days a plan may consult: from the earliest target minus a
 * month (moving back over a long break can cross New Year) to the year of dueAt.
 */
export function calendarYearsForPlan(input: { dueAt: Date; offsets: readonly Duration[]; zone: string }): number[] {
  const due = localInstant(input.dueAt, input.zone, 'dueAt');
  let earliest = due;
  for (const offset of input.offsets) {
    const target = due.minus(offset);
    if (target < earliest) earliest = target;
  }
  const first = earliest.minus({ days: 31 }).year;
  const years: number[] = [];
  for (let y = first; y <= due.year; y++) years.push(y);
  return years;
}

export interface OverdueInput {
  dueAt: Date;
  now: Date;
  every: Duration;
  lastSentAt?: Date;
  /** Zone for calendar units (P1M, or P1D across DST); Indonesian zones have no DST. Default UTC. */
  zone?: string;
}

/**
 * The next overdue reminder. Overdue reminders fall at dueAt + k * every (k = 1, 2, ...); this is
 * the first one that is at or after `now` and strictly after `lastSentAt`. Instants that passed
 * while nothing ran are skipped rather than sent in a burst; a queued job delivered late is still
 * sent by the queue, and the following call (with lastSentAt = that send) plans from there.
 * `ordinal` is k, so the text can say how late; daysOverdue gives the day count.
 */
export function nextOverdueReminder(input: OverdueInput): OverdueReminder {
  const zone = input.zone ?? 'UTC';
  const due = localInstant(input.dueAt, zone, 'dueAt');
  const now = localInstant(input.now, zone, 'now').toMillis();
  const last = input.lastSentAt ? localInstant(input.lastSentAt, zone, 'lastSentAt').toMillis() : undefined;
  const { every } = input;
  if (!every.isValid || every.toMillis() <= 0) throw new Error('OVERDUE_EVERY must be a positive duration');

  // dueAt + k * every, not k successive additions: P1M from 31 Jan gives 31 Mar, not 28 Mar.
  const at = (k: number) => due.plus(every.mapUnits((n) => n * k)).toMillis();
  const ok = (k: number) => at(k) >= now && (last === undefined || at(k) > last);

  const threshold = Math.max(now, last ?? now);
  let k = Math.max(1, Math.floor((threshold - due.toMillis()) / every.toMillis()));
  // The estimate uses casual month lengths; walk to the exact first k.
  while (k > 1 && ok(k - 1)) k--;
  while (!ok(k)) k++;
  return { kind: 'overdue', offset: String(k), ordinal: k, scheduledFor: new Date(at(k)) };
}

export function escalationAt(input: { dueAt: Date; escalateAfter: Duration; zone?: string }): Date {
  const due = localInstant(input.dueAt, input.zone ?? 'UTC', 'dueAt');
  return due.plus(input.escalateAfter).toJSDate();
}

/** The single escalation as a PlannedReminder (not aligned, per contract). */
export function planEscalation(input: { dueAt: Date; escalateAfter: Duration; zone?: string }): PlannedReminder {
  return { kind: 'escalation', offset: formatOffset(input.escalateAfter), scheduledFor: escalationAt(input) };
}

/**
 * Whole days late counted in local calendar days, like the H-n labels: due 25 Mar 17:00 WIB is
 * 1 day late from 26 Mar 00:00 WIB on. 0 when not late yet, or late only on the due day itself.
 */
export function daysOverdue(dueAt: Date, now: Date, zone: string): number {
  const due = localInstant(dueAt, zone, 'dueAt');
  const current = localInstant(now, zone, 'now');
  if (current <= due) return 0;
  // Round, not floor: across a DST change elsewhere a local day is 23 or 25 hours.
  return Math.round(current.startOf('day').diff(due.startOf('day'), 'days').days);
}

/**
 * The Indonesian 'H-n' label of a before/due reminder: 'H-7', 'H-3', 'H-1', and 'H' for the due
 * day. An offset that is not whole days keeps its ISO form ('H-PT12H').
 */
export function relativeLabel(kind: 'before' | 'due', offset: string | Duration): string {
  const duration = typeof offset === 'string' ? parseDuration(offset, 'offset') : offset;
  if (kind === 'due' || isZero(duration)) return 'H';
  const days = duration.as('days');
  return Number.isInteger(days) ? `H-${days}` : `H-${duration.toISO()}`;
}
