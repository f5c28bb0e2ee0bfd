import type { JobName } from './queue-names';

/** A domain event as the relay hands it to a consumer queue (the event row's identity and data). */
export interface DomainEventRelayedPayload {
  eventId: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  data: Record<string, unknown>;
  actor: string;
  occurredAt: string;
}

/** Deliver every reminder due for one recipient group at one instant, as one e-mail. */
export interface ReminderDispatchPayload {
  dispatchKey: string;
  scheduledFor: string;
}

export interface RollupRebuildPayload {
  reason: 'nightly' | 'manual' | 'startup';
}

/**
 * The weekly leadership digest. `schedule` (the periodic check) sends to recipients whose local
 * send time has come this week; `manual` sends now, to everyone or to `officialIds`, and with
 * `resend` even to recipients who already received this week's digest.
 */
export interface WeeklyDigestPayload {
  trigger: 'schedule' | 'manual';
  officialIds?: string[];
  resend?: boolean;
}

export interface JobPayloads {
  'domain-event.relayed': DomainEventRelayedPayload;
  'reminders.dispatch': ReminderDispatchPayload;
  'rollups.rebuild': RollupRebuildPayload;
  'rollups.overdue-sweep': Record<string, never>;
  'rollups.snapshot': Record<string, never>;
  'digest.weekly': WeeklyDigestPayload;
}

// Compile-time check that every job name has a payload type.
type _EveryJobHasPayload = JobPayloads[JobName];
