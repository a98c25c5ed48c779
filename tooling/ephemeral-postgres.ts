import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { startPostgresServer } from './postgres-server.ts';

export interface EphemeralPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL server in a fresh temporary directory (tests, migration generation). */
export async function startEphemeralPostgres(): Promise<EphemeralPostgres> {
  const parent = mkdtempSync(join(tmpdir(), 'mailroom-pg-'));
  // Traversable (not listable) by others: under root the server runs as the postgres user.
  chmodSync(parent, 0o711);
  const server = await startPostgresServer({
    dataDir: join(parent, 'data'),
    port: await freePort(),
    user: 'postgres',
    password: 'ephemeral',
    database: 'mailroom',
  });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
