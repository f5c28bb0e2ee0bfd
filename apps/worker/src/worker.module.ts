import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@tl/config';
import { DatabaseModule } from '@tl/database';
import { QueuesModule } from '@tl/queues';
import { RemindersWorkerModule } from '@tl/reminders';
import { OutboxRelay } from './outbox/outbox-relay';
import { WorkerReadiness } from './worker-readiness';

/** The background worker: relays domain events to the queues and runs their consumers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        CqrsModule.forRoot(),
        DatabaseModule,
        QueuesModule.forRoot(),
        RemindersWorkerModule,
      ],
      providers: [WorkerReadiness, OutboxRelay],
    };
  }
}
