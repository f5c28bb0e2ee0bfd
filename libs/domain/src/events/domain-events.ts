import type { CommitmentStatus } from '../commitments/commitment-status';

/**
 * Every domain event the product records, declared once. Names are past-tense facts. The events
 * table is both a commitment's history and the outbox the worker relays to the queues.
 */
export const DomainEventType = {
  AgencyRegistered: 'AgencyRegistered',
  OfficialRegistered: 'OfficialRegistered',
  ProgramRegistered: 'ProgramRegistered',
  MeetingScheduled: 'MeetingScheduled',
  AttendeeRegistered: 'AttendeeRegistered',
  CommitmentAgreed: 'CommitmentAgreed',
  CommitmentRevised: 'CommitmentRevised',
  CommitmentRescheduled: 'CommitmentRescheduled',
  CommitmentReassigned: 'CommitmentReassigned',
  ProgressReported: 'ProgressReported',
  CommitmentReopened: 'CommitmentReopened',
  CommitmentCarriedForward: 'CommitmentCarriedForward',
  NonWorkingDayAdded: 'NonWorkingDayAdded',
  NonWorkingDayRemoved: 'NonWorkingDayRemoved',
} as const;
export type DomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];

export type AggregateType = 'agency' | 'official' | 'program' | 'meeting' | 'commitment' | 'calendar';

export interface IndicatorData {
  unit: string;
  baseline: number | null;
  target: number;
  achieved: number | null;
}

/** The data each event carries (what a reader of the history or a projection needs). */
export interface DomainEventPayloads {
  AgencyRegistered: { name: string; level: string; regionCode: string | null };
  OfficialRegistered: { name: string; position: string; agencyId: string; regionCode: string | null };
  ProgramRegistered: { code: string; name: string };
  MeetingScheduled: { kind: string; title: string; startsAt: string; regionCode: string | null; programIds: string[] };
  AttendeeRegistered: { attendeeId: string; officialId: string; role: string; attendance: string; representingOfficialId: string | null };
  CommitmentAgreed: {
    meetingId: string;
    title: string;
    ownerOfficialId: string;
    regionCode: string;
    programId: string | null;
    dueAt: string;
    status: CommitmentStatus;
    indicator: IndicatorData | null;
  };
  CommitmentRevised: { changes: Record<string, { from: unknown; to: unknown }> };
  CommitmentRescheduled: { from: string; to: string };
  CommitmentReassigned: { from: string; to: string };
  ProgressReported: { from: CommitmentStatus; to: CommitmentStatus; achieved: number | null; previousAchieved: number | null; note: string; via: 'api' | 'email-link' };
  CommitmentReopened: { from: CommitmentStatus; to: CommitmentStatus; reason: string };
  CommitmentCarriedForward: { toMeetingId: string; fromMeetingId: string; dueAt?: { from: string; to: string }; ownerOfficialId?: { from: string; to: string }; note?: string };
  NonWorkingDayAdded: { date: string; name: string };
  NonWorkingDayRemoved: { date: string; name: string };
}

export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  aggregateType: AggregateType;
  aggregateId: string;
  data: DomainEventPayloads[T];
  actor: string;
  occurredAt?: Date;
}

export function domainEvent<T extends DomainEventType>(
  type: T,
  aggregateType: AggregateType,
  aggregateId: string,
  data: DomainEventPayloads[T],
  actor: string,
): NewDomainEvent<T> {
  return { type, aggregateType, aggregateId, data, actor };
}
