import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from './entities/index.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface DataSourceOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Pool size per process. */
  poolSize?: number;
  /** Receives every SQL statement; used by tests and benchmarks that count queries. */
  logger?: Logger;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'mailroom',
    ...(options.logger ? { logger: options.logger, logging: true } : { logging: false }),
  });
}

/** Applies pending migrations, one transaction each; safe to call from several processes at once. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** True when every known migration has been applied. */
export async function migrationsAreCurrent(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
