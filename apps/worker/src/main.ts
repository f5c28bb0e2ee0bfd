import 'reflect-metadata';
import { loadAppConfig, runMain } from '@tl/config';
import { prepareDatabase } from '@tl/database';
import { assertRedisReachable } from '@tl/queues';
import { createWorkerApp } from './create-worker-app';

export async function startWorker(config = loadAppConfig()) {
  await prepareDatabase(config);
  await assertRedisReachable(config.redisUrl);
  const app = await createWorkerApp(config);
  await app.init();
  return app;
}

if (require.main === module) runMain(startWorker);
