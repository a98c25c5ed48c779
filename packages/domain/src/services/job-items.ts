import type { EntityManager } from 'typeorm';
import { Job } from '../entities/job.entity.ts';
import type { JobItemStatus } from '../entities/job-item.entity.ts';

/**
 * Records an item's final status exactly once and moves the job's counters with it; the job
 * completes when its last item does. Returns the job as it now is, or null when the item had
 * already finished (a retried child job): then nothing changes.
 */
export async function finishJobItem(
  manager: EntityManager,
  jobId: string,
  itemId: string,
  status: Exclude<JobItemStatus, 'PENDING'>,
  detail: Record<string, unknown>,
  now = new Date(),
): Promise<Job | null> {
  const updated: unknown[] = await manager.query(
    `UPDATE job_item SET status = $3, detail = $4, "finishedAt" = $5
     WHERE "jobId" = $1 AND "itemId" = $2 AND status = 'PENDING' RETURNING id`,
    [jobId, itemId, status, JSON.stringify(detail), now],
  );
  // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query().
  const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated;
  if (rows.length === 0) return null;
  await manager.query(
    `UPDATE job SET done = done + 1, failed = failed + $2,
       status = CASE WHEN done + 1 >= total THEN 'COMPLETED' ELSE 'RUNNING' END,
       "startedAt" = COALESCE("startedAt", $3),
       "finishedAt" = CASE WHEN done + 1 >= total THEN $3 ELSE NULL END
     WHERE id = $1`,
    [jobId, status === 'FAILED' ? 1 : 0, now],
  );
  return manager.getRepository(Job).findOneByOrFail({ id: jobId });
}
