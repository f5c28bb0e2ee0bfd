import { emptyCounts } from './rollup-counts';
import { defaultTrendFrom, periodCount, periodStartOf, trendPoints } from './trend';

const counts = (total: number, done: number, overdue = 0, cancelled = 0) => ({ ...emptyCounts(), total, done, overdue, cancelled, open: total - done - cancelled });

describe('periodStartOf', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(periodStartOf('2026-03-11', 'week')).toBe('2026-03-09'); // a Wednesday
    expect(periodStartOf('2026-03-09', 'week')).toBe('2026-03-09');
    expect(periodStartOf('2026-03-15', 'week')).toBe('2026-03-09'); // Sunday ends the ISO week
    expect(periodStartOf('2026-01-01', 'week')).toBe('2025-12-29');
    expect(periodStartOf('2026-02-28', 'month')).toBe('2026-02-01');
  });
});

describe('periodCount and defaultTrendFrom', () => {
  it('counts both ends', () => {
    expect(periodCount('2026-03-09', '2026-03-15', 'week')).toBe(1);
    expect(periodCount('2026-03-01', '2026-03-16', 'week')).toBe(4); // Sunday 1 March ends the week of 23 February
    expect(periodCount('2025-11-30', '2026-02-01', 'month')).toBe(4);
    expect(periodCount('2026-03-16', '2026-03-01', 'week')).toBe(0);
  });

  it('goes back twelve periods by default', () => {
    expect(defaultTrendFrom('2026-03-11', 'week')).toBe('2025-12-22');
    expect(defaultTrendFrom('2026-03-11', 'month')).toBe('2025-04-01');
    expect(periodCount(defaultTrendFrom('2026-03-11', 'week'), '2026-03-11', 'week')).toBe(12);
  });
});

describe('trendPoints', () => {
  const days = [
    { day: '2026-02-16', counts: counts(2, 0) },
    { day: '2026-02-20', counts: counts(3, 1) }, // the last of its week wins
    { day: '2026-02-18', counts: counts(9, 9) },
    { day: '2026-03-02', counts: null }, // snapshot taken, nothing in the row that day
    { day: '2026-03-05', counts: counts(5, 2, 1, 1) },
  ];

  it('takes the last snapshot of each week, oldest first, skipping weeks without one', () => {
    const points = trendPoints(days, { from: '2026-02-01', to: '2026-03-08', interval: 'week', today: '2026-03-11' });
    expect(points.map((p) => [p.periodStart, p.asOf, p.total, p.done, p.overdue])).toEqual([
      ['2026-02-16', '2026-02-20', 3, 1, 0],
      ['2026-03-02', '2026-03-05', 5, 2, 1],
    ]);
    expect(points[1].completionRate).toBe(0.5);
    expect(points.every((p) => !p.live)).toBe(true);
  });

  it('shows a day without a row as zeros', () => {
    const [point] = trendPoints(days, { from: '2026-03-01', to: '2026-03-03', interval: 'week', today: '2026-03-11' });
    expect(point).toMatchObject({ periodStart: '2026-03-02', asOf: '2026-03-02', total: 0, completionRate: 0 });
  });

  it('ends with the live row for the current period when the range covers today', () => {
    const live = counts(6, 3);
    const points = trendPoints(days, { from: '2026-02-01', to: '2026-03-11', interval: 'month', today: '2026-03-11', live });
    expect(points.map((p) => [p.periodStart, p.asOf, p.total, p.live])).toEqual([
      ['2026-02-01', '2026-02-20', 3, false],
      ['2026-03-01', '2026-03-11', 6, true],
    ]);
    expect(points[1].completionRate).toBe(0.5);
    expect(trendPoints(days, { from: '2026-02-01', to: '2026-03-10', interval: 'month', today: '2026-03-11', live })).toHaveLength(2);
    expect(trendPoints(days, { from: '2026-02-01', to: '2026-03-10', interval: 'month', today: '2026-03-11', live }).at(-1)!.live).toBe(false);
  });

  it('keeps snapshots outside [from, to] out', () => {
    expect(trendPoints(days, { from: '2026-02-17', to: '2026-02-19', interval: 'week', today: '2026-03-11' })).toEqual([
      expect.objectContaining({ periodStart: '2026-02-16', asOf: '2026-02-18', total: 9 }),
    ]);
  });
});
