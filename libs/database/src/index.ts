
export * from './ensure-database';
export * from './data-source';
export * from './event-store';
export * from './database.module';
export * from './numeric.transformer';
export * from './preflight';
