import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@tl/auth';
import { CalendarModule } from '@tl/calendar';
import { CommitmentsModule } from '@tl/commitments';
import { AppConfig, AppConfigModule } from '@tl/config';
import { DatabaseModule } from '@tl/database';
import { DirectoryModule } from '@tl/directory';
import { MeetingsModule } from '@tl/meetings';
import { QueuesModule } from '@tl/queues';
import { RemindersModule } from '@tl/reminders';
import { RollupsModule } from '@tl/rollups';
import { HealthModule } from './health/health.module';
import { DomainExceptionFilter } from './http/domain-exception.filter';

/** The HTTP api: wiring only; every capability lives in its context's module under libs/. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        CqrsModule.forRoot(),
        DatabaseModule,
        QueuesModule.forRoot(),
        AuthModule,
        HealthModule,
        DirectoryModule,
        MeetingsModule,
        CommitmentsModule,
        CalendarModule,
        RemindersModule,
        RollupsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}
