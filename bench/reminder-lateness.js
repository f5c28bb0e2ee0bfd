'use strict';
/**
 * Benchmark (a): how late reminders go out with 100k reminders queued and 10k of them due within
 * the same minute, beside raw BullMQ delayed jobs of the same shape in the same run.
 *
 *   npm run build && node bench/reminder-lateness.js [queued] [dueInTheMinute]
 *
 * Baselines: a bare BullMQ worker (the delivery processor's concurrency) and `queued` delayed jobs,
 * `dueInTheMinute` of them spread evenly over one minute; lateness = start of the job − its planned
 * time. Then the same, each job also sending a rendered product e-mail through raw pooled
 * nodemailer to an SMTP sink; lateness = arrival of the e-mail at the sink − its planned time.
 * Product: `queued` / 2 commitments planned in PostgreSQL (bulk SQL): `queued` reminders, a due one and
 * a first overdue one each, `dueInTheMinute` due reminders in the minute; a worker process
 * (node dist/apps/worker/src/main.js) that arms their timers itself (its reconciler finds an empty
 * Redis) and delivers to a local SMTP sink; lateness = arrival of the e-mail at the SMTP sink − the
 * reminder's scheduledFor. All three use a private redis-server.
 */
const { fork, spawn } = require('node:child_process');
const path = require('node:path');
const { Queue } = require('bullmq');
const { ROOT, benchDatabase, dist, machine, percentiles, sampleMail, seedDueReminders, sleep, startRedis, startSink } = require('./lib/common');

const QUEUED = Number(process.argv[2] ?? 100_000);
const DUE = Number(process.argv[3] ?? 10_000);
const WARM = Number(process.env.BENCH_WARM ?? 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * `count` times: DUE spread evenly over [start, start + 1 min), the rest over the next 30 days;
 * with WARM, WARM of the latter go out in the 30 s before the minute instead (a worker that has
 * been delivering already, rather than one meeting its first burst cold).
 */
function dueTimes(start, count) {
  const times = [];
  for (let i = 0; i < WARM; i++) times.push(Math.round(start - 30_000 + (i * 30_000) / WARM));
  count -= WARM;
  for (let i = 0; i < DUE; i++) times.push(Math.round(start + (i * MINUTE) / DUE));
  const rest = count - DUE;
  for (let i = 0; i < rest; i++) times.push(Math.round(start + DAY + (i * 29 * DAY) / rest));
  return times;
}

const connectionOf = (url) => ({ host: new URL(url).hostname, port: Number(new URL(url).port), maxRetriesPerRequest: null });

/**
 * A bare BullMQ worker and QUEUED delayed jobs of the same shape. With `mail`, each job also sends
 * a rendered product e-mail through raw pooled nodemailer to `mail.sink`, and lateness is its
 * arrival there, as for the product; without, lateness is the start of the job.
 */
async function rawBaseline(redis, mail) {
  const prefix = `rawbench${mail ? 'mail' : ''}`;
  const queue = new Queue('raw-delivery', { connection: connectionOf(redis.url), prefix });
  const child = fork(path.join(__dirname, 'lib', 'raw-bullmq-worker.js'), [], {
    env: { ...process.env, REDIS_URL: redis.url, QUEUE: 'raw-delivery', PREFIX: prefix, EXPECT: String(DUE + WARM),
      CONCURRENCY: String(dist('libs/reminders/src/delivery/reminder-delivery.processor').REMINDER_DELIVERY_CONCURRENCY),
      ...(mail ? { SMTP_URL: mail.sink.url, SMTP_MAX_CONNECTIONS: String(mail.maxConnections), MESSAGE: JSON.stringify(sampleMail()) } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages = [];
  let wake;
  child.on('message', (m) => { messages.push(m); wake?.(); });
  const next = async () => { while (!messages.length) await new Promise((r) => (wake = r)); return messages.shift(); };
  await next(); // ready

  const start = Date.now() + 30_000;
  const times = dueTimes(start, QUEUED);
  const armStarted = Date.now();
  for (let i = 0; i < times.length; i += 1000) {
    const now = Date.now();
    await queue.addBulk(times.slice(i, i + 1000).map((at, j) => ({
      name: 'dispatch', data: { at, key: `k${i + j}` },
      opts: { jobId: `dispatch_k${i + j}`, delay: Math.max(0, at - now), removeOnComplete: { age: 3600, count: 50_000 } },
    })));
  }
  const armSeconds = (Date.now() - armStarted) / 1000;
  if (Date.now() > start) throw new Error('arming the raw jobs took longer than the lead time');
  const delayed = await queue.getDelayedCount();
  let { lateness } = await next();
  child.disconnect();
  await queue.close();
  if (mail) {
    const planned = new Map(times.map((at, i) => [`k${i}`, at]));
    lateness = (await mail.sink.ask('arrivals')).arrivals.filter(([key]) => planned.has(key)).map(([key, at]) => [planned.get(key), at - planned.get(key)]);
  }
  return { armSeconds, delayed, stats: percentiles(lateness.filter(([at]) => at >= start && at < start + MINUTE).map(([, late]) => late)) };
}

async function product(redis, sink) {
  const bench = await benchDatabase({ REDIS_URL: redis.url, SMTP_URL: sink.url, REMINDER_ALIGN: 'none', REMINDER_OFFSETS: 'P0D', OVERDUE_EVERY: 'P1D' });
  let worker;
  try {
    const start = Date.now() + 75_000;
    const seedStarted = Date.now();
    const owners = DUE; // every reminder of the minute goes to its own official: one e-mail each
    // QUEUED / 2 commitments, each with its due reminder and its first overdue one: QUEUED timers.
    const reminders = await seedDueReminders(bench.db, { owners, dueTimes: dueTimes(start, QUEUED / 2) });
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const { rows: [{ timers }] } = await bench.db.query(`SELECT count(DISTINCT dispatch_key)::int AS timers FROM reminders WHERE status = 'scheduled'`);
    const workerStarted = Date.now();
    worker = spawn(process.execPath, [...(process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: bench.config.databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: bench.config.queuePrefix,
        SMTP_URL: sink.url, REMINDER_ALIGN: 'none', REMINDER_OFFSETS: 'P0D', OVERDUE_EVERY: 'P1D', LOG_LEVEL: 'warn', ...Object.fromEntries((process.env.BENCH_WORKER_ENV ?? '').split(' ').filter(Boolean).map((kv) => kv.split('='))),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const queue = new Queue('reminder-delivery', { connection: connectionOf(redis.url), prefix: bench.config.queuePrefix });
    // The worker's reconciler sees an empty Redis and arms a timer for every pending reminder.
    let delayed = 0;
    while ((delayed = await queue.getDelayedCount()) < timers) {
      if (Date.now() > start) throw new Error(`the worker armed only ${delayed} of ${timers} timers before the first was due`);
      await sleep(250);
    }
    const armSeconds = (Date.now() - workerStarted) / 1000;

    const due = reminders.filter((r) => r.scheduledFor.getTime() >= start && r.scheduledFor.getTime() < start + MINUTE);
    const planned = new Map(due.map((r) => [r.id, r.scheduledFor.getTime()]));
    const deadline = start + MINUTE + 5 * MINUTE;
    // Polls a count, not the list: copying 10k arrivals every second would stall the sink (the
    // clock of the measure) in a way the baselines, which are not polled, do not meet.
    const expectedArrivals = planned.size + WARM;
    while ((await sink.ask('stats')).arrived < expectedArrivals && Date.now() < deadline) await sleep(1000);
    const arrived = new Map((await sink.ask('arrivals')).arrivals.filter(([id]) => planned.has(id)));
    const lateness = [...arrived].map(([id, at]) => at - planned.get(id));
    if (process.env.BENCH_TRACE) {
      console.log(`the minute started at ${new Date(start).toISOString()}`);
      // Every e-mail of the given seconds of the minute, in planned order: planned offset (ms) → lateness.
      const seconds = process.env.BENCH_TRACE === 'all' ? Array.from({ length: 60 }, (_, i) => i) : process.env.BENCH_TRACE.split(',').map(Number);
      const rows = [...arrived].map(([id, at]) => [planned.get(id) - start, at - planned.get(id)]).filter(([off]) => seconds.includes(Math.floor(off / 1000)));
      console.log(rows.sort((a, b) => a[0] - b[0]).map(([off, late]) => `${off}:${late}`).join(' '));
    }
    // When the late ones were due: seconds into the minute, for spotting what held them up.
    const lateAt = new Map();
    const worstAt = new Map();
    for (const [id, at] of arrived) {
      const second = Math.floor((planned.get(id) - start) / 1000);
      worstAt.set(second, Math.max(worstAt.get(second) ?? 0, at - planned.get(id)));
      if (at - planned.get(id) < 500) continue;
      lateAt.set(second, (lateAt.get(second) ?? 0) + 1);
    }
    const { rows } = await bench.db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other
         FROM reminders WHERE kind = 'due' AND scheduled_for >= $1 AND scheduled_for < $2`,
      [new Date(start), new Date(start + MINUTE)],
    );
    await queue.close();
    return { seedSeconds, armSeconds, delayed, expected: planned.size, log: rows[0], stats: percentiles(lateness), lateAt, worstAt };
  } finally {
    if (worker && worker.exitCode === null) await new Promise((r) => { worker.once('exit', r); worker.kill('SIGTERM'); });
    await bench.drop().catch(() => undefined);
  }
}

async function main() {
  const redis = await startRedis();
  const sinks = [];
  // Each phase mails to a sink of its own, started for it: none meets a sink warmed by another.
  const freshSink = async () => { const sink = await startSink(); sinks.push(sink); return sink; };
  const flush = async () => {
    const client = new (require('ioredis'))(redis.url);
    await client.flushall();
    client.disconnect();
  };
  try {
    // BENCH_BASELINES=0 runs the product alone (for profiling it): no ratios then.
    const baselines = process.env.BENCH_BASELINES !== '0';
    const { loadAppConfig } = dist('libs/config/src');
    const maxConnections = loadAppConfig({}).smtpMaxConnections;
    let raw;
    let rawMail;
    if (baselines) {
      raw = await rawBaseline(redis);
      await flush();
      rawMail = await rawBaseline(redis, { sink: await freshSink(), maxConnections });
      await flush();
    }
    const ours = await product(redis, await freshSink());

    const row = (label, s) => `${label.padEnd(36)} p50 ${String(s.p50).padStart(5)} ms   p99 ${String(s.p99).padStart(5)} ms   max ${String(s.max).padStart(6)} ms   (n=${s.n})`;
    console.log(`\nreminder lateness, ${QUEUED} queued, ${DUE} due within one minute${WARM ? `, ${WARM} in the 30 s before it` : ''}; ${new Date().toISOString()}; ${machine()}`);
    if (baselines) {
      console.log(row('raw BullMQ delayed jobs (job start)', raw.stats), `  armed ${raw.delayed} in ${raw.armSeconds.toFixed(1)} s`);
      console.log(row('raw BullMQ + nodemailer (arrival)', rawMail.stats), `  armed ${rawMail.delayed} in ${rawMail.armSeconds.toFixed(1)} s, pool of ${maxConnections}`);
    }
    console.log(row('product (arrival)', ours.stats), `  seeded in ${ours.seedSeconds.toFixed(1)} s, the worker armed ${ours.delayed} in ${ours.armSeconds.toFixed(1)} s`);
    console.log(`delivery log: ${ours.log.sent} of ${ours.expected} sent, ${ours.log.other} not`);
    const late = [...ours.lateAt].sort((a, b) => a[0] - b[0]).map(([second, n]) => `${second}s:${n}`).join(' ');
    console.log(`product e-mails 500 ms late or more, by the second of the minute they were due in: ${late || 'none'}`);
    const worst = [...ours.worstAt].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([second, ms]) => `${second}s:${ms}`).join(' ');
    console.log(`the seconds of the minute with the latest product e-mails (second:ms): ${worst}`);
    const ratios = (base) => ['p50', 'p99', 'max'].map((k) => `${k} ${(ours.stats[k] / Math.max(1, base.stats[k])).toFixed(2)}×`).join(', ');
    if (!baselines) return;
    console.log(`product / raw BullMQ + nodemailer: ${ratios(rawMail)}`);
    console.log(`product / raw BullMQ job start:    ${ratios(raw)}`);
  } finally {
    for (const sink of sinks) await sink.stop();
    await redis.stop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
