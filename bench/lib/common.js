'use strict';
/**
 * Shared pieces of the reminder benchmarks: a private redis-server, the fast SMTP sink, a bench
 * database with bulk-inserted officials, commitments and reminders, percentiles, machine facts.
 * Everything runs against the compiled product (dist/), so `npm run build` first.
 */
const { fork, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createServer } = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.join(__dirname, '..', '..');
const dist = (p) => {
  try {
    return require(path.join(ROOT, 'dist', p));
  } catch (error) {
    throw new Error(`cannot load dist/${p}: run "npm run build" first (${error.message})`);
  }
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A redis-server of the benchmark's own (no persistence), so nothing shared is touched. */
async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const IORedis = require('ioredis');
  for (let i = 0; i < 100; i++) {
    const client = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return { url: `redis://127.0.0.1:${port}`, port, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
    } catch {
      client.disconnect();
      await sleep(50);
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

/** The fast SMTP sink (bench/lib/fast-smtp-sink.js) as a child process. */
function startSink() {
  const child = fork(path.join(__dirname, 'fast-smtp-sink.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = [];
  child.on('message', (msg) => pending.shift()?.(msg));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    pending.push(({ port }) =>
      resolve({
        port,
        url: `smtp://127.0.0.1:${port}`,
        ask: (cmd) => new Promise((r) => { pending.push(r); child.send({ cmd }); }),
        stop: () => new Promise((r) => { child.once('exit', r); child.disconnect(); }),
      }),
    );
  });
}

/** A rendered product reminder e-mail (HTML, text, iCalendar attachment), as the baselines send it. */
function sampleMail() {
  const { renderReminderEmail } = dist('libs/notifications/src');
  const dueAt = new Date(Date.now() + 86_400_000);
  const rendered = renderReminderEmail({
    locale: 'id',
    recipient: { name: 'Pejabat 1', position: 'Kepala Bidang' },
    role: 'owner',
    items: [{
      kind: 'due',
      label: 'H',
      commitment: {
        id: '00000000-0000-4000-8000-000000000001', title: 'Tindak lanjut bench 1', status: 'open', dueAt, zone: 'Asia/Jakarta', ownerName: 'Pejabat 1',
        regionName: 'DKI Jakarta', indicator: { unit: 'dokumen', target: 1 },
      },
      meeting: { kind: 'rakor', title: 'Rakor Pembangunan Daerah (bench)', startsAt: new Date(Date.now() - 7 * 86_400_000), venue: 'Jakarta', zone: 'Asia/Jakarta' },
      progressUrl: 'http://localhost:3000/progress/00000000-0000-4000-8000-000000000001.signature',
    }],
  });
  return {
    to: ['pejabat1@bench.example'], subject: rendered.subject, html: rendered.html, text: rendered.text, attachments: rendered.attachments,
    headers: { 'X-Tindak-Lanjut-Reminders': '00000000-0000-4000-8000-000000000001' },
  };
}

/** A fresh database (migrated) and the product configuration pointing at it. */
async function benchDatabase(env = {}) {
  const { loadAppConfig } = dist('libs/config/src');
  const { prepareDatabase } = dist('libs/database/src');
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/tl_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const config = loadAppConfig({ DATABASE_URL: base.toString(), QUEUE_PREFIX: `tlbench${randomBytes(3).toString('hex')}`, LOG_LEVEL: 'warn', ...env });
  await prepareDatabase(config);
  const db = new Client({ connectionString: config.databaseUrl });
  await db.connect();
  return {
    config,
    db,
    drop: async () => {
      await db.end();
      await dist('libs/database/src').dropDatabase(config.databaseUrl);
    },
  };
}

/**
 * Bulk-inserts `owners` officials (region 31, Jakarta) and one commitment per entry of `dueTimes`
 * (epoch ms), each planned as the product plans it with REMINDER_ALIGN=none, REMINDER_OFFSETS=P0D,
 * OVERDUE_EVERY=P1D and no supervisor or chair: its 'due' reminder at the due time and its first
 * 'overdue' one a day later, under the product's owner dispatch keys. Commitment i belongs to
 * official i % owners. Returns the 'due' reminders as {id, dispatchKey, scheduledFor}.
 */
async function seedDueReminders(db, { owners, dueTimes }) {
  const agency = (await db.query(`INSERT INTO agencies (name, level) VALUES ('Badan Perencanaan Pembangunan (bench)', 'central') RETURNING id`)).rows[0].id;
  await db.query(
    `INSERT INTO officials (name, position, agency_id, email, region_code)
     SELECT 'Pejabat ' || i, 'Kepala Bidang', $1, 'pejabat' || i || '@bench.example', '31' FROM generate_series(1, $2) AS i`,
    [agency, owners],
  );
  const meeting = (await db.query(
    `INSERT INTO meetings (kind, title, starts_at, venue, mode, organizer_agency_id, region_code)
     VALUES ('rakor', 'Rakor Pembangunan Daerah (bench)', now() - interval '7 days', 'Jakarta', 'offline', $1, '31') RETURNING id`,
    [agency],
  )).rows[0].id;
  const chunk = 20_000;
  for (let start = 0; start < dueTimes.length; start += chunk) {
    const slice = dueTimes.slice(start, start + chunk);
    await db.query(
      `WITH o AS (SELECT id, email, row_number() OVER (ORDER BY email) - 1 AS n FROM officials),
            d AS (SELECT t.ord - 1 + $3::int AS i, to_timestamp(t.ms / 1000.0) AS due FROM unnest($2::float8[]) WITH ORDINALITY AS t(ms, ord)),
            c AS (
              INSERT INTO commitments (meeting_id, title, owner_official_id, region_code, due_at, indicator_unit, indicator_target)
              SELECT $1, 'Tindak lanjut bench ' || d.i, o.id, '31', d.due, 'dokumen', 1
                FROM d JOIN o ON o.n = d.i % $4
              RETURNING id, owner_official_id, due_at
            )
       INSERT INTO reminders (commitment_id, kind, label, due_at, scheduled_for, status, recipient_official_ids, recipients, dispatch_key)
       SELECT c.id, k.kind, k.label, c.due_at, c.due_at + k.after, 'scheduled', ARRAY[c.owner_official_id], ARRAY[o.email],
              'owner_' || c.owner_official_id || '_' || (extract(epoch FROM c.due_at + k.after) * 1000)::bigint
         FROM c JOIN officials o ON o.id = c.owner_official_id
        CROSS JOIN (VALUES ('due', 'H', interval '0'), ('overdue', '1', interval '1 day')) AS k(kind, label, after)`,
      [meeting, slice, start, owners],
    );
  }
  // Settle the bulk load as days of normal use would have: otherwise autovacuum (the inserts pass
  // its threshold) and the next checkpoint land in the measured minute, on the same two cores.
  await db.query('VACUUM (ANALYZE)');
  await db.query('CHECKPOINT');
  const { rows } = await db.query(`SELECT id, dispatch_key, scheduled_for FROM reminders WHERE kind = 'due' ORDER BY scheduled_for`);
  return rows.map((r) => ({ id: r.id, dispatchKey: r.dispatch_key, scheduledFor: r.scheduled_for }));
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { n: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

module.exports = { ROOT, dist, freePort, sleep, startRedis, startSink, sampleMail, benchDatabase, seedDueReminders, percentiles, machine };
