import { DomainEventType } from '@tl/domain';
import { QueueName } from './queue-names';

const COMMITMENT_EVENTS: DomainEventType[] = [
  DomainEventType.CommitmentAgreed,
  DomainEventType.CommitmentRevised,
  DomainEventType.CommitmentRescheduled,
  DomainEventType.CommitmentReassigned,
  DomainEventType.ProgressReported,
  DomainEventType.CommitmentReopened,
  DomainEventType.CommitmentCarriedForward,
];

/** Which queues the outbox relay hands each domain event to. */
export const EVENT_ROUTES: ReadonlyArray<{ queue: QueueName; types: readonly DomainEventType[] }> = [
  { queue: QueueName.ReminderPlanning, types: COMMITMENT_EVENTS },
  { queue: QueueName.Rollups, types: COMMITMENT_EVENTS },
];

export function queuesFor(type: string): QueueName[] {
  return EVENT_ROUTES.filter((route) => (route.types as readonly string[]).includes(type)).map((route) => route.queue);
}
