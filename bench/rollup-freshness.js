#!/usr/bin/env node
/**
 * Roll-up freshness benchmark (not a test): progress updates at a steady rate through the HTTP api of
 * the built app, measuring how long until the roll-up row reflects each one, beside baselines taken
 * in the same run (the progress POST itself; a direct SQL GROUP BY of a province on the commitments
 * table, which is what a route without the read model would run; the roll-up route itself).
 *
 *   npm run build && node bench/rollup-freshness.js
 *
 * Environment (all optional): BENCH_RATE (updates/s, 200), BENCH_SECONDS (10), BENCH_TRACKED (commitments
 * updated through the api, 400), BENCH_BACKGROUND (extra commitments inserted in SQL so rows aggregate
 * over a realistic table, 20000), BENCH_DATABASE_URL (a server to create the throw-away database on,
 * postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (redis://127.0.0.1:6379), BENCH_NODE_ARGS (extra node
 * options for the app, e.g. --prof).
 */
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TRACKED = Number(process.env.BENCH_TRACKED ?? 400);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 20000);
const PROVINCES = ['61', '62', '63', '64', '65'];
const ADMIN = { email: 'bench@tindaklanjut.example', password: 'bench-rahasia-123' };
const { ROOT, freePort, sleep } = require('./lib/common');
const API = join(ROOT, 'dist/apps/api/src/main.js');
const WORKER = join(ROOT, 'dist/apps/worker/src/main.js');

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => ({
  n: values.length,
  p50: +percentile(values, 50).toFixed(1),
  p90: +percentile(values, 90).toFixed(1),
  p99: +percentile(values, 99).toFixed(1),
  max: +Math.max(...values).toFixed(1),
});

/** Runs `fn` over `items` with at most `width` calls in flight. */
async function pool(items, width, fn) {
  let next = 0;
  const out = new Array(items.length);
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

async function main() {
  if (!existsSync(API) || !existsSync(WORKER)) throw new Error('dist/apps/*/src/main.js is missing: run `npm run build` first');
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `tl_bench_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(base.toString());
  dbUrl.pathname = `/${dbName}`;
  const port = await freePort();
  const outbox = mkdtempSync(join(tmpdir(), 'tl-bench-outbox-'));
  const apiUrl = `http://127.0.0.1:${port}/api`;

  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `tlbench${randomBytes(3).toString('hex')}`,
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    OUTBOX_DIR: outbox,
    LOG_LEVEL: 'warn',
    DIGEST_DAY: 'off',
    ROLLUP_REBUILD_CRON: 'off',
    ROLLUP_SNAPSHOT_CRON: 'off',
  };
  delete env.SMTP_URL;
  process.stdout.write(`starting the built api (port ${port}) and worker, database ${dbName}\n`);
  // The api and the worker as two processes, as in production (the all-in-one start shares one core).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const children = [API, WORKER].map((main) => {
    const child = spawn(process.execPath, [...nodeArgs, main], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.exited = false;
    child.on('exit', () => (child.exited = true));
    return child;
  });
  const exited = () => children.some((c) => c.exited);

  // One connection each for setup and polling, and one for the baseline queries.
  const db = new Client({ connectionString: dbUrl.toString() });
  const baselineDb = new Client({ connectionString: dbUrl.toString() });
  try {
    let token;
    for (let i = 0; ; i++) {
      if (exited()) throw new Error('the app exited during start-up');
      try {
        const res = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
        if (res.ok) {
          token = (await res.json()).accessToken;
          break;
        }
      } catch {
        /* not listening yet */
      }
      if (i > 300) throw new Error('the app did not start within 60 s');
      await sleep(200);
    }
    const call = async (method, path, body) => {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    await db.connect();
    await baselineDb.connect();

    // Setup: one agency, owner and meeting per province, one program.
    const program = await call('POST', '/programs', { code: 'BENCH', name: 'Program benchmark' });
    const places = {};
    for (const code of PROVINCES) {
      const agency = await call('POST', '/agencies', { name: `Bappeda ${code}`, level: 'province', regionCode: code });
      const owner = await call('POST', '/officials', { name: `Pejabat ${code}`, position: 'Kepala', agencyId: agency.id, email: `pejabat.${code}@bench.example`, regionCode: code });
      const meeting = await call('POST', '/meetings', {
        kind: 'rakor', title: `Rakor ${code}`, startsAt: '2026-01-15T09:00:00+07:00', venue: 'Aula', mode: 'offline', organizerAgencyId: agency.id, regionCode: code, programIds: [program.id],
      });
      places[code] = { owner: owner.id, meeting: meeting.id };
    }
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString();

    // Background rows straight into SQL (no events), then one reconciliation to count them.
    if (BACKGROUND > 0) {
      process.stdout.write(`inserting ${BACKGROUND} background commitments in SQL\n`);
      for (const [i, code] of PROVINCES.entries()) {
        await db.query(
          `INSERT INTO commitments (meeting_id, title, owner_official_id, region_code, program_id, due_at, status, indicator_unit, indicator_target, indicator_achieved)
           SELECT $1, 'latar ' || g, $2, CASE WHEN g % 3 = 0 THEN $3 ELSE $3 || '.0' || ((g % 4) + 1)::text END,
                  CASE WHEN g % 2 = 0 THEN $4::uuid END, now() + (g % 90 - 30) * interval '1 day',
                  (ARRAY['open','in_progress','blocked','done','cancelled'])[1 + g % 5], 'unit', 100, g % 100
             FROM generate_series(1, $5::int) g`,
          [places[code].meeting, places[code].owner, code, program.id, Math.floor(BACKGROUND / PROVINCES.length) + (i === 0 ? BACKGROUND % PROVINCES.length : 0)],
        );
      }
      await call('POST', '/rollups/rebuild');
    }

    // The tracked commitments: each with a unit of its own, so its achieved value is visible in the row.
    process.stdout.write(`creating ${TRACKED} commitments through the api\n`);
    const tracked = await pool(
      Array.from({ length: TRACKED }, (_, i) => i),
      16,
      async (i) => {
        const code = PROVINCES[i % PROVINCES.length];
        const c = await call('POST', `/meetings/${places[code].meeting}/commitments`, {
          title: `Tindak lanjut ${i}`, ownerOfficialId: places[code].owner, regionCode: code, programId: program.id, dueAt: due,
          indicator: { unit: `u${i}`, target: 1_000_000 },
        });
        await call('POST', `/commitments/${c.id}/progress`, { status: 'in_progress', note: 'mulai' });
        return { id: c.id, province: code, unit: `u${i}`, value: 0, busy: false };
      },
    );

    const readRows = async () => {
      const { rows } = await db.query(`SELECT scope_key, indicators FROM rollup_rows WHERE scope_kind = 'province'`);
      const seen = new Map();
      for (const row of rows) for (const i of row.indicators) seen.set(`${row.scope_key}|${i.unit}`, Number(i.achieved));
      return seen;
    };
    for (let i = 0; ; i++) {
      const seen = await readRows();
      if (tracked.every((t) => seen.get(`${t.province}|${t.unit}`) === 0)) break;
      if (i > 600) throw new Error('the roll-ups did not pick up the tracked commitments within 60 s');
      await sleep(100);
    }

    // Measurement: updates at RATE/s; a poller reads the province rows every few milliseconds.
    process.stdout.write(`sending ${RATE * SECONDS} progress updates at ${RATE}/s\n`);
    const pending = new Set();
    const visibleWall = new Map();
    const freshFromRequest = [];
    const freshFromResponse = [];
    const postLatency = [];
    const errors = [];
    let polling = true;
    const poller = (async () => {
      while (polling || pending.size) {
        const seen = await readRows();
        const now = performance.now();
        for (const u of pending) {
          if ((seen.get(`${u.t.province}|${u.t.unit}`) ?? -1) >= u.value) {
            freshFromRequest.push(now - u.sentAt);
            visibleWall.set(`${u.t.id}|${u.value}`, Date.now());
            if (u.respondedAt !== undefined) freshFromResponse.push(Math.max(0, now - u.respondedAt));
            else u.visibleAt = now;
            pending.delete(u);
          }
        }
        await sleep(5);
      }
    })();

    // Baseline: what the same province figures cost straight from the commitments table.
    const groupByTimes = [];
    const readModelTimes = [];
    const routeTimes = [];
    let measuring = true;
    const baseline = (async () => {
      let k = 0;
      while (measuring) {
        const code = PROVINCES[k++ % PROVINCES.length];
        const t0 = performance.now();
        await baselineDb.query(
          `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done,
                  count(*) FILTER (WHERE status IN ('open','in_progress','blocked') AND due_at < now()) AS overdue,
                  indicator_unit, sum(indicator_target), sum(indicator_achieved)
             FROM commitments WHERE region_code = $1 OR region_code LIKE $1 || '.%'
            GROUP BY indicator_unit`,
          [code],
        );
        groupByTimes.push(performance.now() - t0);
        const t2 = performance.now();
        await baselineDb.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND scope_key = $1`, [code]);
        readModelTimes.push(performance.now() - t2);
        const t1 = performance.now();
        await call('GET', '/rollups/provinces');
        routeTimes.push(performance.now() - t1);
        await sleep(50);
      }
    })();

    const total = RATE * SECONDS;
    const start = performance.now();
    let sent = 0;
    let cursor = 0;
    const inFlight = [];
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
      while (sent < due) {
        // One update in flight per commitment, so its values arrive in order.
        let t;
        for (let tries = 0; tries < tracked.length; tries++) {
          const candidate = tracked[cursor++ % tracked.length];
          if (!candidate.busy) {
            t = candidate;
            break;
          }
        }
        if (!t) break;
        t.busy = true;
        t.value += 1;
        const update = { t, value: t.value, sentAt: performance.now() };
        pending.add(update);
        sent++;
        inFlight.push(
          call('POST', `/commitments/${t.id}/progress`, { achieved: update.value, note: `laporan ${update.value}` })
            .then(() => {
              update.respondedAt = performance.now();
              postLatency.push(update.respondedAt - update.sentAt);
              if (update.visibleAt !== undefined) freshFromResponse.push(Math.max(0, update.visibleAt - update.respondedAt));
            })
            .catch((error) => {
              errors.push(error.message);
              pending.delete(update);
            })
            .finally(() => (t.busy = false)),
        );
      }
      await sleep(1);
    }
    const sendSeconds = (performance.now() - start) / 1000;
    await Promise.all(inFlight);
    const drainStart = performance.now();
    while (pending.size && performance.now() - drainStart < 30_000) await sleep(20);
    polling = false;
    measuring = false;
    const missing = pending.size;
    pending.clear();
    await poller;
    await baseline;

    // The projection's own lag: from the commit (the event's time) to the row showing the value.
    const { rows: events } = await db.query(
      `SELECT aggregate_id, data->>'achieved' AS achieved, (extract(epoch FROM occurred_at) * 1000)::float8 AS at
         FROM domain_events WHERE type = 'ProgressReported' AND data->>'note' LIKE 'laporan %'`,
    );
    const freshFromCommit = [];
    for (const e of events) {
      const seenAt = visibleWall.get(`${e.aggregate_id}|${Number(e.achieved)}`);
      if (seenAt !== undefined) freshFromCommit.push(Math.max(0, seenAt - e.at));
    }

    const report = {
      settings: { rate: RATE, seconds: SECONDS, tracked: TRACKED, background: BACKGROUND, achievedRate: +(sent / sendSeconds).toFixed(1) },
      'freshness, ms from the commit (event time) to the row reflecting it': summary(freshFromCommit),
      'freshness, ms from the progress request to the row reflecting it': summary(freshFromRequest),
      'freshness, ms from the 201 answer to the row reflecting it': summary(freshFromResponse),
      'baseline: progress POST itself, ms': summary(postLatency),
      'baseline: direct SQL GROUP BY of one province, ms': summary(groupByTimes),
      'the same province from the read model (SQL), ms': summary(readModelTimes),
      'GET /api/rollups/provinces (read model), ms': summary(routeTimes),
      errors: errors.length,
      neverVisibleWithin30s: missing,
    };
    process.stdout.write(`\n${JSON.stringify(report, null, 2)}\n`);
    if (errors.length) process.stdout.write(`first errors:\n  ${errors.slice(0, 5).join('\n  ')}\n`);
  } finally {
    await db.end().catch(() => undefined);
    await baselineDb.end().catch(() => undefined);
    for (const child of children) if (!child.exited) child.kill('SIGTERM');
    for (let i = 0; i < 100 && !children.every((c) => c.exited); i++) await sleep(100);
    for (const child of children) if (!child.exited) child.kill('SIGKILL');
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(outbox, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
