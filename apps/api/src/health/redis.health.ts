import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { redisOptions } from '@tl/queues';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly indicators: HealthIndicatorService) {
    // Fail fast: a health probe must answer even while Redis is away.
    this.client = new IORedis({ ...redisOptions(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000 });
    this.client.on('error', () => undefined);
  }

  async check(key: string) {
    const session = this.indicators.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect().catch(() => undefined);
      await Promise.race([this.client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return session.up();
    } catch (error) {
      return session.down({ message: `Redis did not answer: ${(error as Error).message}` });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
