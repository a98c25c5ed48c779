import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

type PgClient = {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  query(text: string): Promise<unknown>;
};

/** The pooled connections already told to plan named statements once. */
const planOnce = new WeakSet<object>();

/**
 * Runs `text` as a named prepared statement on one of the DataSource's pooled connections: each
 * connection plans it once, later executions skip planning. For hot read paths whose statement is
 * large and fixed, and whose best plan does not depend on the parameters' values (a timeline page
 * plans in 1.5–3 ms, longer than its main index scan, and every path of it is an index probe).
 *
 * PostgreSQL would otherwise keep planning afresh: in its default mode it compares the generic
 * plan's estimated cost with the custom plans' and, for a statement like the timeline's, replanned
 * on every execution (pg_prepared_statements showed 354 custom plans, 0 generic). So a connection's
 * first use here sets `plan_cache_mode = force_generic_plan` for the session; it affects named
 * statements only, and only this function makes those (TypeORM's are unnamed, always planned with
 * their values). The name is derived from the text, so a changed statement is prepared afresh. Rows
 * come back exactly as `dataSource.query` returns them (the same pg driver and type parsers).
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    if (!planOnce.has(client)) {
      await client.query('SET plan_cache_mode = force_generic_plan');
      planOnce.add(client);
    }
    const name = `mr_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // Seen by the DataSource's logger and subscribers like any other statement.
    dataSource.logger.logQuery(text, values, runner);
    await runner.broadcaster.broadcast('BeforeQuery', text, values);
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    await runner.release();
  }
}
