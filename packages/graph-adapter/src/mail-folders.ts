import type { MailFolder } from '@microsoft/microsoft-graph-types';
import { deltaPages, type DeltaOptions, type DeltaPage } from './delta-pages.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

const FOLDER_FIELDS = 'id,displayName,parentFolderId,childFolderCount,totalItemCount,unreadItemCount,isHidden';

/** Folder delta: the mailbox's whole folder tree, flattened, with changes since the cursor. */
export function folderDelta(
  context: GraphContext,
  mailbox: string,
  options: DeltaOptions = {},
): AsyncGenerator<DeltaPage<MailFolder>, void, undefined> {
  return deltaPages<MailFolder>(context, {
    mailbox,
    permission: PERMISSIONS.mailRead,
    first: { url: `/users/${segment(mailbox)}/mailFolders/delta`, query: { $select: FOLDER_FIELDS } },
    options,
  });
}

/** Every folder of the mailbox, flattened (`parentFolderId` gives the tree). */
export async function listFolders(context: GraphContext, mailbox: string): Promise<MailFolder[]> {
  const folders: MailFolder[] = [];
  for await (const page of folderDelta(context, mailbox, { pageSize: 100 })) folders.push(...page.items);
  return folders;
}

/** One folder by id or well-known name (`inbox`, `sentitems`, `msgfolderroot`, ...). */
export function getFolder(context: GraphContext, mailbox: string, folder: string): Promise<MailFolder> {
  return context.transport.execute<MailFolder>({
    method: 'GET',
    url: `/users/${segment(mailbox)}/mailFolders/${segment(folder)}`,
    query: { $select: FOLDER_FIELDS },
    mailbox,
    permission: PERMISSIONS.mailRead,
  });
}
