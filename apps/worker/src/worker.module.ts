import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@tl/config';
import { DatabaseModule } from '@tl/database';
import { QueuesModule } from '@tl/queues';
import { RemindersWorkerModule } from '@tl/reminders';
import { RollupsWorkerModule } from '@tl/rollups';
import { OutboxRelay } from './outbox/outbox-relay';
import { WorkerDrain } from './worker-drain';
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
        DiscoveryModule,
        DatabaseModule,
        QueuesModule.forRoot(),
        RemindersWorkerModule,
        RollupsWorkerModule,
      ],
      providers: [WorkerReadiness, OutboxRelay, WorkerDrain],
    };
  }
}
