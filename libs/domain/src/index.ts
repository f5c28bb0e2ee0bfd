// Pure domain rules: no Nest, TypeORM or BullMQ in here.
export * from './errors';
export * from './commitments/commitment-status';
export * from './events/domain-events';
export * from './regions/region-code';
export * from './calendar';
export * from './reminders';
export * from './rollups';
