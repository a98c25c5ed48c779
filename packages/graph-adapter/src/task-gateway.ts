import type { ExchangeTask, ItemDeltaOptions, ItemDeltaPage, TaskFields } from '@mailroom/domain';
import type { TodoTask } from '@microsoft/microsoft-graph-types';
import type { GraphAdapter } from './graph-adapter.ts';
import { malformedResponse } from './graph-errors.ts';
import { graphDateTime, instantOf, textOf, unlessGone } from './graph-values.ts';

/**
 * CRM task ↔ To Do task, field by field:
 *
 * | CRM task    | To Do task (todoTask)                                   |
 * |-------------|---------------------------------------------------------|
 * | subject     | title                                                   |
 * | description | body (text; HTML bodies are read as their text)         |
 * | dueAt       | dueDateTime (UTC dateTime, timeZone "UTC")              |
 * | status      | status: NOT_STARTED notStarted, IN_PROGRESS inProgress, |
 * |             | WAITING_ON_OTHERS waitingOnOthers, DEFERRED deferred,   |
 * |             | COMPLETED completed                                     |
 * | importance  | importance: low, normal, high                           |
 *
 * To Do has no changeKey: the ETag (`@odata.etag`) is the task's change marker.
 */
const STATUS_TO_GRAPH = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  WAITING_ON_OTHERS: 'waitingOnOthers',
  DEFERRED: 'deferred',
  COMPLETED: 'completed',
} as const satisfies Record<TaskFields['status'], string>;

const STATUS_FROM_GRAPH = new Map(Object.entries(STATUS_TO_GRAPH).map(([crm, graph]) => [graph, crm])) as Map<
  string,
  TaskFields['status']
>;

const IMPORTANCE_TO_GRAPH = { LOW: 'low', NORMAL: 'normal', HIGH: 'high' } as const satisfies Record<
  TaskFields['importance'],
  string
>;

export function toExchangeTask(task: TodoTask & { '@odata.etag'?: string }): ExchangeTask {
  if (!task.id) throw malformedResponse('a To Do task without an id');
  const changeKey = task['@odata.etag'];
  if (!changeKey) throw malformedResponse('a To Do task without an ETag');
  return {
    id: task.id,
    changeKey,
    lastModifiedAt: new Date(task.lastModifiedDateTime ?? Date.now()),
    fields: {
      subject: task.title ?? '',
      body: textOf(task.body),
      dueAt: instantOf(task.dueDateTime),
      status: STATUS_FROM_GRAPH.get(task.status ?? 'notStarted') ?? 'NOT_STARTED',
      importance: task.importance === 'low' ? 'LOW' : task.importance === 'high' ? 'HIGH' : 'NORMAL',
    },
  };
}

export function toTodoTask(fields: Partial<TaskFields>): TodoTask {
  const task: TodoTask = {};
  if (fields.subject !== undefined) task.title = fields.subject;
  if (fields.body !== undefined) task.body = { contentType: 'text', content: fields.body };
  if (fields.dueAt !== undefined) task.dueDateTime = fields.dueAt === null ? null : graphDateTime(fields.dueAt);
  if (fields.status !== undefined) task.status = STATUS_TO_GRAPH[fields.status];
  if (fields.importance !== undefined) task.importance = IMPORTANCE_TO_GRAPH[fields.importance];
  return task;
}

/** The To Do half of the domain's Exchange port. */
export function taskGatewayOver(adapter: GraphAdapter) {
  return {
    async defaultTaskList(mailbox: string): Promise<string> {
      const lists = await adapter.listTodoLists(mailbox);
      const list = lists.find((l) => l.wellknownListName === 'defaultList') ?? lists[0];
      if (!list?.id) throw malformedResponse('the mailbox has no To Do list');
      return list.id;
    },
    async *taskDelta(
      mailbox: string,
      listId: string,
      options: ItemDeltaOptions = {},
    ): AsyncGenerator<ItemDeltaPage<ExchangeTask>, void, undefined> {
      for await (const page of adapter.taskDelta(mailbox, listId, options)) {
        yield {
          items: page.items.map(toExchangeTask),
          removedIds: page.removedIds,
          cursor: (page.nextCursor ?? page.deltaCursor)!,
          complete: page.deltaCursor !== undefined,
        };
      }
    },
    async getTask(mailbox: string, listId: string, taskId: string): Promise<ExchangeTask | null> {
      const task = await unlessGone(() => adapter.getTask(mailbox, listId, taskId));
      return task === null ? null : toExchangeTask(task);
    },
    async createTask(mailbox: string, listId: string, fields: TaskFields): Promise<ExchangeTask> {
      return toExchangeTask(await adapter.createTask(mailbox, listId, toTodoTask(fields)));
    },
    async updateTask(
      mailbox: string,
      listId: string,
      taskId: string,
      changes: Partial<TaskFields>,
    ): Promise<ExchangeTask> {
      return toExchangeTask(await adapter.updateTask(mailbox, listId, taskId, toTodoTask(changes)));
    },
    async deleteTask(mailbox: string, listId: string, taskId: string): Promise<void> {
      await unlessGone(() => adapter.deleteTask(mailbox, listId, taskId));
    },
  };
}
