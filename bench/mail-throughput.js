'use strict';
/**
 * Benchmark (b): e-mails per second through the product's delivery path, beside raw pooled
 * nodemailer sending the same message to the same local SMTP sink, in the same run.
 *
 *   npm run build && node bench/mail-throughput.js [messages]
 *
 * Four figures, each the median of BENCH_ROUNDS (5) rounds taking turns, with as many sends in flight
 * as the delivery processor runs jobs (REMINDER_DELIVERY_CONCURRENCY) and nodemailer pooling as many
 * connections as the product's SmtpMailTransport (SMTP_MAX_CONNECTIONS); the ratios to raw are
 * the median of each round's ratio to the raw round just before it:
 *   raw        nodemailer pool, a pre-rendered product reminder e-mail            (the baseline)
 *   mail       the product's MailService, same pre-rendered e-mail                (transport layer)
 *   dispatch   ReminderDispatcher.dispatch: claim in PostgreSQL, progress link, render, send, log
 *   job        the delivery job's whole body: dispatch, then re-plan and arm the next reminder
 * Needs PostgreSQL on 127.0.0.1:5432 (BENCH_DATABASE_URL to change) and the redis-server binary.
 */
const nodemailer = require('nodemailer');
const { benchDatabase, dist, machine, sampleMail, seedDueReminders, startRedis, startSink } = require('./lib/common');

const N = Number(process.argv[2] ?? 3000);
// As many sends in flight as the delivery processor runs jobs at once.
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? dist('libs/reminders/src/delivery/reminder-delivery.processor').REMINDER_DELIVERY_CONCURRENCY);

async function run(label, count, send) {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await send(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // CPU time of this process (sends, rendering, pg and TypeORM) per e-mail, in ms.
  return { label, count, seconds, perSecond: count / seconds, cpuPerMail: (used.user + used.system) / 1000 / count };
}

async function main() {
  const { Logger } = require('@nestjs/common');
  Logger.overrideLogger(['warn', 'error']);
  const sink = await startSink();
  const redis = await startRedis();
  const bench = await benchDatabase({
    SMTP_URL: sink.url, REDIS_URL: redis.url, REMINDER_ALIGN: 'none', REMINDER_OFFSETS: 'P0D', OVERDUE_EVERY: 'P1D', RECONCILE_EVERY: 'PT1H',
  });
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
  const results = new Map();
  const cpu = new Map();
  const record = (r) => {
    results.set(r.label, [...(results.get(r.label) ?? []), r.perSecond]);
    cpu.set(r.label, [...(cpu.get(r.label) ?? []), r.cpuPerMail]);
  };
  try {
    const mail = sampleMail();
    const from = bench.config.mailFrom;
    // The same pool size as the product's SmtpMailTransport (SMTP_MAX_CONNECTIONS).
    const raw = nodemailer.createTransport({ pool: true, maxConnections: bench.config.smtpMaxConnections, host: '127.0.0.1', port: sink.port, secure: false });
    const { MailService } = dist('libs/notifications/src');
    const service = new MailService(bench.config);

    // The dispatcher and the delivery job inside the product's worker application.
    const { createWorkerApp } = dist('apps/worker/src/create-worker-app');
    const { ReminderDispatcher } = dist('libs/reminders/src');
    const { ReminderDeliveryProcessor } = dist('libs/reminders/src/delivery/reminder-delivery.processor');
    const app = await createWorkerApp(bench.config);
    await app.init();
    await new Promise((r) => setTimeout(r, 1000)); // the reconciler's first pass, on an empty plan
    const dispatcher = app.get(ReminderDispatcher, { strict: false });
    const processor = app.get(ReminderDeliveryProcessor, { strict: false });
    const warm = 300;
    const total = warm + 2 * ROUNDS * N;
    const now = Date.now();
    const reminders = await seedDueReminders(bench.db, { owners: total, dueTimes: Array.from({ length: total }, (_, i) => now - 60_000 + i) });
    const keys = reminders.map((r) => r.dispatchKey);
    let k = 0;

    // Warm-up of every path, then rounds taking turns, so that no path profits from going last.
    await run('warm-up', warm, () => raw.sendMail({ from, ...mail }));
    await run('warm-up', warm, () => service.send(mail));
    await run('warm-up', warm, () => dispatcher.dispatch(keys[k++], true));
    for (let round = 0; round < ROUNDS; round++) {
      record(await run(`raw nodemailer (pool of ${bench.config.smtpMaxConnections})`, N, () => raw.sendMail({ from, ...mail })));
      record(await run('product MailService', N, () => service.send(mail)));
      record(await run('product ReminderDispatcher.dispatch', N, () => dispatcher.dispatch(keys[k++], true)));
      record(await run('product delivery job (dispatch + re-plan + arm)', N, () =>
        processor.process({ data: { dispatchKey: keys[k++] }, attemptsMade: 0, opts: { attempts: 1 } })));
    }
    raw.close();
    await service.onModuleDestroy();
    const { rows } = await bench.db.query(`SELECT count(*)::int AS sent FROM reminders WHERE kind = 'due' AND status = 'sent'`);
    if (rows[0].sent !== total) throw new Error(`expected ${total} reminders sent, the log says ${rows[0].sent}`);
    await app.close();

    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Each round's figure against the raw figure of the same round: the machine's load drifts
    // between rounds, far less within one.
    const rawRates = results.get(`raw nodemailer (pool of ${bench.config.smtpMaxConnections})`);
    const ratios = (rates) => rates.map((r, i) => r / rawRates[i]);
    const stats = await sink.ask('stats');
    console.log(`\nmail throughput, ${N} messages per round, median of ${ROUNDS} rounds, ${IN_FLIGHT} in flight; ${new Date().toISOString()}; ${machine()}`);
    console.log('÷ raw: median of the per-round ratios to the raw round just before (their range in brackets)');
    console.log(`sink received ${stats.count} messages, ${(stats.bytes / stats.count / 1024).toFixed(1)} KiB each`);
    for (const [label, rates] of results) {
      const cpuMs = median(cpu.get(label));
      console.log(
        `${label.padEnd(50)} ${median(rates).toFixed(0).padStart(6)} mails/s  ${median(ratios(rates)).toFixed(2)}× raw ` +
          `[${Math.min(...ratios(rates)).toFixed(2)}–${Math.max(...ratios(rates)).toFixed(2)}]  ` +
          `${cpuMs.toFixed(2)} ms CPU/mail in this process   (rounds: ${rates.map((r) => r.toFixed(0)).join(', ')})`,
      );
    }
  } finally {
    await bench.drop().catch(() => undefined);
    await redis.stop();
    await sink.stop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
