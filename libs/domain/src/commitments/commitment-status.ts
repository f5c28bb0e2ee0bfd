import { DomainError } from '../errors';

export const COMMITMENT_STATUSES = ['open', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const FINAL_STATUSES: readonly CommitmentStatus[] = ['done', 'cancelled'];

/** Allowed progress transitions (the contract's status rules). */
const TRANSITIONS: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  open: ['in_progress', 'cancelled'],
  in_progress: ['done', 'blocked', 'cancelled'],
  blocked: ['in_progress', 'cancelled'],
  done: [],
  cancelled: [],
};

export function isFinal(status: CommitmentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class ForbiddenTransitionError extends DomainError {
  constructor(readonly from: CommitmentStatus, readonly to: CommitmentStatus) {
    super(
      'unprocessable',
      'COMMITMENT.FORBIDDEN_TRANSITION',
      isFinal(from)
        ? `status ${from} is final: a commitment that is ${from} cannot receive progress (requested ${to})`
        : `status cannot change from ${from} to ${to}; from ${from} it can go to ${TRANSITIONS[from].join(' or ')}`,
    );
  }
}

/**
 * The status after a progress report. A report without a status keeps the current one, and so does
 * one that repeats it; a done or cancelled commitment takes no more progress reports at all.
 */
export function nextStatus(current: CommitmentStatus, requested?: CommitmentStatus): CommitmentStatus {
  if (isFinal(current)) throw new ForbiddenTransitionError(current, requested ?? current);
  if (requested === undefined || requested === current) return current;
  if (!canTransition(current, requested)) throw new ForbiddenTransitionError(current, requested);
  return requested;
}

/** Reopening is a separate, deliberate act (not a progress report): a final commitment goes back to open. */
export function reopenStatus(current: CommitmentStatus): CommitmentStatus {
  if (!isFinal(current)) {
    throw new DomainError('unprocessable', 'COMMITMENT.NOT_FINAL', `only a done or cancelled commitment can be reopened; this one is ${current}`);
  }
  return 'open';
}

/** Overdue: the due time has passed and the commitment is neither done nor cancelled. */
export function isOverdue(dueAt: Date, status: CommitmentStatus, now: Date): boolean {
  return !isFinal(status) && dueAt.getTime() < now.getTime();
}

/** Completion rate: done / (total − cancelled), 0 when nothing counts. */
export function completionRate(counts: { total: number; done: number; cancelled: number }): number {
  const counted = counts.total - counts.cancelled;
  return counted > 0 ? counts.done / counted : 0;
}
