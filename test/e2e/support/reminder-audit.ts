import type { createBasics } from './fixtures';
import { ReceivedMail, reminderIdsOf, SmtpSink } from './smtp-sink';
import type { TestApi } from './test-app';

export type Basics = Awaited<ReturnType<typeof createBasics>>;

/** One row of GET /api/commitments/:id/reminders. */
export interface ReminderRow {
  id: string;
  kind: 'before' | 'due' | 'overdue' | 'escalation';
  label: string;
  dueAt: string;
  scheduledFor: string;
  status: 'scheduled' | 'sent' | 'failed' | 'cancelled';
  sentAt?: string;
  recipients: string[];
  attempts: number;
  error?: string;
}

export async function reminderLog(api: TestApi, commitmentId: string): Promise<ReminderRow[]> {
  const res = await api.http().get(`/api/commitments/${commitmentId}/reminders`).set('Authorization', `Bearer ${api.token}`);
  if (res.status !== 200) throw new Error(`GET reminders of ${commitmentId}: ${res.status} ${res.text}`);
  return res.body;
}

/** Agrees a commitment of the basics' meeting due `dueInMs` from now (FAST_REMINDERS timings). */
export async function agree(basics: Basics, title: string, dueInMs: number, overrides: Record<string, unknown> = {}) {
  return basics.post(`/api/meetings/${basics.meeting.id}/commitments`, {
    title,
    ownerOfficialId: basics.owner.id,
    regionCode: '63',
    programId: basics.program.id,
    dueAt: new Date(Date.now() + dueInMs).toISOString(),
    indicator: { unit: 'unit', target: 100 },
    ...overrides,
  });
}

/** The reminder with this kind and label (FAST_REMINDERS: 'H-PT8S', 'H-PT4S', 'H', overdue '1', '2', ...), sent. */
export function sentOne(log: ReminderRow[], kind: ReminderRow['kind'], label?: string): ReminderRow | undefined {
  return log.find((r) => r.kind === kind && (label === undefined || r.label === label) && r.status === 'sent');
}

/** The whole FAST_REMINDERS life of a commitment up to the second overdue reminder. */
export const FAST_LIFE: Array<[ReminderRow['kind'], string | undefined]> = [
  ['before', 'H-PT8S'],
  ['before', 'H-PT4S'],
  ['due', 'H'],
  ['overdue', '1'],
  ['escalation', undefined],
  ['overdue', '2'],
];

export function lifeSent(log: ReminderRow[], upToOverdue = 2): boolean {
  return FAST_LIFE.filter(([kind, label]) => kind !== 'overdue' || Number(label) <= upToOverdue).every(([kind, label]) => sentOne(log, kind, label));
}

/**
 * The SMTP server's messages against the delivery log. Each logged reminder that is 'sent' is in
 * exactly one message (X-Tindak-Lanjut-Reminders), every reminder id a message carries is logged
 * as 'sent' (or, beyond `life`, still in flight), and each kind/label of a commitment's life was sent exactly once (none lost, none twice).
 */
export function expectDeliveredExactlyOnce(smtp: SmtpSink, logs: ReminderRow[][], life = FAST_LIFE): Map<string, ReceivedMail> {
  const known = new Map(logs.flat().map((r) => [r.id, r]));
  const carriers = new Map<string, ReceivedMail[]>();
  for (const mail of smtp.messages) {
    for (const id of reminderIdsOf(mail)) {
      if (!known.has(id)) continue;
      carriers.set(id, [...(carriers.get(id) ?? []), mail]);
    }
  }
  const twice = [...carriers].filter(([, mails]) => mails.length > 1).map(([id, mails]) => `${known.get(id)!.kind} ${known.get(id)!.label} ×${mails.length}`);
  expect(twice).toEqual([]);
  // A reminder beyond the life the test waited for may be in flight: its e-mail taken by the SMTP
  // server, its 'sent' not yet committed when the log was read.
  const inLife = (r: ReminderRow) => life.some(([kind, label]) => r.kind === kind && (label === undefined || r.label === label));
  const deliveredButNotSent = [...carriers.keys()]
    .map((id) => known.get(id)!)
    .filter((r) => r.status !== 'sent' && (inLife(r) || r.status !== 'scheduled'))
    .map((r) => `${r.kind} ${r.label} ${r.status}`);
  expect(deliveredButNotSent).toEqual([]);
  const sentButNotDelivered = logs.flat().filter((r) => r.status === 'sent' && !carriers.has(r.id)).map((r) => `${r.kind} ${r.label}`);
  expect(sentButNotDelivered).toEqual([]);
  for (const log of logs) {
    const summary = life.map(([kind, label]) => `${kind} ${label ?? ''}: ${log.filter((r) => r.kind === kind && (label === undefined || r.label === label) && r.status === 'sent').length}`);
    expect(summary).toEqual(life.map(([kind, label]) => `${kind} ${label ?? ''}: 1`));
  }
  return new Map([...carriers].map(([id, mails]) => [id, mails[0]]));
}

/** Milliseconds from a reminder's planned time to the arrival of the message that carried it. */
export function lateness(row: ReminderRow, delivered: Map<string, ReceivedMail>): number {
  const mail = delivered.get(row.id);
  if (!mail) throw new Error(`${row.kind} ${row.label} was not delivered`);
  return mail.receivedAt.getTime() - Date.parse(row.scheduledFor);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
