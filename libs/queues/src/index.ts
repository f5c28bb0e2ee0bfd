export * from './redis-connection';
export * from './queue-names';
export * from './job-payloads';
export * from './job-options';
export * from './queues.module';
export * from './event-routes';
