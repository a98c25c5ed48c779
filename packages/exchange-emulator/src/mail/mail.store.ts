import { createHash } from 'node:crypto';
import type { Importance, InferenceClassificationType, ItemBody, Recipient } from '@microsoft/microsoft-graph-types';
import { ChangeLog, type SequenceClock } from '../delta/change-log.ts';
import type { IdFactory } from '../http/ids.ts';
import type { ChangeListener } from '../notifications/change-event.ts';

/** A body generated from a seed when read, so large scenarios stay small in memory. */
export interface LazyBody {
  seed: number;
  bytes: number;
}

export interface StoredMessage {
  /** The immutable id; the key of the message in every collection. */
  key: string;
  /** The REST id, which changes when the message moves. */
  id: string;
  folderId: string;
  version: number;
  internetMessageId: string;
  conversationId: string;
  inReplyTo: string | null;
  references: string | null;
  subject: string;
  body: ItemBody | LazyBody;
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string | null;
  isRead: boolean;
  isDraft: boolean;
  importance: Importance;
  inferenceClassification: InferenceClassificationType;
  categories: string[];
  flagStatus: 'notFlagged' | 'complete' | 'flagged';
  /** Single-value extended properties by lower-cased id. */
  extended: Map<string, { id: string; value: string }> | undefined;
}

export interface StoredFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName: string | undefined;
  isHidden: boolean;
  messages: ChangeLog<StoredMessage>;
  unread: number;
}

/** Well-known folders: name, display name, parent (undefined: the root), shown in lists. */
const WELL_KNOWN: [string, string, string | undefined, boolean][] = [
  ['msgfolderroot', 'Top of Information Store', undefined, false],
  ['inbox', 'Inbox', 'msgfolderroot', true],
  ['drafts', 'Drafts', 'msgfolderroot', true],
  ['sentitems', 'Sent Items', 'msgfolderroot', true],
  ['deleteditems', 'Deleted Items', 'msgfolderroot', true],
  ['junkemail', 'Junk Email', 'msgfolderroot', true],
  ['archive', 'Archive', 'msgfolderroot', true],
  ['outbox', 'Outbox', 'msgfolderroot', true],
  ['conversationhistory', 'Conversation History', 'msgfolderroot', true],
  ['clutter', 'Clutter', 'msgfolderroot', false],
  ['scheduled', 'Scheduled', 'msgfolderroot', false],
  ['searchfolders', 'Finder', 'msgfolderroot', false],
  ['syncissues', 'Sync Issues', 'msgfolderroot', false],
  ['conflicts', 'Conflicts', 'syncissues', false],
  ['localfailures', 'Local Failures', 'syncissues', false],
  ['serverfailures', 'Server Failures', 'syncissues', false],
  ['recoverableitemsdeletions', 'Deletions', undefined, false],
];

export function changeKeyOf(message: { key: string; version: number }): string {
  return `CQAAABYAAA${Buffer.from(`${message.key.slice(-12)}${message.version}`).toString('base64url')}`;
}

/** A deterministic conversation id for a thread root's Internet message id. */
export function conversationIdFor(rootInternetMessageId: string): string {
  return `AAQkAGI${createHash('sha1').update(rootInternetMessageId).digest('base64url')}=`;
}

/** One user's mail: the folder tree and the messages, each folder a delta-trackable log. */
export class MailStore {
  readonly folders = new Map<string, StoredFolder>();
  readonly folderLog: ChangeLog<StoredFolder>;
  private readonly wellKnown = new Map<string, string>();
  readonly byKey = new Map<string, StoredMessage>();
  private readonly byRestId = new Map<string, StoredMessage>();

  constructor(
    readonly userId: string,
    private readonly clock: SequenceClock,
    private readonly ids: IdFactory,
    private readonly emit: ChangeListener,
  ) {
    this.folderLog = new ChangeLog(clock);
    for (const [name, displayName, parent, visible] of WELL_KNOWN) {
      const folder = this.addFolder(
        displayName,
        parent ? this.wellKnown.get(parent)! : '',
        !visible && parent !== undefined && name !== 'msgfolderroot',
      );
      folder.wellKnownName = name;
      this.wellKnown.set(name, folder.id);
    }
  }

  /** A folder by id or well-known name (case-insensitive). */
  folder(idOrName: string): StoredFolder | undefined {
    return this.folders.get(idOrName) ?? this.folders.get(this.wellKnown.get(idOrName.toLowerCase()) ?? '');
  }

  /** A folder by display-name path under the root, e.g. `Inbox/Customers` (case-insensitive). */
  folderByPath(path: string): StoredFolder | undefined {
    let current = this.wellKnownFolder('msgfolderroot');
    for (const name of path.split('/').filter(Boolean)) {
      const next = this.children(current.id).find((folder) => folder.displayName.toLowerCase() === name.toLowerCase());
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  wellKnownFolder(name: string): StoredFolder {
    return this.folders.get(this.wellKnown.get(name)!)!;
  }

  isWellKnownName(name: string): boolean {
    return this.wellKnown.has(name.toLowerCase());
  }

  addFolder(displayName: string, parentFolderId: string, isHidden = false): StoredFolder {
    const folder: StoredFolder = {
      id: this.ids.next('folder'),
      displayName,
      parentFolderId,
      wellKnownName: undefined,
      isHidden,
      messages: new ChangeLog(this.clock),
      unread: 0,
    };
    this.folders.set(folder.id, folder);
    this.folderLog.put(folder.id, folder);
    return folder;
  }

  children(folderId: string): StoredFolder[] {
    return [...this.folders.values()].filter((folder) => folder.parentFolderId === folderId);
  }

  /** By REST id or immutable id: Graph accepts either in a path. */
  message(id: string): StoredMessage | undefined {
    return this.byRestId.get(id) ?? this.byKey.get(id);
  }

  /** Adds a message to a folder as-is (scenarios, delivery, drafts). */
  insert(message: StoredMessage, notify = true): StoredMessage {
    const folder = this.folders.get(message.folderId)!;
    this.byKey.set(message.key, message);
    this.byRestId.set(message.id, message);
    folder.messages.put(message.key, message);
    if (!message.isRead) folder.unread++;
    if (notify) this.changed(message, 'created');
    return message;
  }

  /** Applies an edit in place and records it as an update. */
  update(message: StoredMessage, edit: (message: StoredMessage) => void): void {
    const folder = this.folders.get(message.folderId)!;
    const wasRead = message.isRead;
    edit(message);
    message.version++;
    message.lastModifiedDateTime = new Date().toISOString();
    if (wasRead !== message.isRead) folder.unread += message.isRead ? -1 : 1;
    folder.messages.put(message.key, message);
    this.changed(message, 'updated');
  }

  /** Moves a message: `@removed` in the source folder, a new REST id in the target, the same immutable id. */
  move(message: StoredMessage, target: StoredFolder): StoredMessage {
    if (message.folderId === target.id) return message;
    const source = this.folders.get(message.folderId)!;
    source.messages.remove(message.key, message.id, message.key);
    if (!message.isRead) source.unread--;
    this.changed(message, 'deleted');
    this.byRestId.delete(message.id);
    message.id = this.ids.next('message');
    message.folderId = target.id;
    message.version++;
    message.lastModifiedDateTime = new Date().toISOString();
    this.byRestId.set(message.id, message);
    target.messages.put(message.key, message);
    if (!message.isRead) target.unread++;
    this.changed(message, 'created');
    return message;
  }

  /** Removes a message from the mailbox for good. */
  purge(message: StoredMessage): void {
    const folder = this.folders.get(message.folderId)!;
    folder.messages.remove(message.key, message.id, message.key);
    if (!message.isRead) folder.unread--;
    this.byKey.delete(message.key);
    this.byRestId.delete(message.id);
    this.changed(message, 'deleted');
  }

  deleteFolder(folder: StoredFolder): void {
    for (const child of this.children(folder.id)) this.deleteFolder(child);
    for (const message of [...folder.messages.values()]) this.purge(message);
    this.folders.delete(folder.id);
    this.folderLog.remove(folder.id, folder.id, folder.id);
  }

  touchFolder(folder: StoredFolder): void {
    this.folderLog.put(folder.id, folder);
  }

  private changed(message: StoredMessage, changeType: 'created' | 'updated' | 'deleted'): void {
    this.emit({
      userId: this.userId,
      resource: 'message',
      changeType,
      id: message.id,
      immutableId: message.key,
      containerId: message.folderId,
      changeKey: changeKeyOf(message),
    });
  }
}
