import { userOf, type RouteContext, type RouteTable } from '../graph/graph-route.ts';
import { errors } from '../http/graph-error.ts';
import { empty, json } from '../http/http.types.ts';
import type { ItemContainer } from '../items/item-container.ts';
import {
  createItem,
  deleteItem,
  findContainer,
  findItem,
  itemDelta,
  listItems,
  render,
  updateItem,
} from '../items/item.routes.ts';

const STATUSES = new Set(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']);
const IMPORTANCE = new Set(['low', 'normal', 'high']);

function dataOf(ctx: RouteContext) {
  return ctx.state.data(userOf(ctx));
}

function tasksOf(ctx: RouteContext): ItemContainer {
  return findContainer(dataOf(ctx).taskLists.get(ctx.params['list']!), ctx.params['list']!);
}

function validateTask(fields: Record<string, unknown>): void {
  if (fields['title'] !== undefined && typeof fields['title'] !== 'string')
    throw errors.invalidRequest('title must be a string.');
  if (fields['status'] !== undefined && !STATUSES.has(String(fields['status'])))
    throw errors.invalidRequest(`Invalid status '${String(fields['status'])}'.`);
  if (fields['importance'] !== undefined && !IMPORTANCE.has(String(fields['importance'])))
    throw errors.invalidRequest(`Invalid importance '${String(fields['importance'])}'.`);
}

export const todoRoutes: RouteTable = [
  [
    'GET',
    'users/:user/todo/lists/delta',
    {
      area: 'todo',
      access: 'read',
      handler: (ctx) =>
        itemDelta(ctx, dataOf(ctx).todoLists, {
          odataType: 'todoTaskList',
          parseOptions: () => ({ select: undefined }),
        }),
    },
  ],
  [
    'GET',
    'users/:user/todo/lists',
    { area: 'todo', access: 'read', handler: (ctx) => listItems(ctx, dataOf(ctx).todoLists) },
  ],
  [
    'POST',
    'users/:user/todo/lists',
    {
      area: 'todo',
      access: 'write',
      handler: (ctx) => {
        const displayName = (ctx.req.body as { displayName?: unknown } | undefined)?.displayName;
        if (typeof displayName !== 'string' || displayName.trim() === '')
          throw errors.invalidRequest('displayName is required.');
        const data = dataOf(ctx);
        return json(render(ctx, data.todoLists, data.addTaskList(displayName)), 201);
      },
    },
  ],
  [
    'GET',
    'users/:user/todo/lists/:list',
    {
      area: 'todo',
      access: 'read',
      handler: (ctx) => {
        const lists = dataOf(ctx).todoLists;
        return json(render(ctx, lists, findItem(lists, ctx.params['list']!)));
      },
    },
  ],
  [
    'PATCH',
    'users/:user/todo/lists/:list',
    {
      area: 'todo',
      access: 'write',
      handler: (ctx) => {
        const data = dataOf(ctx);
        const list = findItem(data.todoLists, ctx.params['list']!);
        const response = updateItem(ctx, data.todoLists, list);
        data.taskLists.get(list.id)!.displayName = String(list.fields['displayName']);
        return response;
      },
    },
  ],
  [
    'DELETE',
    'users/:user/todo/lists/:list',
    {
      area: 'todo',
      access: 'write',
      handler: (ctx) => {
        const data = dataOf(ctx);
        const list = findItem(data.todoLists, ctx.params['list']!);
        if (list.fields['wellknownListName'] !== 'none')
          throw errors.invalidRequest('The default task lists cannot be deleted.');
        data.deleteTaskList(list);
        return empty(204);
      },
    },
  ],
  [
    'GET',
    'users/:user/todo/lists/:list/tasks/delta',
    {
      area: 'todo',
      access: 'read',
      handler: (ctx) =>
        itemDelta(ctx, tasksOf(ctx), { odataType: 'todoTask', parseOptions: () => ({ select: undefined }) }),
    },
  ],
  [
    'GET',
    'users/:user/todo/lists/:list/tasks',
    { area: 'todo', access: 'read', handler: (ctx) => listItems(ctx, tasksOf(ctx)) },
  ],
  [
    'POST',
    'users/:user/todo/lists/:list/tasks',
    { area: 'todo', access: 'write', handler: (ctx) => createItem(ctx, tasksOf(ctx), validateTask) },
  ],
  [
    'GET',
    'users/:user/todo/lists/:list/tasks/:id',
    {
      area: 'todo',
      access: 'read',
      handler: (ctx) => {
        const tasks = tasksOf(ctx);
        return json(render(ctx, tasks, findItem(tasks, ctx.params['id']!)));
      },
    },
  ],
  [
    'PATCH',
    'users/:user/todo/lists/:list/tasks/:id',
    {
      area: 'todo',
      access: 'write',
      handler: (ctx) => {
        const tasks = tasksOf(ctx);
        return updateItem(ctx, tasks, findItem(tasks, ctx.params['id']!), validateTask);
      },
    },
  ],
  [
    'DELETE',
    'users/:user/todo/lists/:list/tasks/:id',
    {
      area: 'todo',
      access: 'write',
      handler: (ctx) => {
        const tasks = tasksOf(ctx);
        return deleteItem(tasks, findItem(tasks, ctx.params['id']!));
      },
    },
  ],
];
