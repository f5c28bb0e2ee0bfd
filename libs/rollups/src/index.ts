export * from './persistence/rollup-sql';
export * from './projection/rollup-projector.service';
export * from './projection/rollup-events.processor';
export * from './reconcile/rollup-rebuilder.service';
export * from './reconcile/overdue-sweeper.service';
export * from './digest/weekly-digest.service';
export * from './rollups.reader';
export * from './rollups.module';
