import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { dataSourceOptions } from './data-source';
import { EventStore } from './event-store';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [EventStore],
  exports: [EventStore],
})
export class DatabaseModule {}
