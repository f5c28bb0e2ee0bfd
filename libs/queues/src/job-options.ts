import type { JobsOptions, WorkerOptions } from 'bullmq';

/** BullMQ refuses ':' in custom job ids; ids derived from keys use '_' instead. */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('_');
}

/**
 * Completed jobs are kept for a day so that re-adding the same id (a relay repeating itself after a
 * crash) is a no-op rather than a second run.
 */
export const RELAYED_EVENT_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function dispatchOptions(attempts: number, backoffMs: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * For the reminder workers: a job whose worker died (kill -9, lost machine) is found stalled and
 * run again within 15–30 s (its lock lapses, then two stalled checks) rather than BullMQ's default of
 * up to a minute and a half. Their jobs are short
 * and idempotent, and PostgreSQL keeps two runs from sending twice.
 */
export const QUICK_STALL_RECOVERY = {
  lockDuration: 15_000,
  stalledInterval: 5_000,
} satisfies Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'>;
