import 'reflect-metadata';
import { loadAppConfig, runMain } from '@tl/config';
import { startApi } from '../apps/api/src/main';
import { startWorker } from '../apps/worker/src/main';

/** The api and the worker in one process: the simplest way to run the whole product. */
export async function serve(config = loadAppConfig()) {
  const api = await startApi(config);
  const worker = await startWorker(config);
  process.stdout.write(`\nTindak Lanjut is running: ${config.appUrl}/api (OpenAPI: ${config.appUrl}/api/docs)\n`);
  return { api, worker };
}

if (require.main === module) runMain(serve);
