import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Runs `text` as a named prepared statement on one of the DataSource's pooled connections: each
 * connection plans it once, later executions skip planning. For hot read paths whose statement is
 * large and fixed (a timeline page plans in 1.5–3 ms, longer than its main index scan). The name
 * is derived from the text, so a changed statement is prepared afresh. Rows come back exactly as
 * `dataSource.query` returns them (the same pg driver and type parsers).
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as {
      query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
    };
    const name = `mr_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // Seen by the DataSource's logger and subscribers like any other statement.
    dataSource.logger.logQuery(text, values, runner);
    await runner.broadcaster.broadcast('BeforeQuery', text, values);
    return (await client.query({ name, text, values })).rows;
  } finally {
    await runner.release();
  }
}
