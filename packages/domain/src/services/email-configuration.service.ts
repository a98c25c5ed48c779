import { createHash } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { JobItem } from '../entities/job-item.entity.ts';
import { Job } from '../entities/job.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { JobKind } from '../enums.ts';
import { DomainError } from '../errors.ts';
import { ExchangeError, type ExchangeConnection, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';
import { channelsToTest } from '../rules/mailbox-test.rule.ts';
import type { SecretCipher } from './secret-cipher.ts';

export type EmailConfigurationStatus = 'NOT_CONNECTED' | 'NEEDS_EXCHANGE_SUBSCRIPTION' | 'READY' | 'CONFIGURED';

export interface EmailConfigurationState {
  status: EmailConfigurationStatus;
  /** What the administrator should do next, in a sentence. */
  nextStep: string;
  tenantId: string | null;
  clientId: string | null;
  clientSecretSet: boolean;
  configuredAt: Date | null;
  /** The latest Configure email job, if any. */
  lastJob: Job | null;
}

export interface TenantConnectionInput {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i;

const NEXT_STEP: Record<EmailConfigurationStatus, string> = {
  NOT_CONNECTED: 'Connect your Microsoft 365 tenant (tenant id, app registration client id and secret).',
  NEEDS_EXCHANGE_SUBSCRIPTION:
    'Your Microsoft 365 tenant has no Exchange Online subscription. Get one in the Microsoft 365 admin center, then run Configure email again.',
  READY: 'Exchange Online is detected. Run Configure email to set up server-side synchronisation.',
  CONFIGURED:
    'Email is configured. Mailboxes of eligible users are approved, tested and enabled; approve and test the others from the Mailboxes list.',
};

function describeConnectionFailure(error: ExchangeError): DomainError {
  switch (error.kind) {
    case 'AUTH_FAILED':
      return new DomainError(
        'BAD_USER_INPUT',
        'Microsoft Entra ID rejected these credentials: check the tenant id, the client id and the client secret (it may have expired).',
      );
    case 'PERMISSION_MISSING':
    case 'ACCESS_POLICY_DENIED':
      return new DomainError(
        'BAD_USER_INPUT',
        `The app registration lacks the ${error.failure.permission ?? 'Organization.Read.All'} application permission needed to detect Exchange Online. Grant it with admin consent, then try again.`,
      );
    default:
      return new DomainError(
        'CONFLICT',
        'Microsoft 365 could not be reached to detect Exchange Online. Try again in a few minutes.',
      );
  }
}

/** Stable key for "the same request again" (a double click): kind plus the sorted inputs. */
export function dedupeKeyOf(kind: JobKind, inputs: readonly string[]): string {
  return createHash('sha256')
    .update(`${kind}:${[...inputs].sort().join(',')}`)
    .digest('hex');
}

/** The administrator's side of Configure email and Approve and test (PRODUCT.md §2, §3). */
export class EmailConfigurationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
  ) {}

  private organisation(principal: Principal): Promise<Organisation> {
    return this.dataSource.getRepository(Organisation).findOneByOrFail({ id: principal.organisationId });
  }

  private defaultProfile(manager: EntityManager, organisationId: string): Promise<EmailServerProfile | null> {
    return manager.getRepository(EmailServerProfile).findOneBy({ organisationId, isDefault: true });
  }

  async state(principal: Principal): Promise<EmailConfigurationState> {
    const organisation = await this.organisation(principal);
    const lastJob = await this.dataSource
      .getRepository(Job)
      .findOne({ where: { organisationId: organisation.id, kind: 'CONFIGURE_EMAIL' }, order: { createdAt: 'DESC' } });
    const status: EmailConfigurationStatus = !organisation.tenantId
      ? 'NOT_CONNECTED'
      : organisation.exchangeSubscription === 'NONE'
        ? 'NEEDS_EXCHANGE_SUBSCRIPTION'
        : organisation.emailConfiguredAt
          ? 'CONFIGURED'
          : 'READY';
    return {
      status,
      nextStep: NEXT_STEP[status],
      tenantId: organisation.tenantId,
      clientId: organisation.appClientId,
      clientSecretSet: organisation.appClientSecretEncrypted !== null,
      configuredAt: organisation.emailConfiguredAt,
      lastJob,
    };
  }

  /** The connection the organisation's default profile would use, with the tenant's credentials. */
  async connectionFor(
    organisation: Organisation,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ExchangeConnection> {
    const profile = await this.defaultProfile(manager, organisation.id);
    if (!organisation.tenantId || !organisation.appClientId || !organisation.appClientSecretEncrypted || !profile) {
      throw new DomainError('NEEDS_EXCHANGE_SUBSCRIPTION', NEXT_STEP.NOT_CONNECTED);
    }
    return {
      graphBaseUrl: profile.graphEndpoint,
      authorityUrl: profile.authorityUrl,
      tenantId: organisation.tenantId,
      clientId: organisation.appClientId,
      clientSecret: this.cipher.decrypt(organisation.appClientSecretEncrypted),
      maxConcurrentRequestsPerMailbox: profile.maxConcurrentRequestsPerMailbox,
    };
  }

  /** Detects Exchange Online now and records the answer on the organisation. */
  private async detect(organisation: Organisation, connection: ExchangeConnection, now: Date): Promise<boolean> {
    let exchangeOnline: boolean;
    try {
      ({ exchangeOnline } = await this.gateways(connection).detectExchange());
    } catch (error) {
      if (error instanceof ExchangeError) throw describeConnectionFailure(error);
      throw error;
    }
    await this.dataSource
      .getRepository(Organisation)
      .update(
        { id: organisation.id },
        { exchangeSubscription: exchangeOnline ? 'ACTIVE' : 'NONE', exchangeCheckedAt: now },
      );
    return exchangeOnline;
  }

  /**
   * Connects the organisation to a Microsoft 365 tenant: the credentials are checked against the
   * tenant (Exchange detection) before anything is stored; the secret is stored encrypted.
   */
  async connectTenant(
    principal: Principal,
    input: TenantConnectionInput,
    now = new Date(),
  ): Promise<EmailConfigurationState> {
    const tenantId = input.tenantId.trim();
    const clientId = input.clientId.trim();
    if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'The tenant id must be a GUID or the tenant’s domain name (e.g. contoso.onmicrosoft.com).',
      );
    }
    if (!GUID.test(clientId))
      throw new DomainError(
        'BAD_USER_INPUT',
        'The client id must be the app registration’s application (client) id, a GUID.',
      );
    if (input.clientSecret.length === 0 || input.clientSecret.length > 1024) {
      throw new DomainError('BAD_USER_INPUT', 'Enter the app registration’s client secret (its value, not its id).');
    }
    const organisation = await this.organisation(principal);
    const profile = await this.defaultProfile(this.dataSource.manager, organisation.id);
    if (!profile) throw new DomainError('CONFLICT', 'The organisation has no default email server profile.');
    const connection: ExchangeConnection = {
      graphBaseUrl: profile.graphEndpoint,
      authorityUrl: profile.authorityUrl,
      tenantId,
      clientId,
      clientSecret: input.clientSecret,
      maxConcurrentRequestsPerMailbox: profile.maxConcurrentRequestsPerMailbox,
      organisationId: organisation.id,
    };
    await this.detect(organisation, connection, now);
    await this.dataSource
      .getRepository(Organisation)
      .update(
        { id: organisation.id },
        { tenantId, appClientId: clientId, appClientSecretEncrypted: this.cipher.encrypt(input.clientSecret) },
      );
    return this.state(principal);
  }

  /**
   * Starts Configure email: detects Exchange Online first (failing fast, changing nothing, when
   * there is none), then records a CONFIGURE_EMAIL job. The caller enqueues it. While one is
   * queued or running, asking again returns that job.
   */
  async startConfigure(principal: Principal, now = new Date()): Promise<{ job: Job; created: boolean }> {
    const organisation = await this.organisation(principal);
    if (!organisation.tenantId) throw new DomainError('NEEDS_EXCHANGE_SUBSCRIPTION', NEXT_STEP.NOT_CONNECTED);
    const exchangeOnline = await this.detect(organisation, await this.connectionFor(organisation), now);
    if (!exchangeOnline) throw new DomainError('NEEDS_EXCHANGE_SUBSCRIPTION', NEXT_STEP.NEEDS_EXCHANGE_SUBSCRIPTION);
    return this.createJob(
      this.dataSource.manager,
      principal,
      'CONFIGURE_EMAIL',
      dedupeKeyOf('CONFIGURE_EMAIL', [organisation.id]),
      0,
    );
  }

  /** Starts a directory import (a job the caller enqueues); a repeated request while it runs gets the same job. */
  async startDirectoryImport(principal: Principal): Promise<{ job: Job; created: boolean }> {
    const organisation = await this.organisation(principal);
    if (!organisation.tenantId) throw new DomainError('CONFLICT', NEXT_STEP.NOT_CONNECTED);
    return this.createJob(
      this.dataSource.manager,
      principal,
      'DIRECTORY_IMPORT',
      dedupeKeyOf('DIRECTORY_IMPORT', [organisation.id]),
      0,
    );
  }

  /**
   * Starts Approve and test (approve = true) or Test and enable for mailboxes of the organisation:
   * one job, one item per mailbox, the tested channels marked Scheduled at once. Returns the
   * mailbox ids the caller enqueues one child job for; a repeated request while the same job is
   * active returns it with no ids.
   */
  async startMailboxTests(
    principal: Principal,
    mailboxIds: readonly string[],
    approve: boolean,
  ): Promise<{ job: Job; created: boolean; mailboxIds: string[] }> {
    const ids = [...new Set(mailboxIds)];
    if (ids.length === 0) throw new DomainError('BAD_USER_INPUT', 'Select at least one mailbox.');
    if (ids.length > 50_000) throw new DomainError('BAD_USER_INPUT', 'Select at most 50,000 mailboxes at once.');
    const kind: JobKind = approve ? 'APPROVE_AND_TEST' : 'TEST_AND_ENABLE';
    return this.dataSource.transaction(async (manager) => {
      const valid = ids.filter(isUuid);
      const mailboxes = valid.length
        ? await manager.getRepository(Mailbox).findBy({ id: In(valid), organisationId: principal.organisationId })
        : [];
      if (mailboxes.length !== ids.length) {
        const missing = ids.length - mailboxes.length;
        throw new DomainError(
          'NOT_FOUND',
          `${missing} of the selected mailboxes ${missing === 1 ? 'was' : 'were'} not found.`,
        );
      }
      const { job, created } = await this.createJob(manager, principal, kind, dedupeKeyOf(kind, ids), ids.length);
      if (!created) return { job, created, mailboxIds: [] };
      await manager
        .createQueryBuilder()
        .insert()
        .into(JobItem)
        .values(ids.map((itemId) => ({ organisationId: principal.organisationId, jobId: job.id, itemId })))
        .execute();
      await markScheduled(manager, mailboxes);
      return { job, created, mailboxIds: ids };
    });
  }

  private async createJob(
    manager: EntityManager,
    principal: Principal,
    kind: JobKind,
    dedupeKey: string,
    total: number,
  ): Promise<{ job: Job; created: boolean }> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO job ("organisationId", kind, status, total, "dedupeKey", "startedByUserId")
       VALUES ($1, $2, 'QUEUED', $3, $4, $5)
       ON CONFLICT ("organisationId", "dedupeKey") WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING
       RETURNING id`,
      [principal.organisationId, kind, total, dedupeKey, principal.userId],
    );
    const repository = manager.getRepository(Job);
    if (inserted[0]) return { job: await repository.findOneByOrFail({ id: inserted[0].id }), created: true };
    const active = await repository.findOneByOrFail({
      organisationId: principal.organisationId,
      dedupeKey,
      status: In(['QUEUED', 'RUNNING']),
    });
    return { job: active, created: false };
  }
}

/** Marks the channels each mailbox will test as Scheduled (the grid shows it at once). */
export async function markScheduled(manager: EntityManager, mailboxes: readonly Mailbox[]): Promise<void> {
  const byChannels = new Map<string, string[]>();
  for (const mailbox of mailboxes) {
    const key = channelsToTest(mailbox).join(',');
    byChannels.set(key, [...(byChannels.get(key) ?? []), mailbox.id]);
  }
  for (const [key, ids] of byChannels) {
    const channels = key ? key.split(',') : [];
    const set: Partial<Record<'incomingStatus' | 'outgoingStatus' | 'actStatus', 'SCHEDULED'>> = {};
    if (channels.includes('incoming')) set.incomingStatus = 'SCHEDULED';
    if (channels.includes('outgoing')) set.outgoingStatus = 'SCHEDULED';
    if (channels.includes('act')) set.actStatus = 'SCHEDULED';
    if (Object.keys(set).length === 0) continue;
    await manager.getRepository(Mailbox).update({ id: In(ids) }, set);
  }
}
