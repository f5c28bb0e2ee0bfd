import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppConfig, loadAppConfig } from '@tl/config';
import { dropDatabase, prepareDatabase } from '@tl/database';
import { INestApplicationContext } from '@nestjs/common';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app';

export const ADMIN = { email: 'admin@tindaklanjut.example', password: 'rahasia-admin-123' };

/** A database of its own for each test file, on the real PostgreSQL of the machine. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/tl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return loadAppConfig({
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `tltest${randomBytes(3).toString('hex')}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'error',
    PORT: '0',
    ...env,
  });
}

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  token: string;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = testConfig(env);
  await prepareDatabase(config);
  const app = await createApiApp(config);
  await app.init();
  const server = app.getHttpServer();
  const login = await request(server).post('/api/auth/login').send(ADMIN).expect(200);
  return {
    app,
    config,
    token: login.body.accessToken,
    http: () => request(server),
    close: async () => {
      await app.close();
      await dropDatabase(config.databaseUrl);
    },
  };
}

/** Short reminder timings, so a whole reminder life fits in a test. */
export const FAST_REMINDERS = {
  REMINDER_ALIGN: 'none',
  REMINDER_OFFSETS: 'PT8S,PT4S,PT0S',
  OVERDUE_EVERY: 'PT6S',
  ESCALATE_AFTER: 'PT9S',
  RECONCILE_EVERY: 'PT2S',
  MAIL_RETRY_DELAY: 'PT1S',
};

export interface TestStack extends TestApi {
  worker?: INestApplicationContext;
  startWorker: () => Promise<INestApplicationContext>;
  stopWorker: () => Promise<void>;
}

/** The api and an in-process worker on one fresh database. */
export async function startTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const api = await startTestApi(env);
  const stack: TestStack = {
    ...api,
    startWorker: async () => {
      const worker = await createWorkerApp(api.config);
      await worker.init();
      stack.worker = worker;
      return worker;
    },
    stopWorker: async () => {
      await stack.worker?.close();
      stack.worker = undefined;
    },
    close: async () => {
      await stack.stopWorker();
      await api.close();
    },
  };
  await stack.startWorker();
  return stack;
}
