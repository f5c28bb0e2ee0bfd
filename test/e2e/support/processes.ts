import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ConnectionOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { AppConfig } from '@tl/config';
import { QUICK_STALL_RECOVERY, QueueName, redisOptions } from '@tl/queues';
import { waitFor } from './smtp-sink';

const ROOT = join(__dirname, '..', '..', '..');
// TEST_WORKER_MAIN runs another build of the worker (e.g. an older commit's, to show a regression);
// TEST_WORKER_LOG_LEVEL=info shows more of the workers' output when a test fails.
export const WORKER_MAIN = process.env.TEST_WORKER_MAIN ?? join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

/**
 * How long a job in progress when its worker died (kill -9, or SIGTERM cut short) may take to run
 * again on another worker: its lock must lapse, then BullMQ's stalled check needs two rounds (one
 * marks the job, the next moves it back), one of which may be skipped while another worker's
 * check is recent; plus a margin for a slow start.
 */
export const STALLED_JOB_RECOVERY_MS = QUICK_STALL_RECOVERY.lockDuration + 3 * QUICK_STALL_RECOVERY.stalledInterval + 5000;

/** A free TCP port on 127.0.0.1 (free when asked; good enough for a test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process whose output is kept, to be shown when a test fails. */
class Child {
  readonly output: string[] = [];
  /** The exit code, or the signal that ended the process. */
  readonly exited: Promise<number | NodeJS.Signals>;
  constructor(readonly name: string, readonly proc: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal!)));
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** SIGKILL: no shutdown hook runs, connections just drop. */
  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  log(): string {
    return `--- ${this.name} ---\n${this.output.join('').slice(-6000)}`;
  }
}

/** Environment a worker process needs to join the test's api: same database, Redis and prefix. */
export function workerEnv(config: AppConfig, env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    APP_URL: config.appUrl,
    LOG_LEVEL: process.env.TEST_WORKER_LOG_LEVEL ?? 'warn',
    ...env,
  };
}

/**
 * Worker processes (`node dist/apps/worker/src/main.js`), so that a test can kill one with -9.
 * `npm test` builds dist first; for a lone jest run, `npm run build` before.
 */
export class WorkerProcesses {
  private readonly children: Child[] = [];
  private readonly queue: Queue;

  constructor(private readonly config: AppConfig, private readonly env: Record<string, string>) {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run "npm run build" first (npm test does)`);
    this.queue = new Queue(QueueName.ReminderDelivery, { connection: redisOptions(config.redisUrl) as ConnectionOptions, prefix: config.queuePrefix });
  }

  /** Starts one more worker and waits until its BullMQ workers are connected. */
  async start(name = `worker-${this.children.length + 1}`): Promise<Child> {
    const before = await this.consumers();
    const child = new Child(name, spawn(process.execPath, [WORKER_MAIN], { env: workerEnv(this.config, this.env), stdio: ['ignore', 'pipe', 'pipe'] }));
    this.children.push(child);
    await waitFor(async () => {
      if (!child.alive) throw new Error(`${name} ended at start:\n${child.log()}`);
      return (await this.consumers()) > before;
    }, 30_000, `${name} to connect to the queues`);
    return child;
  }

  /** How many BullMQ workers consume the delivery queue (one per live worker process). */
  consumers(): Promise<number> {
    return this.queue.getWorkersCount();
  }

  logs(): string {
    return this.children.map((c) => c.log()).join('\n');
  }

  /** Stops every worker still running (SIGTERM: a graceful shutdown). */
  async stopWorkers(): Promise<void> {
    await Promise.all(this.children.map((c) => c.stop(10_000)));
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await this.queue.close();
  }

  /** Wraps a test body: on failure, the workers' own output helps more than the assertion alone. */
  withLogs(body: () => Promise<void>): () => Promise<void> {
    return async () => {
      try {
        await body();
      } catch (error) {
        process.stdout.write(`${this.logs()}\n`);
        throw error;
      }
    };
  }
}

/** A private redis-server child process (never FLUSHALL the shared one). */
export class PrivateRedis {
  private child?: Child;
  port = 0;

  static start(): Promise<PrivateRedis> {
    return new PrivateRedis().start();
  }

  /** Starts the server; after stop() it comes back on the same port, as a restarted Redis would. */
  async start(): Promise<this> {
    this.port ||= await freePort();
    this.child = new Child(
      'redis-server',
      spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    await waitFor(async () => {
      if (!this.child!.alive) throw new Error(`redis-server did not start:\n${this.child!.log()}`);
      const client = new IORedis({ ...redisOptions(this.url), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    }, 10_000, 'redis-server to answer');
    return this;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async flushAll(): Promise<void> {
    const client = new IORedis(redisOptions(this.url));
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.child?.stop(3000);
  }
}
