// `npm run seed`: applies migrations and seeds the demo organisation (idempotent). Used by
// docker compose; `npm start` does the same itself.
import { createDataSource, runMigrations, SecretCipher, seedDemo, type DemoConnection } from '@mailroom/domain';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { ConfigError, loadLauncherConfig } from './launcher-config.ts';

try {
  const config = loadLauncherConfig();
  if (!config.DATABASE_URL) throw new ConfigError('Configuration error: DATABASE_URL is not set.');
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'mailroom-seed' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    // Connected to the emulator's demo tenant when there is a key to encrypt its secret with.
    const connection: DemoConnection | undefined =
      config.MAILROOM_SECRET_KEY && config.GRAPH_BASE_URL
        ? {
            tenantId: DEMO_TENANT.tenantId,
            clientId: DEMO_TENANT.clientId,
            clientSecretEncrypted: new SecretCipher(Buffer.from(config.MAILROOM_SECRET_KEY, 'base64')).encrypt(
              DEMO_TENANT.clientSecret,
            ),
            graphEndpoint: config.GRAPH_BASE_URL,
            authorityUrl: config.GRAPH_AUTHORITY_URL ?? config.GRAPH_BASE_URL,
          }
        : undefined;
    const created = await seedDemo(dataSource, {
      password: config.MAILROOM_DEMO_PASSWORD,
      ...(connection ? { connection } : {}),
    });
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
