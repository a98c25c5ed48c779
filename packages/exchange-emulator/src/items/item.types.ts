import { htmlToText } from '../mail/body.generator.ts';
import type { ItemType } from './item-container.ts';

function bodyPreview(body: unknown): string {
  const value = body as { contentType?: string; content?: string } | undefined;
  const content = value?.content ?? '';
  return (value?.contentType === 'html' ? htmlToText(content) : content).replace(/\s+/g, ' ').trim().slice(0, 255);
}

export const EVENT_TYPE: ItemType = {
  name: 'event',
  idKind: 'event',
  resource: 'event',
  writable: new Set([
    'subject',
    'body',
    'start',
    'end',
    'isAllDay',
    'location',
    'locations',
    'attendees',
    'organizer',
    'showAs',
    'importance',
    'sensitivity',
    'categories',
    'isReminderOn',
    'reminderMinutesBeforeStart',
    'responseRequested',
    'isOnlineMeeting',
    'transactionId',
    'singleValueExtendedProperties',
    'recurrence',
  ]),
  defaults: (fields) => ({
    subject: '',
    body: { contentType: 'html', content: '' },
    isAllDay: false,
    isCancelled: false,
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    location: { displayName: '' },
    attendees: [],
    showAs: 'busy',
    importance: 'normal',
    sensitivity: 'normal',
    type: 'singleInstance',
    seriesMasterId: null,
    recurrence: null,
    categories: [],
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    transactionId: null,
    ...fields,
  }),
  derive: (fields) => ({
    bodyPreview: bodyPreview(fields['body']),
    iCalUId:
      fields['iCalUId'] ??
      `040000008200E00074C5B7101A82E008${Math.random().toString(16).slice(2, 18).padEnd(16, '0').toUpperCase()}`,
  }),
};

export const CONTACT_TYPE: ItemType = {
  name: 'contact',
  idKind: 'contact',
  resource: 'contact',
  writable: new Set([
    'displayName',
    'givenName',
    'surname',
    'middleName',
    'nickName',
    'title',
    'emailAddresses',
    'businessPhones',
    'homePhones',
    'mobilePhone',
    'companyName',
    'jobTitle',
    'department',
    'businessAddress',
    'homeAddress',
    'otherAddress',
    'categories',
    'personalNotes',
    'birthday',
    'imAddresses',
    'businessHomePage',
    'fileAs',
    'singleValueExtendedProperties',
  ]),
  defaults: (fields) => ({
    displayName: [fields['givenName'], fields['surname']].filter(Boolean).join(' '),
    givenName: null,
    surname: null,
    emailAddresses: [],
    businessPhones: [],
    homePhones: [],
    mobilePhone: null,
    companyName: null,
    jobTitle: null,
    department: null,
    businessAddress: {},
    categories: [],
    personalNotes: '',
    birthday: null,
    ...fields,
  }),
};

export const TODO_TASK_TYPE: ItemType = {
  name: 'todoTask',
  idKind: 'todoTask',
  resource: 'todoTask',
  writable: new Set([
    'title',
    'body',
    'status',
    'importance',
    'isReminderOn',
    'reminderDateTime',
    'dueDateTime',
    'startDateTime',
    'completedDateTime',
    'categories',
    'recurrence',
    'linkedResources',
    'singleValueExtendedProperties',
  ]),
  defaults: (fields) => ({
    title: '',
    status: 'notStarted',
    importance: 'normal',
    isReminderOn: false,
    body: { content: '', contentType: 'text' },
    dueDateTime: null,
    completedDateTime: null,
    categories: [],
    hasAttachments: false,
    ...fields,
  }),
  derive: (fields) => ({
    bodyLastModifiedDateTime: new Date().toISOString(),
    completedDateTime:
      fields['status'] === 'completed'
        ? (fields['completedDateTime'] ?? { dateTime: new Date().toISOString().replace('Z', '0000'), timeZone: 'UTC' })
        : null,
  }),
};

export const TODO_LIST_TYPE: ItemType = {
  name: 'todoTaskList',
  idKind: 'todoList',
  resource: undefined,
  writable: new Set(['displayName']),
  defaults: (fields) => ({ displayName: '', isOwner: true, isShared: false, wellknownListName: 'none', ...fields }),
};
