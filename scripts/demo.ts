import 'reflect-metadata';
import { loadAppConfig, runMain } from '@tl/config';
import { prepareDatabase } from '@tl/database';
import { assertRedisReachable } from '@tl/queues';
import { createApiApp, listenOnAllInterfaces } from '../apps/api/src/create-api-app';
import { startWorker } from '../apps/worker/src/main';
import { loadSeed } from './demo/load-seed';
import { seedData } from './demo/seed-data';

// The demo logs in with these unless ADMIN_EMAIL / ADMIN_PASSWORD say otherwise.
const DEMO_ADMIN = { ADMIN_EMAIL: 'admin@tindaklanjut.example', ADMIN_PASSWORD: 'tindaklanjut-demo' };

/** Migrates, loads the five seed meetings (idempotent), then serves the api and the worker. */
async function demo() {
  const env = { ...process.env };
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) Object.assign(env, DEMO_ADMIN);
  const config = loadAppConfig(env);
  await prepareDatabase(config);
  await assertRedisReachable(config.redisUrl);
  const api = await createApiApp(config);
  await api.init();
  const { created } = await loadSeed(api, seedData);
  const summary = Object.entries(created).map(([k, v]) => `${v} ${k}`).join(', ');
  await listenOnAllInterfaces(api, config.port);
  await startWorker(config);
  process.stdout.write(
    [
      '',
      `Demo data loaded (new this run: ${summary}).`,
      `Tindak Lanjut is running at ${config.appUrl}/api  (OpenAPI: ${config.appUrl}/api/docs)`,
      `Log in: POST ${config.appUrl}/api/auth/login with {"email":"${config.adminEmail}","password":"${env.ADMIN_PASSWORD === DEMO_ADMIN.ADMIN_PASSWORD ? DEMO_ADMIN.ADMIN_PASSWORD : '<ADMIN_PASSWORD>'}"}`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) runMain(demo);
