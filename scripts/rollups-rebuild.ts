import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, loadAppConfig, runMain } from '@tl/config';
import { dataSourceOptions, prepareDatabase } from '@tl/database';
import { RebuildReport, RollupRebuilder } from '@tl/rollups';

/**
 * `npm run rollups:rebuild`: recomputes every roll-up row from the source tables, repairs and
 * reports any drift, and writes today's snapshot. Safe while the api and worker run (it holds
 * their row recomputes off for its few seconds).
 */
export async function rebuildRollups(config: AppConfig = loadAppConfig()): Promise<RebuildReport> {
  await prepareDatabase(config);
  const dataSource = new DataSource({ ...dataSourceOptions(config.databaseUrl), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return await new RollupRebuilder(dataSource, config).rebuild('manual');
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const report = await rebuildRollups();
  const lines = [
    `roll-ups rebuilt: ${report.rowsChecked} rows checked, ${report.driftRows} wrong and repaired, snapshot of ${report.snapshotDay} written`,
    ...report.drift.map((d) => `  drift: ${d.kind} ${d.key}: ${d.fields.join(', ')}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) runMain(main);
