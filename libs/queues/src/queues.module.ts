import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { QueueName } from './queue-names';
import { redisOptions } from './redis-connection';

const ALL_QUEUES = Object.values(QueueName).map((name) => ({ name }));

/** BullMQ on the configured Redis, every queue under QUEUE_PREFIX so instances can share one Redis. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ connection: redisOptions(config.redisUrl) as ConnectionOptions, prefix: config.queuePrefix }),
        }),
        BullModule.registerQueue(...ALL_QUEUES),
      ],
      exports: [BullModule],
    };
  }
}
