const { benchDatabase, dist, seedDueReminders, startRedis, startSink } = require('/work/main/bench/lib/common');
(async () => {
  require('/work/main/node_modules/@nestjs/common').Logger.overrideLogger(['warn', 'error']);
  const sink = await startSink(); const redis = await startRedis();
  const bench = await benchDatabase({ SMTP_URL: sink.url, REDIS_URL: redis.url, REMINDER_ALIGN: 'none', REMINDER_OFFSETS: 'P0D', OVERDUE_EVERY: 'P1D', RECONCILE_EVERY: 'PT1H' });
  const { createWorkerApp } = dist('apps/worker/src/create-worker-app');
  const { ReminderDispatcher } = dist('libs/reminders/src');
  const app = await createWorkerApp(bench.config); await app.init();
  await new Promise((r) => setTimeout(r, 1000));
  const d = app.get(ReminderDispatcher, { strict: false });
  const N = 3000; const now = Date.now();
  const rem = await seedDueReminders(bench.db, { owners: N, dueTimes: Array.from({ length: N }, (_, i) => now - 60000 + i) });
  const keys = rem.map((r) => r.dispatchKey); let k = 0;
  const t = Date.now();
  await Promise.all(Array.from({ length: 10 }, async () => { while (k < N) await d.dispatch(keys[k++], true); }));
  console.log('per s', N / ((Date.now() - t) / 1000));
  await app.close(); await bench.drop(); await redis.stop(); await sink.stop(); process.exit(0);
})();
