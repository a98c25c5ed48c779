import { userOf, type RouteContext, type RouteTable } from '../graph/graph-route.ts';
import { errors } from '../http/graph-error.ts';
import { json } from '../http/http.types.ts';
import { pageOf } from '../http/paging.ts';
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

function dataOf(ctx: RouteContext) {
  return ctx.state.data(userOf(ctx));
}

function folderOf(ctx: RouteContext): ItemContainer {
  return findContainer(dataOf(ctx).contactFolder(ctx.params['folder']!), ctx.params['folder']!);
}

/** A contact anywhere in the user's contact folders. */
function contactOf(ctx: RouteContext) {
  const id = ctx.params['id']!;
  const container = dataOf(ctx).itemIndex.get(id);
  if (!container || container.type.name !== 'contact')
    return { container: dataOf(ctx).contacts, item: findItem(dataOf(ctx).contacts, id) };
  return { container, item: findItem(container, id) };
}

export const contactRoutes: RouteTable = [
  [
    'GET',
    'users/:user/contactFolders',
    {
      area: 'contacts',
      access: 'read',
      handler: (ctx) => {
        const data = dataOf(ctx);
        const folders = [...data.contactFolders.values()].filter((folder) => folder !== data.contacts);
        return json(
          pageOf(
            ctx.req,
            folders,
            (folder) => ({ id: folder.id, displayName: folder.displayName, parentFolderId: data.contacts.id }),
            10,
          ),
        );
      },
    },
  ],
  [
    'POST',
    'users/:user/contactFolders',
    {
      area: 'contacts',
      access: 'write',
      handler: (ctx) => {
        const data = dataOf(ctx);
        const displayName = (ctx.req.body as { displayName?: unknown } | undefined)?.displayName;
        if (typeof displayName !== 'string' || displayName.trim() === '')
          throw errors.invalidRequest('displayName is required.');
        const folder = data.addContactFolder(displayName);
        return json({ id: folder.id, displayName: folder.displayName, parentFolderId: data.contacts.id }, 201);
      },
    },
  ],
  [
    'GET',
    'users/:user/contactFolders/:folder/contacts/delta',
    {
      area: 'contacts',
      access: 'read',
      handler: (ctx) =>
        itemDelta(ctx, folderOf(ctx), { odataType: 'contact', parseOptions: () => ({ select: undefined }) }),
    },
  ],
  [
    'GET',
    'users/:user/contactFolders/:folder/contacts',
    { area: 'contacts', access: 'read', handler: (ctx) => listItems(ctx, folderOf(ctx)) },
  ],
  [
    'POST',
    'users/:user/contactFolders/:folder/contacts',
    { area: 'contacts', access: 'write', handler: (ctx) => createItem(ctx, folderOf(ctx)) },
  ],
  [
    'GET',
    'users/:user/contacts',
    { area: 'contacts', access: 'read', handler: (ctx) => listItems(ctx, dataOf(ctx).contacts) },
  ],
  [
    'POST',
    'users/:user/contacts',
    { area: 'contacts', access: 'write', handler: (ctx) => createItem(ctx, dataOf(ctx).contacts) },
  ],
  [
    'GET',
    'users/:user/contacts/:id',
    {
      area: 'contacts',
      access: 'read',
      handler: (ctx) => {
        const { container, item } = contactOf(ctx);
        return json(render(ctx, container, item));
      },
    },
  ],
  [
    'PATCH',
    'users/:user/contacts/:id',
    {
      area: 'contacts',
      access: 'write',
      handler: (ctx) => {
        const { container, item } = contactOf(ctx);
        return updateItem(ctx, container, item);
      },
    },
  ],
  [
    'DELETE',
    'users/:user/contacts/:id',
    {
      area: 'contacts',
      access: 'write',
      handler: (ctx) => {
        const { container, item } = contactOf(ctx);
        return deleteItem(container, item);
      },
    },
  ],
];
