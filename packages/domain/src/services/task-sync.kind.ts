import type { TaskFields } from '../exchange-gateway.ts';
import type { CrmRow, SyncedKind } from './item-sync.ts';
import { taskColumnsOf, taskFieldsOf } from './task.service.ts';
import type { Task } from '../entities/activity.entities.ts';

/** CRM tasks ↔ the owner's default To Do list (field mapping: graph-adapter's task-gateway). */
export const TASKS: SyncedKind<TaskFields> = {
  kind: 'TASK',
  table: 'task',
  fields: ['subject', 'body', 'dueAt', 'status', 'importance'],
  cursorKey: 'tasks',
  container: (gateway, upn) => gateway.defaultTaskList(upn),
  delta: (gateway, upn, listId, options) => gateway.taskDelta(upn, listId, options),
  get: (gateway, upn, listId, id) => gateway.getTask(upn, listId, id),
  create: (gateway, upn, listId, fields) => gateway.createTask(upn, listId, fields),
  update: (gateway, upn, listId, id, changes) => gateway.updateTask(upn, listId, id, changes),
  remove: (gateway, upn, listId, id) => gateway.deleteTask(upn, listId, id),
  fieldsOf: (row) => taskFieldsOf(row as unknown as Task),
  async columnsOf(_db, _mailbox, fields, row, item) {
    const columns: Record<string, unknown> = taskColumnsOf(fields, {
      completedAt: (row?.['completedAt'] as Date | null | undefined) ?? null,
    });
    // Completed in To Do: it was completed when To Do last changed it.
    if (fields.status === 'COMPLETED' && !row?.['completedAt'] && item) columns['completedAt'] = item.lastModifiedAt;
    return columns;
  },
  // Every To Do task of the list is the user's task in the CRM too.
  admit: async () => ({}),
  removalMayBeMove: false,
  exchangeDeleteDeletesCrm: true,
  onTimelines: (row: CrmRow) => row.regardingId !== null,
};
