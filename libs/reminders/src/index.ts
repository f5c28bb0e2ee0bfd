export * from './persistence/reminder.entity';
export * from './persistence/progress-link.entity';
export * from './links/progress-links.service';
export * from './planning/reminder-planner.service';
export * from './delivery/reminder-timers.service';
export * from './delivery/reminder-dispatcher.service';
export * from './reminders.module';
