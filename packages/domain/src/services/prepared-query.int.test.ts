import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { preparedQuery } from './prepared-query.ts';

/*
 * preparedQuery against real PostgreSQL: a statement run through it is planned once per
 * connection (a generic plan, reused), never replanned per execution — the point of using it.
 */

let ds: DataSource;

beforeAll(async () => {
  // One connection, so every execution below shares the same prepared statement.
  ds = createDataSource({ url: inject('databaseUrl'), poolSize: 1 });
  await ds.initialize();
});
afterAll(() => ds.destroy());

const STATEMENT = `SELECT n, n * $2::int AS scaled FROM generate_series(1, $1::int) AS n
  WHERE $3::text IS NULL OR n::text LIKE $3::text ORDER BY n DESC`;

describe('preparedQuery', () => {
  it('returns rows as dataSource.query does, for each set of values', async () => {
    const viaPrepared = await preparedQuery(ds, STATEMENT, [12, 3, null]);
    expect(viaPrepared).toEqual(await ds.query(STATEMENT, [12, 3, null]));
    expect(await preparedQuery(ds, STATEMENT, [12, 2, '1%'])).toEqual([
      { n: 12, scaled: 24 },
      { n: 11, scaled: 22 },
      { n: 10, scaled: 20 },
      { n: 1, scaled: 2 },
    ]);
  });

  it('plans the statement once and reuses that plan, whatever the values', async () => {
    for (let i = 0; i < 12; i++) await preparedQuery(ds, STATEMENT, [i + 1, i, i % 2 ? null : `${i}%`]);
    const [stats] = (await ds.query(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
        WHERE statement = $1`,
      [STATEMENT],
    )) as { generic: number; custom: number }[];
    expect(stats).toBeDefined();
    expect(stats!.custom).toBe(0);
    expect(stats!.generic).toBeGreaterThanOrEqual(12);
  });

  it('leaves statements TypeORM sends planned with their values', async () => {
    const [shown] = (await ds.query('SHOW plan_cache_mode')) as { plan_cache_mode: string }[];
    // Set for the session, where it concerns named statements only: TypeORM's are unnamed.
    expect(shown?.plan_cache_mode).toBe('force_generic_plan');
    const [explained] = (await ds.query(`EXPLAIN ${STATEMENT}`, [3, 1, null])) as { 'QUERY PLAN': string }[];
    // Planned with its values: the function scan knows it yields 3 rows, not a generic guess.
    expect(explained!['QUERY PLAN']).toMatch(/rows=3\b/);
  });
});
