import type { EntityManager } from 'typeorm';
import type { JobItemStatus } from '../entities/job-item.entity.ts';
import { updateReturning } from './sql.ts';

/**
 * Records an item's final status exactly once and moves the job's counters with it; the job
 * completes when its last item does. Returns false when the item had already finished (a retried
 * child job): then nothing changes.
 */
export async function finishJobItem(
  manager: EntityManager,
  jobId: string,
  itemId: string,
  status: Exclude<JobItemStatus, 'PENDING'>,
  detail: Record<string, unknown>,
  now = new Date(),
): Promise<boolean> {
  const items = await updateReturning<{ id: string }>(
    manager,
    `UPDATE job_item SET status = $3, detail = $4, "finishedAt" = $5
     WHERE "jobId" = $1 AND "itemId" = $2 AND status = 'PENDING' RETURNING id`,
    [jobId, itemId, status, JSON.stringify(detail), now],
  );
  if (items.length === 0) return false;
  // Last statement of the caller's transaction: every item of a job updates this one row, so the
  // row lock must be held for as little as possible (this statement and the commit).
  const jobs = await updateReturning<{ id: string }>(
    manager,
    `UPDATE job SET done = done + 1, failed = failed + $2,
       status = CASE WHEN done + 1 >= total THEN 'COMPLETED' ELSE 'RUNNING' END,
       "startedAt" = COALESCE("startedAt", $3),
       "finishedAt" = CASE WHEN done + 1 >= total THEN $3 ELSE NULL END
     WHERE id = $1 RETURNING id`,
    [jobId, status === 'FAILED' ? 1 : 0, now],
  );
  return jobs.length > 0;
}
