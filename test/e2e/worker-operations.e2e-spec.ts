import { createBasics } from './support/fixtures';
import { STALLED_JOB_RECOVERY_MS, WorkerProcesses } from './support/processes';
import { agree, expectDeliveredExactlyOnce, reminderLog, sentOne } from './support/reminder-audit';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestApi, TestApi } from './support/test-app';

/**
 * What an operator sees of a worker process. A graceful stop waits for the jobs in progress, and
 * they for their servers: when one hangs (here the mail server, in the middle of an e-mail),
 * SIGTERM must still end the worker after SHUTDOWN_TIMEOUT, with one line saying why, and the
 * e-mail goes out after the restart, once. A mail server that does not answer shows at start.
 */
describe('worker processes in operation (built worker processes, real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let workers: WorkerProcesses;

  beforeAll(async () => {
    smtp = await new SmtpSink({ closeTimeout: 500 }).start();
    api = await startTestApi({ ...FAST_REMINDERS, SMTP_URL: smtp.url });
    workers = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: smtp.url, SHUTDOWN_TIMEOUT: 'PT2S' });
  }, 60_000);
  afterAll(async () => {
    await workers?.close();
    await api?.close();
    await smtp?.stop();
  });

  it('exits SHUTDOWN_TIMEOUT after SIGTERM with one line, and the held e-mail is sent after the restart, once', async () => {
    const basics = await createBasics(api);
    try {
      const worker = await workers.start();
      const held = smtp.hold(basics.owner.email);
      // Due in 12 s: H-8s falls 4 s away, time for a worker that has just started to plan it (an
      // offset already past when planned is skipped, by design).
      const commitment = await agree(basics, 'Pendataan ulang RTLH Kota Banjarbaru', 12_000);
      await held.arrived; // the worker is in the middle of the H-8s e-mail, which the server never finishes

      const signalledAt = Date.now();
      await worker.stop(25_000); // SIGTERM, and SIGKILL only if it is still there after 25 s
      expect(await worker.exited).toBe(1);
      expect(Date.now() - signalledAt).toBeLessThan(15_000);
      const lines = worker.log().split('\n').filter((line) => line.startsWith('tindak-lanjut: still stopping'));
      expect(lines).toEqual([expect.stringMatching(/^tindak-lanjut: still stopping 2 s after SIGTERM \(.*mail server.*\); exiting now$/)]);
      held.release();

      // The held e-mail's job is still 'active' under the dead worker's lock: it runs again once
      // the restarted worker finds it stalled.
      await workers.start('worker-restarted');
      const log = await waitFor(async () => {
        const rows = await reminderLog(api, commitment.id);
        return sentOne(rows, 'before', 'H-PT8S') && sentOne(rows, 'before', 'H-PT4S') ? rows : undefined;
      }, STALLED_JOB_RECOVERY_MS, 'H-8s and H-4s');
      expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT8S'], ['before', 'H-PT4S']]);
      await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
    } catch (error) {
      process.stdout.write(`${workers.logs()}\n`);
      throw error;
    }
  }, 75_000);

  it('warms up its e-mail path at start without sending anything', async () => {
    const before = smtp.messages.length;
    const quiet = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    try {
      const worker = await quiet.start('worker-warming-up');
      await waitFor(async () => worker.log().includes('reminder delivery warmed up'), 20_000, 'the warm-up');
      expect(worker.log()).toMatch(/reminder delivery warmed up in \d+ ms \(\d+ e-mails rendered and encoded, none sent\)/);
      expect(worker.log()).toContain(`mail goes to smtp://127.0.0.1:${smtp.port}`);
      expect(smtp.messages.slice(before)).toEqual([]);
    } finally {
      await quiet.close();
    }
  }, 40_000);

  it('says at start when the mail server does not answer, and keeps running', async () => {
    const silent = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const worker = await silent.start('worker-without-smtp');
      await waitFor(async () => worker.log().includes('does not answer'), 10_000, 'the warning');
      expect(worker.log()).toMatch(/mail server smtp:\/\/127\.0\.0\.1:1 does not answer \(.+\): e-mails wait and are retried/);
      expect(worker.alive).toBe(true);
    } finally {
      await silent.close();
    }
  }, 40_000);
});
