import { loadConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations; safe to run any number of times. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const log = createLogger('migrate');
  const config = loadConfig();
  migrate(config.databaseUrl)
    .then((applied) => log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date'))
    .catch((err: unknown) => {
      log.error({ err }, 'migration failed');
      process.exit(1);
    });
}
