import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // `min`: sessions the pool keeps once opened instead of closing them after 10 s idle, so that
    // a burst after a quiet hour (08:00 reminders) does not wait for new PostgreSQL sessions.
    extra: { max: 10, min: 4, connectionTimeoutMillis: 5000 },
  };
}

// Serialises migrations when several api and worker processes start at once.
const MIGRATION_LOCK = 7_463_115_221;

/** Runs pending migrations under an advisory lock; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
