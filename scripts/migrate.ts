// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { createDataSource, runMigrations } from '@mailroom/domain';
import { ConfigError, loadLauncherConfig } from './launcher-config.ts';
import { LaunchError, startPostgres } from './services.ts';

try {
  const config = loadLauncherConfig();
  const postgres = await startPostgres(config, (line) => console.log(line));
  const dataSource = createDataSource({ url: postgres.url, poolSize: 1, applicationName: 'mailroom-migrate' });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await postgres.stop();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof LaunchError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
