// `npm run seed`: applies migrations and seeds the demo organisation (idempotent). Used by
// docker compose; `npm start` does the same itself.
import { createDataSource, runMigrations, seedDemo } from '@mailroom/domain';
import { ConfigError, loadLauncherConfig } from './launcher-config.ts';

try {
  const config = loadLauncherConfig();
  if (!config.DATABASE_URL) throw new ConfigError('Configuration error: DATABASE_URL is not set.');
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'mailroom-seed' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const created = await seedDemo(dataSource, { password: config.MAILROOM_DEMO_PASSWORD });
    console.log(created ? 'Seeded the demo organisation "Contoso".' : 'The demo organisation is already there.');
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
