export * from './non-working-day.entity';
export * from './working-calendar.service';
export * from './calendar.commands';
export * from './calendar.module';
