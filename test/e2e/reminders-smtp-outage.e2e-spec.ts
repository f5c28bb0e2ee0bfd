import { createBasics } from './support/fixtures';
import { freePort } from './support/processes';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, lifeSent, reminderLog, ReminderRow, sentOne } from './support/reminder-audit';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestStack, TestStack } from './support/test-app';

describe('SMTP down, then up again: every reminder is delivered once', () => {
  let port: number;
  let first: SmtpSink;
  let second: SmtpSink | undefined;
  let stack: TestStack;
  let basics: Basics;

  beforeAll(async () => {
    port = await freePort();
    first = await new SmtpSink({ closeTimeout: 200 }).start(port);
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: first.url });
    basics = await createBasics(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await first?.stop();
    await second?.stop();
  });

  it('retries through an outage longer than one retry, then delivers each reminder once', async () => {
    const commitment = await agree(basics, 'Rekonsiliasi data backlog perumahan', 10_000);
    await waitFor(async () => (await reminderLog(stack, commitment.id)).length >= 5, 5000, 'the reminder plan');

    // The SMTP server goes away before the first reminder (H-8s).
    await first.stop();
    const h8Failing = await waitFor(async () => {
      const row = (await reminderLog(stack, commitment.id)).find((r) => r.label === 'H-PT8S');
      return row && row.attempts >= 2 && row.status === 'scheduled' ? row : undefined;
    }, 10_000, 'H-8s to fail twice and wait for another retry');
    expect(h8Failing.error).toMatch(/ECONNREFUSED|connect|Connection/i);

    // Work goes on during the outage: a progress report re-plans the commitment.
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'in_progress', achieved: 40, note: 'Rekonsiliasi berjalan' });
    await waitFor(async () => {
      const row = (await reminderLog(stack, commitment.id)).find((r) => r.label === 'H-PT4S');
      return row && row.attempts >= 1 && row.status === 'scheduled';
    }, 10_000, 'H-4s to fail too');

    second = await new SmtpSink().start(port);
    const upAt = Date.now();
    const log = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      return lifeSent(rows, 1) ? rows : undefined;
    }, 30_000, 'every reminder up to the escalation after the outage');

    expect(first.messages).toHaveLength(0);
    const delivered = expectDeliveredExactlyOnce(second, [log], [
      ['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['escalation', undefined],
    ]);
    const h8 = sentOne(log, 'before', 'H-PT8S')!;
    expect(h8.attempts).toBeGreaterThanOrEqual(3);
    expect(h8.error).toBeUndefined();
    // What waited for the outage went out with the next retry; what came after, on time.
    for (const row of log.filter((r) => r.status === 'sent')) {
      if (Date.parse(row.scheduledFor) > upAt + 500) expect(lateness(row, delivered)).toBeLessThan(2000);
      else expect(delivered.get(row.id)!.receivedAt.getTime() - upAt).toBeLessThan(10_000);
    }
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'done', note: 'Selesai' });
  }, 60_000);
});

describe('SMTP never answers: the reminder is failed after the last attempt, with the error', () => {
  let stack: TestStack;
  let basics: Basics;

  beforeAll(async () => {
    const closed = await freePort();
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: `smtp://127.0.0.1:${closed}`, MAIL_ATTEMPTS: '2', MAIL_RETRY_DELAY: 'PT1S' });
    basics = await createBasics(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('marks each reminder failed after MAIL_ATTEMPTS, shows the error, and keeps planning the next overdue one', async () => {
    const commitment = await agree(basics, 'Penyusunan laporan capaian RTLH', 6000);
    const dueAt = Date.parse(commitment.dueAt);

    const h4 = await waitFor(async () => {
      const row = (await reminderLog(stack, commitment.id)).find((r) => r.label === 'H-PT4S');
      return row?.status === 'failed' ? row : undefined;
    }, 10_000, 'H-4s to fail for good');
    expect(h4.attempts).toBe(2);
    expect(h4.error).toMatch(/ECONNREFUSED|connect/i);
    expect(h4.sentAt).toBeUndefined();

    // The first overdue reminder fails too; the next one is still planned after it.
    const log: ReminderRow[] = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      const failedOverdue = rows.find((r) => r.kind === 'overdue' && r.label === '1' && r.status === 'failed');
      const next = rows.find((r) => r.kind === 'overdue' && r.label === '2' && r.status === 'scheduled');
      return failedOverdue && next ? rows : undefined;
    }, Math.max(10_000, dueAt + 6000 + 8000 - Date.now()), 'overdue 1 failed and overdue 2 planned');
    expect(Date.parse(log.find((r) => r.kind === 'overdue' && r.label === '2')!.scheduledFor)).toBe(dueAt + 12_000);
    for (const row of log.filter((r) => r.status === 'failed')) {
      expect(row.attempts).toBe(2);
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    }
    expect(log.some((r) => r.status === 'sent')).toBe(false);
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Dibatalkan' });
  }, 40_000);
});
