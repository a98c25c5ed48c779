import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE … RETURNING` (or `DELETE … RETURNING`) and gives back the returned rows. TypeORM's
 * PostgreSQL driver answers those with `[rows, affectedCount]` (but INSERTs with the rows alone),
 * so reading the raw result as rows would count two "rows" for any update.
 */
export async function updateReturning<T>(
  db: DataSource | EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await db.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
