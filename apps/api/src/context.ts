import {
  actMailboxOf,
  API_KEY_PREFIX,
  ApiKeyService,
  AppointmentService,
  AuthService,
  CrmRecordService,
  EmailConfigurationService,
  EmailServerProfileService,
  EmailService,
  UserAdminService,
  JobService,
  MailboxService,
  NotificationService,
  TaskService,
  SyncHealthService,
  type ActChangeListener,
  type SecretCipher,
  UserService,
  type Account,
  type Contact,
  type CrmRecordRef,
  type EmailCopy,
  type ExchangeGatewayFactory,
  type MailboxAlert,
  type Principal,
  type SyncHealthCounts,
  type User,
} from '@mailroom/domain';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { ApiPubSub } from './pubsub.ts';
import type { JobQueues, RedisSignInThrottle, RedisSyncSignals } from '@mailroom/queues';

export interface Services {
  dataSource: DataSource;
  auth: AuthService;
  apiKeys: ApiKeyService;
  users: UserService;
  mailboxes: MailboxService;
  jobs: JobService;
  notifications: NotificationService;
  emailConfiguration: EmailConfigurationService;
  emailServerProfiles: EmailServerProfileService;
  userAdmin: UserAdminService;
  crm: CrmRecordService;
  emails: EmailService;
  tasks: TaskService;
  appointments: AppointmentService;
  syncHealth: SyncHealthService;
  queues: JobQueues;
  syncSignals: RedisSyncSignals;
  signInThrottle: RedisSignInThrottle;
  pubSub: ApiPubSub;
  logger: Logger;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  queues: JobQueues;
  pubSub: ApiPubSub;
  logger: Logger;
  cipher: SecretCipher;
  exchange: ExchangeGatewayFactory;
  syncSignals: RedisSyncSignals;
  signInThrottle: RedisSignInThrottle;
  /** Failed syncs and 429s per organisation and minute, as workers count them. */
  healthCounts: SyncHealthCounts;
}

export function createServices({
  dataSource,
  queues,
  pubSub,
  logger,
  cipher,
  exchange,
  syncSignals,
  signInThrottle,
  healthCounts,
}: ServiceDependencies): Services {
  const actChanges: ActChangeListener = {
    // A change made in the CRM reaches Exchange now rather than at the next poll; if it cannot be
    // queued, the poll still carries it.
    async crmChanged(organisationId, userId) {
      const mailboxId = await actMailboxOf(dataSource, organisationId, userId);
      if (!mailboxId) return;
      await queues
        // One job per mailbox and second: a burst of edits is one run.
        .enqueue('act-sync', { mailboxId, wakeId: `crm${Math.floor(Date.now() / 1000)}`, retryIfBusy: true })
        .catch((error: unknown) => logger.warn({ err: error, mailboxId }, 'could not queue an ACT sync'));
    },
  };
  return {
    dataSource,
    auth: new AuthService(dataSource),
    apiKeys: new ApiKeyService(dataSource),
    users: new UserService(dataSource),
    mailboxes: new MailboxService(dataSource),
    jobs: new JobService(dataSource),
    notifications: new NotificationService(dataSource),
    emailConfiguration: new EmailConfigurationService(dataSource, cipher, exchange),
    emailServerProfiles: new EmailServerProfileService(dataSource, cipher),
    userAdmin: new UserAdminService(dataSource),
    crm: new CrmRecordService(dataSource, actChanges),
    emails: new EmailService(dataSource, cipher, exchange),
    tasks: new TaskService(dataSource, actChanges),
    appointments: new AppointmentService(dataSource, actChanges),
    syncHealth: new SyncHealthService(dataSource, healthCounts, () => queues.counts()),
    queues,
    syncSignals,
    signInThrottle,
    pubSub,
    logger,
  };
}

/** Per-request batching, so lists resolve related rows in one query each (no N+1). */
export interface Loaders {
  user: DataLoader<string, User | null>;
  roles: DataLoader<string, string[]>;
  alerts: DataLoader<string, MailboxAlert[]>;
  account: DataLoader<string, Account | null>;
  opportunityContacts: DataLoader<string, Contact[]>;
  emailCopies: DataLoader<string, (EmailCopy & { emailAddress: string })[]>;
  record: DataLoader<string, CrmRecordRef | null>;
}

export interface ApiContext {
  principal: Principal | null;
  token: string | null;
  /** The client's address over HTTP (for sign-in limits); null over the websocket. */
  clientAddress: string | null;
  services: Services;
  loaders: Loaders;
}

function createLoaders(services: Services, principal: Principal | null): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      if (!principal) return ids.map(() => null);
      const users = await services.users.byIds(principal, ids);
      const byId = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    roles: new DataLoader(async (ids) => {
      const roles = await services.users.rolesOf(ids);
      return ids.map((id) => roles.get(id) ?? []);
    }),
    account: new DataLoader(async (ids) => {
      if (!principal) return ids.map(() => null);
      const accounts = await services.crm.accountsByIds(principal, ids);
      const byId = new Map(accounts.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    opportunityContacts: new DataLoader(async (ids) => {
      if (!principal) return ids.map(() => []);
      const contacts = await services.crm.contactsOfOpportunities(principal, ids);
      return ids.map((id) => contacts.get(id) ?? []);
    }),
    emailCopies: new DataLoader(async (ids) => {
      const copies = await services.emails.copiesOf(ids);
      return ids.map((id) => copies.get(id) ?? []);
    }),
    record: new DataLoader(async (ids) => {
      if (!principal) return ids.map(() => null);
      const records = await services.crm.recordNames(principal, ids);
      return ids.map((id) => records.get(id) ?? null);
    }),
    alerts: new DataLoader(async (ids) => {
      if (!principal) return ids.map(() => []);
      const alerts = await services.mailboxes.alertsOf(principal, ids);
      return ids.map((id) => alerts.get(id) ?? []);
    }),
  };
}

/** Reads `Bearer <token>` from an Authorization header (or graphql-ws connection parameter). */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

export async function createContext(
  services: Services,
  authorization: unknown,
  clientAddress: string | null = null,
): Promise<ApiContext> {
  const token = bearerToken(authorization);
  const principal = !token
    ? null
    : token.startsWith(`${API_KEY_PREFIX}_`)
      ? await services.apiKeys.principalForKey(token)
      : await services.auth.principalForToken(token);
  return { principal, token, clientAddress, services, loaders: createLoaders(services, principal) };
}
