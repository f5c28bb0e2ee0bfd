import { canTransition, completionRate, ForbiddenTransitionError, isOverdue, nextStatus, reopenStatus, COMMITMENT_STATUSES } from './commitment-status';

describe('commitment status rules', () => {
  const allowed = new Set(['open>in_progress', 'in_progress>done', 'in_progress>blocked', 'blocked>in_progress', 'open>cancelled', 'in_progress>cancelled', 'blocked>cancelled']);

  it.each(COMMITMENT_STATUSES.flatMap((from) => COMMITMENT_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const)))(
    '%s → %s follows the contract table',
    (from, to) => {
      expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
      if (allowed.has(`${from}>${to}`)) expect(nextStatus(from, to)).toBe(to);
      else expect(() => nextStatus(from, to)).toThrow(ForbiddenTransitionError);
    },
  );

  it('names both states in a forbidden transition', () => {
    expect(() => nextStatus('open', 'done')).toThrow(/from open to done/);
    expect(() => nextStatus('cancelled', 'done')).toThrow(/cancelled.*done/);
  });

  it('keeps the status when a report carries none or repeats it', () => {
    expect(nextStatus('in_progress')).toBe('in_progress');
    expect(nextStatus('blocked', 'blocked')).toBe('blocked');
  });

  it('refuses any progress on a final commitment, even without a status', () => {
    expect(() => nextStatus('done')).toThrow(ForbiddenTransitionError);
    expect(() => nextStatus('cancelled', 'cancelled')).toThrow(ForbiddenTransitionError);
  });

  it('reopens only final commitments', () => {
    expect(reopenStatus('done')).toBe('open');
    expect(reopenStatus('cancelled')).toBe('open');
    expect(() => reopenStatus('blocked')).toThrow(/only a done or cancelled/);
  });

  it('is overdue only past the due time and while not final', () => {
    const due = new Date('2026-03-10T10:00:00Z');
    expect(isOverdue(due, 'open', new Date('2026-03-10T10:00:01Z'))).toBe(true);
    expect(isOverdue(due, 'blocked', new Date('2026-03-10T09:59:59Z'))).toBe(false);
    expect(isOverdue(due, 'done', new Date('2026-04-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(due, 'cancelled', new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('computes the completion rate without cancelled ones, unrounded', () => {
    expect(completionRate({ total: 4, done: 1, cancelled: 1 })).toBeCloseTo(1 / 3, 12);
    expect(completionRate({ total: 2, done: 0, cancelled: 2 })).toBe(0);
    expect(completionRate({ total: 0, done: 0, cancelled: 0 })).toBe(0);
  });
});
