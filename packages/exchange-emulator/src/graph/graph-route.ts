import type { AppRegistration, Permission, UserRecord } from '../directory/directory.store.ts';
import type { GraphRequest, GraphResponse } from '../http/http.types.ts';
import type { AccessClaims } from '../identity/token.service.ts';
import type { Emulator } from '../emulator.context.ts';
import type { EmulatorState } from '../state/emulator.state.ts';

/** What a route needs: which area's permissions, and whether it reads, writes or sends. */
export type Area =
  | 'mail'
  | 'calendar'
  | 'contacts'
  | 'mailboxSettings'
  | 'todo'
  | 'directory'
  | 'organization'
  | 'subscriptions'
  | 'batch';
export type Access = 'read' | 'write' | 'send';

export const ROLES: Record<Area, Partial<Record<Access, Permission[]>>> = {
  mail: { read: ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic.All'], write: ['Mail.ReadWrite'], send: ['Mail.Send'] },
  calendar: { read: ['Calendars.Read', 'Calendars.ReadWrite'], write: ['Calendars.ReadWrite'] },
  contacts: { read: ['Contacts.Read', 'Contacts.ReadWrite'], write: ['Contacts.ReadWrite'] },
  mailboxSettings: {
    read: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    write: ['MailboxSettings.ReadWrite'],
  },
  todo: { read: ['Tasks.Read.All', 'Tasks.ReadWrite.All'], write: ['Tasks.ReadWrite.All'] },
  directory: { read: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'] },
  organization: { read: ['Organization.Read.All', 'Directory.Read.All'] },
  subscriptions: {},
  batch: {},
};

/** Areas served from the Exchange mailbox (404 MailboxNotEnabledForRESTAPI without one). */
export const MAILBOX_AREAS: ReadonlySet<Area> = new Set(['mail', 'calendar', 'contacts', 'mailboxSettings', 'todo']);
/** Areas an application access policy restricts; To Do is not among them. */
export const POLICY_AREAS: ReadonlySet<Area> = new Set(['mail', 'calendar', 'contacts', 'mailboxSettings']);

export interface RouteContext {
  req: GraphRequest;
  params: Record<string, string>;
  claims: AccessClaims;
  app: AppRegistration;
  /** The `:user` of the path, resolved and checked (mailbox present, policy passed); see `userOf`. */
  user: UserRecord | undefined;
  prefs: Map<string, string>;
  /** `Prefer` values honoured, echoed in `Preference-Applied`. */
  applied: string[];
  immutableIds: boolean;
  state: EmulatorState;
  emulator: Emulator;
}

export interface GraphRoute {
  area: Area;
  access: Access;
  handler: (ctx: RouteContext) => GraphResponse | Promise<GraphResponse>;
}

export type RouteTable = [method: string, pattern: string, route: GraphRoute][];

/** The checked `:user` of a route whose pattern has one. */
export function userOf(ctx: RouteContext): UserRecord {
  if (!ctx.user) throw new Error(`route without :user asked for one: ${ctx.req.path}`);
  return ctx.user;
}
