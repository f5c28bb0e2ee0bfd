import IORedis, { RedisOptions } from 'ioredis';
import { describeTarget, StartupError } from '@tl/config';

/** Connection options BullMQ needs: workers block on Redis, so no per-request retry limit. */
export function redisOptions(url: string, overrides: RedisOptions = {}): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    ...overrides,
  };
}

export function redisDown(url: string): StartupError {
  return new StartupError(
    `Redis is not reachable at ${describeTarget(url)}: start it (redis-server --daemonize yes --port 6379 --save "" --appendonly no, or docker compose -f docker/compose.yaml up -d redis) or set REDIS_URL.`,
  );
}

/** Fails fast with one clear line when Redis does not answer. */
export async function assertRedisReachable(url: string): Promise<void> {
  const client = new IORedis({ ...redisOptions(url), lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw redisDown(url);
  } finally {
    client.disconnect();
  }
}
