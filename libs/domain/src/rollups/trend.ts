import { DateTime } from 'luxon';
import type { LocalDate } from '../calendar/working-days';
import { emptyCounts, RollupCounts, rowCompletionRate } from './rollup-counts';

export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** How many periods a trend shows when `from` is not given. */
export const DEFAULT_TREND_PERIODS = 12;
/** The longest range a trend may span, in periods (ten years of weeks). */
export const MAX_TREND_PERIODS = 520;

// Days carry no zone; UTC is only the carrier for date arithmetic.
const day = (value: LocalDate) => DateTime.fromISO(value, { zone: 'utc' });

/** The first day of the period containing `date`: the ISO week's Monday, or the 1st of the month. */
export function periodStartOf(date: LocalDate, interval: TrendInterval): LocalDate {
  return day(date).startOf(interval === 'week' ? 'week' : 'month').toISODate()!;
}

/** The number of periods from the one containing `from` to the one containing `to`, both included. */
export function periodCount(from: LocalDate, to: LocalDate, interval: TrendInterval): number {
  const a = day(periodStartOf(from, interval));
  const b = day(periodStartOf(to, interval));
  if (b < a) return 0;
  return interval === 'week' ? Math.round(b.diff(a, 'weeks').weeks) + 1 : Math.round(b.diff(a, 'months').months) + 1;
}

/** The default start of a trend: the first day of the period `periods − 1` periods before `to`'s. */
export function defaultTrendFrom(to: LocalDate, interval: TrendInterval, periods = DEFAULT_TREND_PERIODS): LocalDate {
  return day(periodStartOf(to, interval))
    .minus(interval === 'week' ? { weeks: periods - 1 } : { months: periods - 1 })
    .toISODate()!;
}

/** One daily snapshot of a row; `counts` null means the snapshot was taken and the row had nothing. */
export interface SnapshotDay {
  day: LocalDate;
  counts: RollupCounts | null;
}

export interface TrendPoint extends RollupCounts {
  periodStart: LocalDate;
  /** The day whose state the point shows (the period's last snapshot, or today for the live row). */
  asOf: LocalDate;
  completionRate: number;
  live: boolean;
}

export interface TrendInput {
  from: LocalDate;
  to: LocalDate;
  interval: TrendInterval;
  /** Today in the reporting zone. */
  today: LocalDate;
  /** The live row; it becomes the last point when [from, to] covers today. */
  live?: RollupCounts | null;
}

/**
 * A row's trend: for each period holding at least one snapshot day within [from, to], the last of
 * them; then today's live row as the current period's point when the range covers today. Periods
 * without any snapshot are left out rather than shown as zero, which would read as "nothing".
 */
export function trendPoints(days: Iterable<SnapshotDay>, input: TrendInput): TrendPoint[] {
  const { from, to, interval, today } = input;
  const last = new Map<LocalDate, SnapshotDay>();
  for (const snapshot of days) {
    if (snapshot.day < from || snapshot.day > to) continue;
    const start = periodStartOf(snapshot.day, interval);
    const seen = last.get(start);
    if (!seen || seen.day < snapshot.day) last.set(start, snapshot);
  }
  const point = (periodStart: LocalDate, asOf: LocalDate, counts: RollupCounts | null, live: boolean): TrendPoint => {
    const c = counts ?? emptyCounts();
    return { periodStart, asOf, ...c, completionRate: rowCompletionRate(c), live };
  };
  const points = new Map<LocalDate, TrendPoint>();
  for (const [start, snapshot] of last) points.set(start, point(start, snapshot.day, snapshot.counts, false));
  if (input.live !== undefined && today >= from && today <= to) {
    const start = periodStartOf(today, interval);
    points.set(start, point(start, today, input.live, true));
  }
  return [...points.values()].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
}
