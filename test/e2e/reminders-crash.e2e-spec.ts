import { createBasics } from './support/fixtures';
import { STALLED_JOB_RECOVERY_MS, WorkerProcesses } from './support/processes';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, lifeSent, ReminderRow, reminderLog, sentOne, sleep } from './support/reminder-audit';
import { reminderIdsOf, SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestApi, TestApi } from './support/test-app';

/**
 * kill -9 of a worker process in the middle of a reminder life, then a restart: every reminder is
 * still delivered, none twice (the SMTP server's messages against the delivery log).
 */
describe('reminders survive kill -9 of the worker (worker processes, real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let basics: Basics;
  let workers: WorkerProcesses;

  beforeAll(async () => {
    smtp = await new SmtpSink({ closeTimeout: 500 }).start();
    api = await startTestApi({ ...FAST_REMINDERS, SMTP_URL: smtp.url });
    basics = await createBasics(api);
    workers = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: smtp.url });
  }, 60_000);
  afterAll(async () => {
    await workers?.close();
    await api?.close();
    await smtp?.stop();
  });
  // Each test ends with its commitment done and no worker running, so the next starts clean.
  const done: string[] = [];
  afterEach(async () => {
    for (const id of done.splice(0)) await basics.post(`/api/commitments/${id}/progress`, { status: 'cancelled', note: 'selesai diuji' });
    await workers.stopWorkers();
  });

  // `workers` exists only once beforeAll ran, hence the late lookup.
  const withLogs = (body: () => Promise<void>) => () => workers.withLogs(body)();

  it('kill -9 between two mails, down while two reminders fall due: all delivered after the restart, once each', withLogs(async () => {
    const first = await workers.start();
    const commitment = await agree(basics, 'Pendataan RTLH pascabanjir', 12_000);
    done.push(commitment.id);
    const dueAt = Date.parse(commitment.dueAt);

    // H-8s goes out, then the worker dies without any shutdown.
    await waitFor(async () => sentOne(await reminderLog(api, commitment.id), 'before', 'H-PT8S'), 12_000, 'the H-8s reminder');
    await first.kill9();
    const killedAt = Date.now();
    const delivered = smtp.messages.length;

    // H-4s and H fall due while no worker runs.
    await sleep(Math.max(0, dueAt + 500 - Date.now()));
    expect(smtp.messages.length).toBe(delivered);
    expect(Date.now() - killedAt).toBeGreaterThan(3000);

    await workers.start('worker-restarted');
    const restartedAt = Date.now();
    const log = await waitFor(async () => {
      const rows = await reminderLog(api, commitment.id);
      return lifeSent(rows) ? rows : undefined;
    }, 35_000, 'the whole life up to the second overdue reminder');

    const byId = expectDeliveredExactlyOnce(smtp, [log]);
    // What fell due while down went out right after the restart; what came later, on time.
    for (const row of log.filter((r) => r.status === 'sent')) {
      const planned = Date.parse(row.scheduledFor);
      const late = lateness(row, byId);
      expect(late).toBeGreaterThanOrEqual(-200);
      if (planned > restartedAt + 500) expect(late).toBeLessThan(2000);
      else expect(byId.get(row.id)!.receivedAt.getTime() - restartedAt).toBeLessThan(5000);
    }
  }), 80_000);

  it('kill -9 while a mail is being sent: it is sent after the restart, once', withLogs(async () => {
    const worker = await workers.start();
    const held = smtp.hold(basics.owner.email);
    // Due in 12 s: H-8s falls 4 s away, time for a worker that has just started to plan it (an
    // offset already past when planned is skipped, by design).
    const commitment = await agree(basics, 'Verifikasi penerima bantuan stimulan', 12_000);
    done.push(commitment.id);
    const dueAt = Date.parse(commitment.dueAt);

    // The worker has claimed H-8s and is talking to the SMTP server when it is killed.
    await held.arrived;
    await worker.kill9();
    held.release();
    expect(smtp.messages.filter((m) => m.subject.includes('Verifikasi penerima bantuan stimulan'))).toHaveLength(0);

    await workers.start('worker-restarted');
    let rows: ReminderRow[] = [];
    const log = await waitFor(async () => {
      rows = await reminderLog(api, commitment.id);
      return lifeSent(rows, 1) ? rows : undefined;
    }, Math.max(STALLED_JOB_RECOVERY_MS, dueAt + 6000 + 25_000 - Date.now()), 'the life up to the first overdue reminder').catch((error: Error) => {
      throw new Error(`${error.message}; the log: ${JSON.stringify(rows.map((r) => [r.kind, r.label, r.status, r.scheduledFor, r.attempts, r.error]))}`);
    });

    const byId = expectDeliveredExactlyOnce(smtp, [log], [
      ['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'],
    ]);
    const h8 = sentOne(log, "before", "H-PT8S")!;
    expect(h8.attempts).toBeGreaterThanOrEqual(1);
    expect(reminderIdsOf(byId.get(h8.id)!)).toContain(h8.id);
  }), 80_000);
});
