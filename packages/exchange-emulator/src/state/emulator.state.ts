import { SequenceClock } from '../delta/change-log.ts';
import { DeltaService } from '../delta/delta.service.ts';
import type { Directory, UserRecord } from '../directory/directory.store.ts';
import { IdFactory } from '../http/ids.ts';
import { ItemContainer, type StoredItem } from '../items/item-container.ts';
import { CONTACT_TYPE, EVENT_TYPE, TODO_LIST_TYPE, TODO_TASK_TYPE } from '../items/item.types.ts';
import { MailStore } from '../mail/mail.store.ts';
import type { ChangeEvent, ChangeListener } from '../notifications/change-event.ts';

/** Everything Outlook keeps for one user: mail, the primary calendar, contacts and To Do. */
export class OutlookData {
  readonly mail: MailStore;
  readonly calendar: ItemContainer;
  readonly contacts: ItemContainer;
  readonly contactFolders = new Map<string, ItemContainer>();
  readonly todoLists: ItemContainer;
  readonly taskLists = new Map<string, ItemContainer>();
  /** Which container holds an event, contact or task id. */
  readonly itemIndex = new Map<string, ItemContainer>();

  constructor(
    readonly userId: string,
    private readonly clock: SequenceClock,
    private readonly ids: IdFactory,
    private readonly emit: ChangeListener,
  ) {
    this.mail = new MailStore(userId, clock, ids, emit);
    const owner = { userId, ids, emit, index: this.itemIndex };
    this.calendar = new ItemContainer(ids.next('folder'), 'Calendar', EVENT_TYPE, owner, clock);
    this.contacts = new ItemContainer(ids.next('contactFolder'), 'Contacts', CONTACT_TYPE, owner, clock);
    this.contactFolders.set(this.contacts.id, this.contacts);
    this.todoLists = new ItemContainer(
      ids.next('folder'),
      'Lists',
      TODO_LIST_TYPE,
      { ...owner, index: new Map() },
      clock,
    );
    this.addTaskList('Tasks', 'defaultList');
    this.addTaskList('Flagged Emails', 'flaggedEmails');
  }

  addContactFolder(displayName: string): ItemContainer {
    const folder = new ItemContainer(
      this.ids.next('contactFolder'),
      displayName,
      CONTACT_TYPE,
      { userId: this.userId, ids: this.ids, emit: this.emit, index: this.itemIndex },
      this.clock,
    );
    this.contactFolders.set(folder.id, folder);
    return folder;
  }

  /** A contact folder by id, or the default one by its well-known name `contacts`. */
  contactFolder(idOrName: string): ItemContainer | undefined {
    return idOrName.toLowerCase() === 'contacts' ? this.contacts : this.contactFolders.get(idOrName);
  }

  addTaskList(displayName: string, wellknownListName: 'defaultList' | 'flaggedEmails' | 'none' = 'none'): StoredItem {
    const list = this.todoLists.create({ displayName, wellknownListName });
    this.taskLists.set(
      list.id,
      new ItemContainer(
        list.id,
        displayName,
        TODO_TASK_TYPE,
        { userId: this.userId, ids: this.ids, emit: this.emit, index: this.itemIndex },
        this.clock,
      ),
    );
    return list;
  }

  deleteTaskList(list: StoredItem): void {
    const tasks = this.taskLists.get(list.id);
    for (const task of [...(tasks?.log.values() ?? [])]) tasks!.delete(task);
    this.taskLists.delete(list.id);
    this.todoLists.delete(list);
  }
}

/** A message that left the tenant, as `GET /_emulator/state` shows it. */
export interface OutboundRecord {
  internetMessageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  sentDateTime: string;
}

const OUTBOUND_KEPT = 10_000;

/** The whole state of one scenario: directory, mailboxes, delta sync states, mail sent outside. */
export class EmulatorState {
  readonly clock = new SequenceClock();
  readonly ids = new IdFactory();
  readonly delta: DeltaService;
  private readonly outlook = new Map<string, OutlookData>();
  readonly outbound: OutboundRecord[] = [];
  readonly undeliverable: OutboundRecord[] = [];
  /** Internet message id → conversation id, for threading replies across mailboxes. */
  readonly conversations = new Map<string, string>();
  private listener: ChangeListener = () => undefined;

  constructor(
    readonly directory: Directory,
    deltaTtlMs: () => number,
  ) {
    this.delta = new DeltaService(this.clock, deltaTtlMs);
  }

  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  private readonly emit = (event: ChangeEvent): void => this.listener(event);

  /** The user's Outlook data, created on first use. */
  data(user: UserRecord): OutlookData {
    let data = this.outlook.get(user.id);
    if (!data) {
      data = new OutlookData(user.id, this.clock, this.ids, this.emit);
      this.outlook.set(user.id, data);
    }
    return data;
  }

  existingData(userId: string): OutlookData | undefined {
    return this.outlook.get(userId);
  }

  recordOutbound(record: OutboundRecord, deliverable: boolean): void {
    const list = deliverable ? this.outbound : this.undeliverable;
    list.push(record);
    if (list.length > OUTBOUND_KEPT) list.splice(0, list.length - OUTBOUND_KEPT);
  }
}
