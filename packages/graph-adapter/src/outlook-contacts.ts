import type { Contact, ContactFolder } from '@microsoft/microsoft-graph-types';
import { collectPages } from './collection-pages.ts';
import { deltaPages, type DeltaOptions, type DeltaPage } from './delta-pages.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/** The well-known name of the default contacts folder, which `listContactFolders` does not return. */
export const DEFAULT_CONTACT_FOLDER = 'contacts';

/** Contact delta for one contact folder (default: the user's default folder). */
export function contactDelta(
  context: GraphContext,
  mailbox: string,
  folder: string = DEFAULT_CONTACT_FOLDER,
  options: DeltaOptions = {},
): AsyncGenerator<DeltaPage<Contact>, void, undefined> {
  return deltaPages<Contact>(context, {
    mailbox,
    permission: PERMISSIONS.contactsRead,
    first: { url: `/users/${segment(mailbox)}/contactFolders/${segment(folder)}/contacts/delta` },
    options,
  });
}

/** The user's contact folders below the default one. */
export function listContactFolders(context: GraphContext, mailbox: string): Promise<ContactFolder[]> {
  return collectPages<ContactFolder>(context, {
    url: `/users/${segment(mailbox)}/contactFolders`,
    mailbox,
    permission: PERMISSIONS.contactsRead,
  });
}

/** Reads one contact. */
export function getContact(context: GraphContext, mailbox: string, contactId: string): Promise<Contact> {
  return context.transport.execute<Contact>({
    method: 'GET',
    url: `/users/${segment(mailbox)}/contacts/${segment(contactId)}`,
    mailbox,
    permission: PERMISSIONS.contactsRead,
  });
}

/** Creates a contact in the default contacts folder. */
export function createContact(context: GraphContext, mailbox: string, contact: Contact): Promise<Contact> {
  return context.transport.execute<Contact>({
    method: 'POST',
    url: `/users/${segment(mailbox)}/contacts`,
    body: contact,
    mailbox,
    permission: PERMISSIONS.contactsWrite,
  });
}

/** Changes the given fields of a contact. */
export function updateContact(
  context: GraphContext,
  mailbox: string,
  contactId: string,
  changes: Contact,
): Promise<Contact> {
  return context.transport.execute<Contact>({
    method: 'PATCH',
    url: `/users/${segment(mailbox)}/contacts/${segment(contactId)}`,
    body: changes,
    mailbox,
    permission: PERMISSIONS.contactsWrite,
  });
}

/** Deletes a contact. */
export async function deleteContact(context: GraphContext, mailbox: string, contactId: string): Promise<void> {
  await context.transport.execute<void>({
    method: 'DELETE',
    url: `/users/${segment(mailbox)}/contacts/${segment(contactId)}`,
    mailbox,
    permission: PERMISSIONS.contactsWrite,
  });
}
