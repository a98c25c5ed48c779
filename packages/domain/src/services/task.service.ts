import type { DataSource } from 'typeorm';
import { Task } from '../entities/activity.entities.ts';
import { TASK_IMPORTANCES, TASK_STATUSES, type TaskImportance, type TaskStatus } from '../enums.ts';
import { DomainError } from '../errors.ts';
import type { TaskFields } from '../exchange-gateway.ts';
import type { Principal } from '../principal.ts';
import { CrmRecordService } from './crm-records.service.ts';
import { OwnedActivities, type ActChangeListener } from './owned-activities.ts';
import type { Page } from './pagination.ts';

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
  private readonly tasks: OwnedActivities<Task>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: ActChangeListener | null = null,
  ) {
    this.records = new CrmRecordService(dataSource);
    this.tasks = new OwnedActivities(dataSource, Task, 'task', 'task');
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
    const task = await this.tasks.owned(principal, id);
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
    const changed = await this.tasks.write(task.id, taskColumnsOf(fields, task));
    await this.listener?.crmChanged(task.organisationId, task.ownerUserId);
    return changed;
  }

  /** Deletes the task in the CRM; the sync deletes its To Do task, then the row. */
  async delete(principal: Principal, id: string): Promise<boolean> {
    const task = await this.tasks.delete(principal, id);
    await this.listener?.crmChanged(task.organisationId, task.ownerUserId);
    return true;
  }

  /** A task the user may see: their own, any for an administrator, or one on a record they may see. */
  get(principal: Principal, id: string): Promise<Task | null> {
    return this.tasks.get(principal, id);
  }

  /** The signed-in user's tasks, newest first. */
  mine(principal: Principal, first?: number | null, after?: string | null): Promise<Page<Task>> {
    return this.tasks.mine(principal, first, after);
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
