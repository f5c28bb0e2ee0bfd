import { ConnectionOptions, Queue } from 'bullmq';
import { QueueName, redisOptions } from '@tl/queues';
import { createBasics } from './support/fixtures';
import { PrivateRedis } from './support/processes';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, lifeSent, ReminderRow, reminderLog, sentOne, sleep } from './support/reminder-audit';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestStack, TestStack } from './support/test-app';

/**
 * Redis loses everything (FLUSHALL) while reminders are planned: PostgreSQL holds the plan, the
 * reconciler notices the missing sentinel and re-creates the timers and re-relays recent events.
 * The test runs its own redis-server; the shared one is never flushed.
 */
describe('Redis FLUSHALL: every reminder is still delivered, once', () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let stack: TestStack;
  let basics: Basics;
  let delivery: Queue;

  beforeAll(async () => {
    redis = await new PrivateRedis().start();
    smtp = await new SmtpSink().start();
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: smtp.url, REDIS_URL: redis.url });
    basics = await createBasics(stack);
    delivery = new Queue(QueueName.ReminderDelivery, { connection: redisOptions(redis.url) as ConnectionOptions, prefix: stack.config.queuePrefix });
  }, 60_000);
  afterAll(async () => {
    await delivery?.close();
    await stack?.close();
    await smtp?.stop();
    await redis?.stop();
  });

  it('re-creates the timers from PostgreSQL, including those of a commitment whose planning job was lost', async () => {
    const planned = await agree(basics, 'Sinkronisasi data e-RTLH', 12_000);
    await waitFor(async () => (await reminderLog(stack, planned.id)).length >= 5, 5000, 'the first plan');
    await waitFor(async () => (await delivery.getDelayedCount()) >= 5, 5000, 'its timers in Redis');

    // A second commitment whose event may still be on its way through Redis when it is flushed.
    const other = await basics.post('/api/officials', {
      name: 'Kepala Bidang Perumahan', position: 'Kepala Bidang', agencyId: basics.agency.id,
      email: 'kabid.perumahan@kalselprov.example', regionCode: '63', supervisorId: basics.supervisor.id,
    });
    const unplanned = await agree(basics, 'Penetapan lokasi RTLH 2026', 13_000, { ownerOfficialId: other.id });
    await redis.flushAll();
    const flushedAt = Date.now();
    expect(await delivery.getDelayedCount()).toBe(0);

    const logs = await waitFor(async () => {
      const rows = await Promise.all([reminderLog(stack, planned.id), reminderLog(stack, unplanned.id)]);
      return rows.every((r) => lifeSent(r, 1)) ? rows : undefined;
    }, 35_000, 'both commitments to go through their whole life after the flush');

    const delivered = expectDeliveredExactlyOnce(smtp, logs, [
      ['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['escalation', undefined],
    ]);
    // Once the reconciler has run (RECONCILE_EVERY=PT2S), reminders are on time again.
    for (const row of logs.flat().filter((r) => r.status === 'sent')) {
      if (Date.parse(row.scheduledFor) > flushedAt + 5000) expect(lateness(row, delivered)).toBeLessThan(2000);
    }
    for (const id of [planned.id, unplanned.id]) await basics.post(`/api/commitments/${id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 60_000);

  /** The first reminders planned for a commitment (H-8s, H-4s, H at least). */
  const planOf = (commitmentId: string) =>
    waitFor(async () => {
      const rows = await reminderLog(stack, commitmentId);
      return rows.length >= 3 ? rows : undefined;
    }, 5000, 'the plan');
  /** The delayed job (timer) that wakes the dispatcher for a reminder, if Redis has it. */
  const timerOf = async (row: ReminderRow) =>
    (await delivery.getDelayed()).find((job) => Date.parse(job.data.scheduledFor) === Date.parse(row.scheduledFor));

  it('re-creates a single lost timer without a flush: before it is due, or soon after when it was lost at the last moment', async () => {
    const commitment = await agree(basics, 'Verifikasi calon penerima BSPS', 16_000);
    const plan = await planOf(commitment.id);
    const h8 = plan.find((r) => r.label === 'H-PT8S')!;
    const h4 = plan.find((r) => r.label === 'H-PT4S')!;
    await waitFor(async () => (await timerOf(h8)) && (await timerOf(h4)), 5000, 'their timers in Redis');

    // Lost well ahead of its time (H-8s, about 7 s away): a periodic pass re-creates it in time.
    await (await timerOf(h8))!.remove();
    // Lost a moment before its time, after the passes that look ahead: re-created once overdue.
    await sleep(Math.max(0, Date.parse(h4.scheduledFor) - Date.now() - 1500));
    await (await timerOf(h4))?.remove();

    const log = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      return sentOne(rows, 'before', 'H-PT8S') && sentOne(rows, 'before', 'H-PT4S') && sentOne(rows, 'due', 'H') ? rows : undefined;
    }, 25_000, 'the three reminders up to the due time');
    const delivered = expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H']]);
    expect(lateness(sentOne(log, 'before', 'H-PT8S')!, delivered)).toBeLessThan(2000);
    expect(lateness(sentOne(log, 'before', 'H-PT4S')!, delivered)).toBeLessThan(12_000);
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 45_000);

  it('arms a timer again when its job ran before the reminder was due (the job done, the reminder still pending): sent on time, once', async () => {
    const commitment = await agree(basics, 'Validasi data calon penerima RTLH', 16_000);
    const plan = await planOf(commitment.id);
    const h8 = plan.find((r) => r.label === 'H-PT8S')!;
    const timer = await waitFor(async () => timerOf(h8), 5000, 'its timer');

    // The timer fires about 7 s early: the job finds nothing due and completes.
    await timer.promote();
    await waitFor(async () => ((await delivery.getJobState(timer.id!)) === 'completed' ? true : undefined), 5000, 'the early job to complete');
    expect((await reminderLog(stack, commitment.id)).find((r) => r.id === h8.id)!.status).toBe('scheduled');

    const log = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      return sentOne(rows, 'before', 'H-PT8S') && sentOne(rows, 'before', 'H-PT4S') ? rows : undefined;
    }, 20_000, 'H-8s and H-4s');
    const delivered = expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT8S'], ['before', 'H-PT4S']]);
    expect(lateness(sentOne(log, 'before', 'H-PT8S')!, delivered)).toBeGreaterThanOrEqual(-200);
    expect(lateness(sentOne(log, 'before', 'H-PT8S')!, delivered)).toBeLessThan(2000);
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 45_000);
});
