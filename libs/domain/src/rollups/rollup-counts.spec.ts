import { addCounts, emptyCounts, indicatorProgress, rowCompletionRate, rowDrift, sumIndicators, tallyCommitments } from './rollup-counts';

const now = new Date('2026-03-10T03:00:00Z');
const past = new Date('2026-03-01T09:00:00Z');
const future = new Date('2026-04-01T09:00:00Z');

describe('tallyCommitments', () => {
  it('counts every status and the overdue ones', () => {
    const counts = tallyCommitments(
      [
        { status: 'open', dueAt: past },
        { status: 'open', dueAt: future },
        { status: 'in_progress', dueAt: past },
        { status: 'blocked', dueAt: past },
        { status: 'done', dueAt: past },
        { status: 'cancelled', dueAt: past },
      ],
      now,
    );
    expect(counts).toEqual({ total: 6, open: 2, inProgress: 1, blocked: 1, done: 1, cancelled: 1, overdue: 3 });
  });

  it('is not overdue at the exact due time, only after it', () => {
    expect(tallyCommitments([{ status: 'open', dueAt: now }], now).overdue).toBe(0);
    expect(tallyCommitments([{ status: 'open', dueAt: new Date(now.getTime() - 1) }], now).overdue).toBe(1);
  });
});

describe('rowCompletionRate', () => {
  it('is done / (total − cancelled), unrounded, and 0 when nothing counts', () => {
    expect(rowCompletionRate({ total: 7, done: 2, cancelled: 1 })).toBeCloseTo(1 / 3, 12);
    expect(rowCompletionRate({ total: 3, done: 0, cancelled: 3 })).toBe(0);
    expect(rowCompletionRate(emptyCounts())).toBe(0);
  });
});

describe('sumIndicators', () => {
  it('sums target and achieved per unit, leaves out cancelled ones, and treats nothing achieved as 0', () => {
    const sums = sumIndicators([
      { status: 'open', unit: 'unit', target: 100, achieved: null },
      { status: 'done', unit: 'unit', target: 50, achieved: 50 },
      { status: 'in_progress', unit: 'km', target: 12.5, achieved: 2.25 },
      { status: 'cancelled', unit: 'unit', target: 1000, achieved: 10 },
      { status: 'open', unit: null, target: null, achieved: null },
    ]);
    expect(sums).toEqual([
      { unit: 'km', target: 12.5, achieved: 2.25, progress: 0.18, commitments: 1 },
      { unit: 'unit', target: 150, achieved: 50, progress: 50 / 150, commitments: 2 },
    ]);
  });

  it('has no progress ratio for a zero target', () => {
    expect(indicatorProgress(0, 5)).toBeNull();
    expect(sumIndicators([{ status: 'open', unit: 'dokumen', target: 0, achieved: 0 }])[0].progress).toBeNull();
  });
});

describe('addCounts', () => {
  it('adds field by field', () => {
    const a = { total: 3, open: 1, inProgress: 1, blocked: 0, done: 1, cancelled: 0, overdue: 1 };
    expect(addCounts(a, a)).toEqual({ total: 6, open: 2, inProgress: 2, blocked: 0, done: 2, cancelled: 0, overdue: 2 });
  });
});

describe('rowDrift', () => {
  const row = (over: Partial<ReturnType<typeof emptyCounts>> = {}, indicators = [{ unit: 'unit', target: 10, achieved: 2, commitments: 1 }]) => ({
    counts: { ...emptyCounts(), total: 2, open: 1, done: 1, ...over },
    indicators,
  });

  it('names nothing for equal rows (float noise in sums included)', () => {
    expect(rowDrift(row(), row({}, [{ unit: 'unit', target: 10, achieved: 2.0000000000001, commitments: 1 }]))).toEqual([]);
    expect(rowDrift(undefined, undefined)).toEqual([]);
  });

  it('names each differing count and indicator unit', () => {
    expect(rowDrift(row({ done: 4, overdue: 1 }), row())).toEqual(['done', 'overdue']);
    expect(rowDrift(row({}, []), row())).toEqual(['indicators.unit']);
  });

  it('treats a missing row as zeros, and can ignore a lagging overdue count', () => {
    expect(rowDrift(undefined, row())).toEqual(['total', 'open', 'done', 'indicators.unit']);
    expect(rowDrift(row({ overdue: 0 }), row({ overdue: 2 }), true)).toEqual([]);
  });
});
