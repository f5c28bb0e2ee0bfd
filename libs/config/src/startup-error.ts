import { existsSync } from 'node:fs';
import { loadAppConfig } from './app-config';

/** A start-up failure that deserves one clear line for the operator, not a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? '6379' : '5432')}`;
  } catch {
    return url;
  }
}

/**
 * Runs a process entry point. A configuration or start-up problem is one clear line on stderr and
 * exit code 1; anything else is a real crash and keeps its stack. Once started, a SIGTERM or
 * SIGINT stops the process gracefully (Nest's shutdown hooks), but never for longer than
 * SHUTDOWN_TIMEOUT: the queue consumers wait for the jobs in progress, and a job talking to a server
 * that hangs would hold the stop for as long as that takes.
 */
export function runMain(main: () => Promise<unknown>): void {
  // A local .env fills in what the real environment does not set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  main().then(
    () => exitIfStopStalls(loadAppConfig().shutdownTimeout.as('milliseconds')),
    (error: unknown) => {
      const known = error instanceof StartupError || (error instanceof Error && error.name === 'ConfigError');
      process.stderr.write(known ? `tindak-lanjut: ${(error as Error).message}\n` : `${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}

function exitIfStopStalls(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(
          `tindak-lanjut: still stopping ${Math.round(timeoutMs / 1000)} s after ${signal} ` +
            `(a job waits for Redis, PostgreSQL or the mail server); exiting now\n`,
        );
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
