export * from './rollup-counts';
export * from './rollup-scopes';
export * from './trend';
export * from './digest-schedule';
