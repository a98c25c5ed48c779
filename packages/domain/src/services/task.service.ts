import type { DataSource, EntityManager } from 'typeorm';
import { Task } from '../entities/task.entities.ts';
import { TASK_IMPORTANCES, TASK_STATUSES, type TaskImportance, type TaskStatus } from '../enums.ts';
import { DomainError, notFound } from '../errors.ts';
import type { TaskFields } from '../exchange-gateway.ts';
import { isUuid } from '../ids.ts';
import { isAdministrator, type Principal } from '../principal.ts';
import { CrmRecordService } from './crm-records.service.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

export interface CreateTaskInput {
  regardingId?: string | null;
  subject: string;
  description?: string | null;
  dueAt?: Date | null;
  importance?: TaskImportance | null;
}

export interface UpdateTaskInput {
  subject?: string | null;
  description?: string | null;
  dueAt?: Date | null;
  status?: TaskStatus | null;
  importance?: TaskImportance | null;
}

/** Something the CRM side changed that the owner's ACT sync should carry to Exchange soon. */
export interface ActChangeListener {
  crmChanged(organisationId: string, ownerUserId: string): Promise<void>;
}

const MAX_SUBJECT = 400;
const MAX_DESCRIPTION = 100_000;

/** The task's fields as the sync compares them with Exchange. */
export function taskFieldsOf(
  task: Pick<Task, 'subject' | 'description' | 'dueAt' | 'status' | 'importance'>,
): TaskFields {
  return {
    subject: task.subject,
    body: task.description,
    dueAt: task.dueAt ? new Date(task.dueAt).toISOString() : null,
    status: task.status,
    importance: task.importance,
  };
}

/** The columns of a task for these fields (completion time follows the status). */
export function taskColumnsOf(fields: Partial<TaskFields>, current: Pick<Task, 'completedAt'>): Partial<Task> {
  const columns: Partial<Task> = {};
  if (fields.subject !== undefined) columns.subject = fields.subject.slice(0, MAX_SUBJECT);
  if (fields.body !== undefined) columns.description = fields.body.slice(0, MAX_DESCRIPTION);
  if (fields.dueAt !== undefined) columns.dueAt = fields.dueAt === null ? null : new Date(fields.dueAt);
  if (fields.importance !== undefined) columns.importance = fields.importance;
  if (fields.status !== undefined) {
    columns.status = fields.status;
    columns.completedAt = fields.status === 'COMPLETED' ? (current.completedAt ?? new Date()) : null;
  }
  return columns;
}

/**
 * CRM tasks: created from a record (they show on its timeline) or arriving from To Do, owned by
 * one user. Every change raises the version the ACT sync compares; a delete is kept as a
 * tombstone until the sync has removed the To Do task.
 */
export class TaskService {
  private readonly records: CrmRecordService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: ActChangeListener | null = null,
  ) {
    this.records = new CrmRecordService(dataSource);
  }

  async create(principal: Principal, input: CreateTaskInput): Promise<Task> {
    const regarding = input.regardingId
      ? await this.records.visibleRecord(principal, input.regardingId, 'The record for the task')
      : null;
    const subject = input.subject.trim();
    if (!subject) throw new DomainError('BAD_USER_INPUT', 'A task needs a subject.');
    if (subject.length > MAX_SUBJECT)
      throw new DomainError('BAD_USER_INPUT', `A task's subject is at most ${MAX_SUBJECT} characters.`);
    checkDescription(input.description);
    checkImportance(input.importance);
    const repository = this.dataSource.getRepository(Task);
    const task = await repository.save(
      repository.create({
        organisationId: principal.organisationId,
        ownerUserId: principal.userId,
        subject,
        description: input.description ?? '',
        dueAt: input.dueAt ?? null,
        importance: input.importance ?? 'NORMAL',
        status: 'NOT_STARTED',
        regardingType: regarding?.type ?? null,
        regardingId: regarding?.id ?? null,
      }),
    );
    await this.listener?.crmChanged(task.organisationId, task.ownerUserId);
    return task;
  }

  async update(principal: Principal, id: string, input: UpdateTaskInput): Promise<Task> {
    const task = await this.owned(principal, id);
    const fields: Partial<TaskFields> = {};
    if (input.subject != null) {
      const subject = input.subject.trim();
      if (!subject || subject.length > MAX_SUBJECT)
        throw new DomainError('BAD_USER_INPUT', `A task's subject is 1 to ${MAX_SUBJECT} characters.`);
      fields.subject = subject;
    }
    if (input.description != null) {
      checkDescription(input.description);
      fields.body = input.description;
    }
    if (input.dueAt !== undefined) fields.dueAt = input.dueAt === null ? null : input.dueAt.toISOString();
    if (input.status != null) {
      if (!TASK_STATUSES.includes(input.status)) throw new DomainError('BAD_USER_INPUT', 'Unknown task status.');
      fields.status = input.status;
    }
    if (input.importance != null) {
      checkImportance(input.importance);
      fields.importance = input.importance;
    }
    const changed = await this.dataSource.transaction((db) => writeTask(db, task.id, fields, task));
    await this.listener?.crmChanged(task.organisationId, task.ownerUserId);
    return changed;
  }

  /** Deletes the task in the CRM; the sync deletes its To Do task, then the row. */
  async delete(principal: Principal, id: string): Promise<boolean> {
    const task = await this.owned(principal, id);
    await this.dataSource.query(
      `UPDATE task SET "deletedAt" = now(), "updatedAt" = now(), version = version + 1 WHERE id = $1`,
      [task.id],
    );
    await this.listener?.crmChanged(task.organisationId, task.ownerUserId);
    return true;
  }

  /** A task the user may see: their own, any for an administrator, or one on a record they may see. */
  async get(principal: Principal, id: string): Promise<Task | null> {
    if (!isUuid(id)) return null;
    const task = await this.dataSource.getRepository(Task).findOneBy({ id, organisationId: principal.organisationId });
    if (!task || task.deletedAt) return null;
    if (task.ownerUserId === principal.userId || isAdministrator(principal)) return task;
    if (task.regardingId && (await this.records.recordNames(principal, [task.regardingId])).size > 0) return task;
    return null;
  }

  /** The signed-in user's tasks: open ones first by due date, then the rest, newest first. */
  async mine(principal: Principal, first?: number | null, after?: string | null): Promise<Page<Task>> {
    const limit = pageSize(first);
    const key = after ? decodeCursor(after, 2) : null;
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM task WHERE "organisationId" = $1 AND "ownerUserId" = $2 AND "deletedAt" IS NULL`,
      [principal.organisationId, principal.userId],
    )) as [{ count: number }];
    const rows: Task[] = await this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t."organisationId" = :org AND t."ownerUserId" = :user AND t."deletedAt" IS NULL', {
        org: principal.organisationId,
        user: principal.userId,
      })
      .andWhere(key ? '(t."createdAt", t.id) < (:at, :id)' : 'true', key ? { at: key[0], id: key[1] } : {})
      .orderBy('t."createdAt"', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount: count,
      cursorOf: (task) => encodeCursor([task.createdAt.toISOString(), task.id]),
    };
  }

  private async owned(principal: Principal, id: string): Promise<Task> {
    const task = await this.get(principal, id);
    if (!task) throw notFound('That task');
    if (task.ownerUserId !== principal.userId && !isAdministrator(principal))
      throw new DomainError('FORBIDDEN', "Only the task's owner can change it.");
    return task;
  }
}

function checkDescription(description: string | null | undefined): void {
  if (description && description.length > MAX_DESCRIPTION)
    throw new DomainError('BAD_USER_INPUT', `A task's description is at most ${MAX_DESCRIPTION} characters.`);
}

function checkImportance(importance: TaskImportance | null | undefined): void {
  if (importance != null && !TASK_IMPORTANCES.includes(importance))
    throw new DomainError('BAD_USER_INPUT', 'Importance is LOW, NORMAL or HIGH.');
}

/** Applies field changes to a task, raising its version; returns the task as written. */
export async function writeTask(
  db: EntityManager,
  id: string,
  fields: Partial<TaskFields>,
  current: Pick<Task, 'completedAt'>,
  extra: Partial<Pick<Task, 'syncDecision'>> = {},
): Promise<Task> {
  const columns = { ...taskColumnsOf(fields, current), ...extra };
  await db
    .getRepository(Task)
    .createQueryBuilder()
    .update()
    .set({ ...columns, updatedAt: () => 'now()', version: () => 'version + 1' })
    .where('id = :id', { id })
    .execute();
  return db.getRepository(Task).findOneByOrFail({ id });
}
