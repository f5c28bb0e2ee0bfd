export * from './pagination.dto';
export * from './validation';
export * from './body-array.pipe';
