import type { Recipient } from '@microsoft/microsoft-graph-types';
import type { UserRecord } from '../directory/directory.store.ts';
import { sendFrom, transport, type Envelope } from '../mail/mail-transport.service.ts';
import type { EmulatorState } from '../state/emulator.state.ts';
import { newContosoState } from './tenant.scenario.ts';

export interface DemoUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName?: string;
  jobTitle: string;
  exchangeLicense: boolean;
}

/** Mirrors DEMO_USERS of packages/domain/src/demo.ts, with fixed object ids. */
const DEMO_USERS: DemoUser[] = [
  {
    id: 'a0000001-0000-4000-8000-00000000c050',
    displayName: 'Adele Admin',
    mail: 'admin@contoso.example',
    jobTitle: 'IT Administrator',
    exchangeLicense: true,
  },
  {
    id: 'a0000002-0000-4000-8000-00000000c050',
    displayName: 'Paolo Pro',
    mail: 'sales.pro@contoso.example',
    jobTitle: 'Account Executive',
    exchangeLicense: true,
  },
  {
    id: 'a0000003-0000-4000-8000-00000000c050',
    displayName: 'Marta Manager',
    mail: 'sales.manager@contoso.example',
    jobTitle: 'Sales Manager',
    exchangeLicense: true,
  },
  {
    id: 'a0000004-0000-4000-8000-00000000c050',
    displayName: 'Umberto Mismatch',
    mail: 'upn.mismatch@contoso.example',
    userPrincipalName: 'upn.mismatch@contoso.onmicrosoft.com',
    jobTitle: 'Account Executive',
    exchangeLicense: true,
  },
  {
    id: 'a0000005-0000-4000-8000-00000000c050',
    displayName: 'Nadia NoExchange',
    mail: 'no.exchange@contoso.example',
    jobTitle: 'Account Executive',
    exchangeLicense: false,
  },
  {
    id: 'a0000006-0000-4000-8000-00000000c050',
    displayName: 'Sara Salesperson',
    mail: 'salesperson@contoso.example',
    jobTitle: 'Sales Representative',
    exchangeLicense: true,
  },
  {
    id: 'a0000007-0000-4000-8000-00000000c050',
    displayName: 'Ugo Unlicensed',
    mail: 'unlicensed@contoso.example',
    jobTitle: 'Sales Assistant',
    exchangeLicense: true,
  },
];

const person = (name: string, address: string): Recipient => ({ emailAddress: { name, address } });
const FIONA = person('Fiona Fabrikam', 'fiona.fabrikam@fabrikam.example');
const FRANK = person('Frank Fabrikam', 'frank.buyer@fabrikam.example');
const NORA = person('Nora Northwind', 'nora@northwind.example');

function html(text: string): { contentType: 'html'; content: string } {
  const paragraphs = text
    .split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('');
  return {
    contentType: 'html',
    content: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="ltr">${paragraphs}</div></body></html>`,
  };
}

function envelope(
  from: Recipient,
  to: Recipient[],
  subject: string,
  text: string,
  id: string,
  inReplyTo: string | null = null,
  cc: Recipient[] = [],
): Envelope {
  return {
    from,
    toRecipients: to,
    ccRecipients: cc,
    bccRecipients: [],
    replyTo: [],
    subject,
    body: html(text),
    importance: 'normal',
    categories: [],
    internetMessageId: id,
    inReplyTo,
  };
}

export function userRecord(user: DemoUser): UserRecord {
  const [givenName = '', surname = ''] = user.displayName.split(' ');
  return {
    id: user.id,
    displayName: user.displayName,
    givenName,
    surname,
    userPrincipalName: user.userPrincipalName ?? user.mail,
    mail: user.mail,
    jobTitle: user.jobTitle,
    officeLocation: 'Milan',
    mobilePhone: null,
    businessPhones: ['+39 02 5555 0100'],
    preferredLanguage: 'en-US',
    exchangeLicense: user.exchangeLicense,
    mailboxEnabled: true,
    licenseAssignedAt: '2024-01-15T00:00:00Z',
  };
}

function addDemoUsers(state: EmulatorState): void {
  for (const user of DEMO_USERS) state.directory.addUser(userRecord(user));
}

/** Demo mail: a Fabrikam thread with replies, a Northwind enquiry, internal notes; events, contacts, tasks. */
export function demoState(deltaTtlMs: () => number): EmulatorState {
  const state = newContosoState(deltaTtlMs);
  addDemoUsers(state);
  const find = (mail: string) => state.directory.findByAddress(mail)!;
  const pro = find('sales.pro@contoso.example');
  const manager = find('sales.manager@contoso.example');
  const admin = find('admin@contoso.example');
  const proR = person(pro.displayName, pro.mail);
  const managerR = person(manager.displayName, manager.mail);
  const send = (user: UserRecord, env: Envelope) =>
    sendFrom(state, user, env, { saveToSentItems: true, extended: undefined, categories: [] });

  const root = '<FAB-0001@fabrikam.example>';
  transport(
    state,
    envelope(
      FIONA,
      [proR],
      'Fabrikam renewal: 250 seats',
      'Hi Paolo,\nwe would like to renew for 250 seats next quarter. Can you send revised pricing?\nBest,\nFiona',
      root,
      null,
      [FRANK],
    ),
    '2024-05-02T08:15:00.000Z',
  );
  const reply = '<CON-0001@contoso.example>';
  send(
    pro,
    envelope(
      proR,
      [FIONA],
      'RE: Fabrikam renewal: 250 seats',
      'Hi Fiona,\nthanks! Revised pricing attached; happy to walk you through it on Friday.\nPaolo',
      reply,
      root,
      [FRANK],
    ),
  );
  transport(
    state,
    envelope(
      FIONA,
      [proR],
      'RE: Fabrikam renewal: 250 seats',
      'Friday 10:00 works for us. Frank from procurement will join.\nFiona',
      '<FAB-0002@fabrikam.example>',
      reply,
      [FRANK],
    ),
    '2024-05-03T09:40:00.000Z',
  );
  transport(
    state,
    envelope(
      NORA,
      [proR, managerR],
      'Northwind: request for a demo',
      'Hello,\nNorthwind Traders is evaluating CRM options. Could we schedule a demo next week?\nNora',
      '<NW-0001@northwind.example>',
    ),
    '2024-05-06T14:05:00.000Z',
  );
  send(
    manager,
    envelope(
      managerR,
      [proR],
      'Pipeline review on Monday',
      "Paolo, please bring the Fabrikam and Northwind numbers to Monday's review.\nMarta",
      '<CON-0002@contoso.example>',
    ),
  );
  send(
    admin,
    envelope(
      person(admin.displayName, admin.mail),
      DEMO_USERS.filter((u) => u.exchangeLicense).map((u) => person(u.displayName, u.mail)),
      'Welcome to Mailroom',
      'Email synchronisation with the CRM is being set up this week.\nAdele',
      '<CON-0003@contoso.example>',
    ),
  );

  for (const user of [pro, manager]) {
    const data = state.data(user);
    data.calendar.create({
      subject: 'Fabrikam pricing call',
      start: { dateTime: '2024-05-10T10:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2024-05-10T10:30:00.0000000', timeZone: 'UTC' },
      organizer: { emailAddress: { name: pro.displayName, address: pro.mail } },
      isOrganizer: user === pro,
      attendees: [
        {
          type: 'required',
          status: { response: 'accepted', time: '2024-05-03T10:00:00Z' },
          emailAddress: FIONA.emailAddress,
        },
      ],
      location: { displayName: 'Microsoft Teams Meeting' },
    });
  }
  const proData = state.data(pro);
  proData.contacts.create({
    givenName: 'Fiona',
    surname: 'Fabrikam',
    emailAddresses: [{ name: 'Fiona Fabrikam', address: FIONA.emailAddress!.address }],
    companyName: 'Fabrikam',
    jobTitle: 'Head of IT',
  });
  proData.contacts.create({
    givenName: 'Nora',
    surname: 'Northwind',
    emailAddresses: [{ name: 'Nora Northwind', address: NORA.emailAddress!.address }],
    companyName: 'Northwind Traders',
  });
  proData.addContactFolder('Partners');
  const tasks = proData.taskLists.get(
    [...proData.todoLists.log.values()].find((list) => list.fields['wellknownListName'] === 'defaultList')!.id,
  )!;
  tasks.create({
    title: 'Send Fabrikam the revised quote',
    importance: 'high',
    dueDateTime: { dateTime: '2024-05-09T00:00:00.0000000', timeZone: 'UTC' },
  });
  return state;
}

/** The demo tenant, app and users with empty mailboxes. */
export function emptyState(deltaTtlMs: () => number): EmulatorState {
  const state = newContosoState(deltaTtlMs);
  addDemoUsers(state);
  return state;
}
