import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { redisOptions } from '@tl/queues';

/** Proves at start that the worker reaches PostgreSQL and Redis, then says it is ready. */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(@InjectDataSource() private readonly dataSource: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query('SELECT 1');
    const redis = new IORedis({ ...redisOptions(this.config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
    this.logger.log(`worker ready (queue prefix "${this.config.queuePrefix}")`);
  }
}
