import 'reflect-metadata';
import { loadAppConfig, runMain } from '@tl/config';
import { prepareDatabase } from '@tl/database';
import { assertRedisReachable } from '@tl/queues';
import { createApiApp, listenOnAllInterfaces } from './create-api-app';

export async function startApi(config = loadAppConfig()) {
  await prepareDatabase(config);
  await assertRedisReachable(config.redisUrl);
  const app = await createApiApp(config);
  await listenOnAllInterfaces(app, config.port);
  return app;
}

if (require.main === module) runMain(startApi);
