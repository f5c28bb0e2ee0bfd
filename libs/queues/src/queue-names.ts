/**
 * Every queue and job name, declared once. Never rename a value without migrating the jobs that
 * wait in Redis under the old name.
 */
export const QueueName = {
  /** Domain events relayed from the outbox, for the reminder planner. */
  ReminderPlanning: 'reminder-planning',
  /** Due reminder e-mails, one delayed job per recipient and instant. */
  ReminderDelivery: 'reminder-delivery',
  /** Domain events relayed from the outbox, for the roll-up projections. */
  Rollups: 'rollups',
  /** Periodic jobs: digests, roll-up reconciliation, overdue sweeps. */
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  DomainEventRelayed: 'domain-event.relayed',
  ReminderDispatch: 'reminders.dispatch',
  RollupRebuild: 'rollups.rebuild',
  RollupOverdueSweep: 'rollups.overdue-sweep',
  RollupSnapshot: 'rollups.snapshot',
  WeeklyDigest: 'digest.weekly',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];
