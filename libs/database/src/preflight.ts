import { AppConfig } from '@tl/config';
import { ensureDatabase, postgresDown } from './ensure-database';
import { runMigrations } from './data-source';

/** Creates the database when missing and applies pending migrations, before Nest starts. */
export async function prepareDatabase(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.databaseUrl);
  try {
    return await runMigrations(config.databaseUrl);
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') throw postgresDown(config.databaseUrl);
    throw error;
  }
}
