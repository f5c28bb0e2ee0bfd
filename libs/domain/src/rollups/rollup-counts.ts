import { completionRate, CommitmentStatus, isOverdue } from '../commitments/commitment-status';

/** The status counts of one roll-up row (a province, regency, program or province × program). */
export interface RollupCounts {
  total: number;
  open: number;
  inProgress: number;
  blocked: number;
  done: number;
  cancelled: number;
  /** Neither done nor cancelled, and the due time has passed. */
  overdue: number;
}

/** One indicator unit summed over a row's commitments. */
export interface IndicatorSum {
  unit: string;
  target: number;
  achieved: number;
  /** achieved / target, unrounded; null when the target is 0. */
  progress: number | null;
  /** How many commitments carry this unit. */
  commitments: number;
}

export const COUNT_FIELDS = ['total', 'open', 'inProgress', 'blocked', 'done', 'cancelled', 'overdue'] as const satisfies readonly (keyof RollupCounts)[];

export function emptyCounts(): RollupCounts {
  return { total: 0, open: 0, inProgress: 0, blocked: 0, done: 0, cancelled: 0, overdue: 0 };
}

const STATUS_FIELD: Record<CommitmentStatus, keyof RollupCounts> = {
  open: 'open',
  in_progress: 'inProgress',
  blocked: 'blocked',
  done: 'done',
  cancelled: 'cancelled',
};

/**
 * The reference definition of a row's counts. The projection computes the same thing in SQL (it
 * must not load every commitment); this function is what its results are checked against.
 */
export function tallyCommitments(items: Iterable<{ status: CommitmentStatus; dueAt: Date }>, now: Date): RollupCounts {
  const counts = emptyCounts();
  for (const item of items) {
    counts.total++;
    counts[STATUS_FIELD[item.status]]++;
    if (isOverdue(item.dueAt, item.status, now)) counts.overdue++;
  }
  return counts;
}

export interface IndicatorInput {
  status: CommitmentStatus;
  unit: string | null;
  target: number | null;
  achieved: number | null;
}

/**
 * Sums indicators per unit. Cancelled commitments are left out, as they are from the completion
 * rate: a target nobody pursues any more would hold the ratio down for good. Nothing achieved yet
 * counts as 0.
 */
export function sumIndicators(items: Iterable<IndicatorInput>): IndicatorSum[] {
  const byUnit = new Map<string, { target: number; achieved: number; commitments: number }>();
  for (const item of items) {
    if (item.unit === null || item.target === null || item.status === 'cancelled') continue;
    const sum = byUnit.get(item.unit) ?? { target: 0, achieved: 0, commitments: 0 };
    sum.target += item.target;
    sum.achieved += item.achieved ?? 0;
    sum.commitments++;
    byUnit.set(item.unit, sum);
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unit, s]) => ({ unit, target: s.target, achieved: s.achieved, progress: indicatorProgress(s.target, s.achieved), commitments: s.commitments }));
}

export function indicatorProgress(target: number, achieved: number): number | null {
  return target > 0 ? achieved / target : null;
}

/** Completion rate of a row: done / (total − cancelled), 0 when nothing counts. */
export function rowCompletionRate(counts: Pick<RollupCounts, 'total' | 'done' | 'cancelled'>): number {
  return completionRate(counts);
}

export function addCounts(a: RollupCounts, b: RollupCounts): RollupCounts {
  const sum = emptyCounts();
  for (const field of COUNT_FIELDS) sum[field] = a[field] + b[field];
  return sum;
}

export interface StoredRow {
  counts: RollupCounts;
  indicators: Pick<IndicatorSum, 'unit' | 'target' | 'achieved' | 'commitments'>[];
}

// Sums of numeric columns come back as decimal text; 1e-9 absorbs float noise, not real drift.
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The fields in which a stored row differs from a fresh computation (empty: no drift). A missing
 * row is an all-zero row. `ignoreOverdue` is for rows whose overdue count may lag legitimately
 * (a due time passed since the last sweep).
 */
export function rowDrift(stored: StoredRow | undefined, fresh: StoredRow | undefined, ignoreOverdue = false): string[] {
  const a = stored ?? { counts: emptyCounts(), indicators: [] };
  const b = fresh ?? { counts: emptyCounts(), indicators: [] };
  const fields: string[] = COUNT_FIELDS.filter((f) => !(ignoreOverdue && f === 'overdue') && a.counts[f] !== b.counts[f]);
  const units = new Set([...a.indicators.map((i) => i.unit), ...b.indicators.map((i) => i.unit)]);
  for (const unit of [...units].sort()) {
    const x = a.indicators.find((i) => i.unit === unit);
    const y = b.indicators.find((i) => i.unit === unit);
    if (!x || !y || !same(x.target, y.target) || !same(x.achieved, y.achieved) || x.commitments !== y.commitments) fields.push(`indicators.${unit}`);
  }
  return fields;
}
