import type { TodoTask, TodoTaskList } from '@microsoft/microsoft-graph-types';
import { deltaPages, type DeltaOptions, type DeltaPage } from './delta-pages.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';
import { collectPages } from './collection-pages.ts';

/** The user's To Do lists; the one with `wellknownListName: 'defaultList'` is "Tasks". */
export function listTodoLists(context: GraphContext, mailbox: string): Promise<TodoTaskList[]> {
  return collectPages<TodoTaskList>(context, {
    url: `/users/${segment(mailbox)}/todo/lists`,
    mailbox,
    permission: PERMISSIONS.tasksRead,
  });
}

/** Task delta for one To Do list. */
export function taskDelta(
  context: GraphContext,
  mailbox: string,
  listId: string,
  options: DeltaOptions = {},
): AsyncGenerator<DeltaPage<TodoTask>, void, undefined> {
  return deltaPages<TodoTask>(context, {
    mailbox,
    permission: PERMISSIONS.tasksRead,
    first: { url: `/users/${segment(mailbox)}/todo/lists/${segment(listId)}/tasks/delta` },
    options,
  });
}

const taskUrl = (mailbox: string, listId: string, taskId?: string): string =>
  `/users/${segment(mailbox)}/todo/lists/${segment(listId)}/tasks${taskId === undefined ? '' : `/${segment(taskId)}`}`;

/** Reads one task. */
export function getTask(context: GraphContext, mailbox: string, listId: string, taskId: string): Promise<TodoTask> {
  return context.transport.execute<TodoTask>({
    method: 'GET',
    url: taskUrl(mailbox, listId, taskId),
    mailbox,
    permission: PERMISSIONS.tasksRead,
  });
}

/** Creates a task in a To Do list. */
export function createTask(context: GraphContext, mailbox: string, listId: string, task: TodoTask): Promise<TodoTask> {
  return context.transport.execute<TodoTask>({
    method: 'POST',
    url: taskUrl(mailbox, listId),
    body: task,
    mailbox,
    permission: PERMISSIONS.tasksWrite,
  });
}

/** Changes the given fields of a task. */
export function updateTask(
  context: GraphContext,
  mailbox: string,
  listId: string,
  taskId: string,
  changes: TodoTask,
): Promise<TodoTask> {
  return context.transport.execute<TodoTask>({
    method: 'PATCH',
    url: taskUrl(mailbox, listId, taskId),
    body: changes,
    mailbox,
    permission: PERMISSIONS.tasksWrite,
  });
}

/** Deletes a task. */
export async function deleteTask(
  context: GraphContext,
  mailbox: string,
  listId: string,
  taskId: string,
): Promise<void> {
  await context.transport.execute<void>({
    method: 'DELETE',
    url: taskUrl(mailbox, listId, taskId),
    mailbox,
    permission: PERMISSIONS.tasksWrite,
  });
}
