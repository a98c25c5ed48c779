import type { DataSource, EntityManager, Repository } from 'typeorm';
import { JobItem } from '../entities/job-item.entity.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';
import { Job, type JobErrorCode, type JobReport } from '../entities/job.entity.ts';
import type { JobKind, JobStatus } from '../enums.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';

export class JobService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a new job as QUEUED; the caller enqueues its id on the worker queue. */
  create(principal: Principal, kind: JobKind, total = 0): Promise<Job> {
    const repository = this.dataSource.getRepository(Job);
    return repository.save(
      repository.create({
        organisationId: principal.organisationId,
        kind,
        total,
        startedByUserId: principal.userId,
      }),
    );
  }

  /** A job's items (its per-mailbox report), keyset-paged in a stable order. */
  async items(
    principal: Principal,
    jobId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<JobItem>> {
    const limit = pageSize(first);
    const query = this.dataSource
      .getRepository(JobItem)
      .createQueryBuilder('item')
      .where('item.jobId = :jobId AND item.organisationId = :org', { jobId, org: principal.organisationId });
    const totalCount = await query.clone().getCount();
    if (after) {
      const [id] = decodeCursor(after, 1);
      query.andWhere('item.id > :id', { id });
    }
    const rows = await query
      .orderBy('item.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount,
      cursorOf: (item) => encodeCursor([item.id]),
    };
  }

  /** A job of the principal's organisation, or null. */
  async get(principal: Principal, id: string): Promise<Job | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(Job).findOneBy({ id, organisationId: principal.organisationId });
  }
}

/** Progress updates the worker makes; each returns the job as it now is. */
export class JobProgress {
  constructor(private readonly manager: EntityManager) {}

  private async update(id: string, changes: Partial<Job>): Promise<Job> {
    const repository = this.manager.getRepository(Job);
    // TypeORM's deep-partial type cannot express the free-form jsonb report.
    await repository.update({ id }, changes as Parameters<Repository<Job>['update']>[1]);
    const job = await repository.findOneBy({ id });
    if (!job) throw new DomainError('NOT_FOUND', `Job ${id} was not found.`);
    return job;
  }

  find(id: string): Promise<Job | null> {
    return this.manager.getRepository(Job).findOneBy({ id });
  }

  start(id: string, total: number, now = new Date()): Promise<Job> {
    return this.update(id, {
      status: 'RUNNING' satisfies JobStatus,
      total,
      startedAt: now,
      error: null,
      errorCode: null,
    });
  }

  advance(id: string, done: number, failed: number): Promise<Job> {
    return this.update(id, { done, failed });
  }

  finish(id: string, report: JobReport, now = new Date()): Promise<Job> {
    return this.update(id, { status: 'COMPLETED', finishedAt: now, report });
  }

  fail(id: string, error: string, errorCode: JobErrorCode, now = new Date()): Promise<Job> {
    return this.update(id, { status: 'FAILED', finishedAt: now, error, errorCode });
  }
}
