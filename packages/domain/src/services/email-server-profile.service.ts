import type { DataSource } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { DomainError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';
import type { SecretCipher } from './secret-cipher.ts';

export interface EmailServerProfileChange {
  id: string;
  name?: string | null;
  graphEndpoint?: string | null;
  authorityUrl?: string | null;
  /** Replaces the stored secret; never read back. */
  clientSecret?: string | null;
  processEmailReceivedAfter?: Date | null;
  minPollingIntervalSeconds?: number | null;
  maxConcurrentRequestsPerMailbox?: number | null;
  moveFailedToUndeliverable?: boolean | null;
}

function httpsOrigin(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a URL such as https://graph.microsoft.com.`);
  }
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be an https origin without a path, such as https://graph.microsoft.com.`,
    );
  }
  return url.origin;
}

/** Email server profiles: the settings server-side sync uses to reach Exchange Online. */
export class EmailServerProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
  ) {}

  list(principal: Principal): Promise<EmailServerProfile[]> {
    return this.dataSource
      .getRepository(EmailServerProfile)
      .find({ where: { organisationId: principal.organisationId }, order: { isDefault: 'DESC', name: 'ASC' } });
  }

  async update(principal: Principal, change: EmailServerProfileChange): Promise<EmailServerProfile> {
    const repository = this.dataSource.getRepository(EmailServerProfile);
    const profile = isUuid(change.id)
      ? await repository.findOneBy({ id: change.id, organisationId: principal.organisationId })
      : null;
    if (!profile) throw notFound('That email server profile');
    const set: Partial<EmailServerProfile> = {};
    if (change.name != null) {
      if (!change.name.trim() || change.name.length > 200)
        throw new DomainError('BAD_USER_INPUT', 'The name must be 1 to 200 characters.');
      set.name = change.name.trim();
    }
    if (change.graphEndpoint != null) set.graphEndpoint = httpsOrigin(change.graphEndpoint, 'The Graph endpoint');
    if (change.authorityUrl != null) set.authorityUrl = httpsOrigin(change.authorityUrl, 'The token authority');
    if (change.clientSecret != null) {
      if (!change.clientSecret || change.clientSecret.length > 1024)
        throw new DomainError('BAD_USER_INPUT', 'Enter the client secret value.');
      set.clientSecretEncrypted = this.cipher.encrypt(change.clientSecret);
    }
    if (change.processEmailReceivedAfter !== undefined)
      set.processEmailReceivedAfter = change.processEmailReceivedAfter;
    if (change.minPollingIntervalSeconds != null) {
      if (
        !Number.isInteger(change.minPollingIntervalSeconds) ||
        change.minPollingIntervalSeconds < 15 ||
        change.minPollingIntervalSeconds > 86_400
      ) {
        throw new DomainError('BAD_USER_INPUT', 'The minimum polling interval must be between 15 seconds and one day.');
      }
      set.minPollingIntervalSeconds = change.minPollingIntervalSeconds;
    }
    if (change.maxConcurrentRequestsPerMailbox != null) {
      // Exchange Online refuses more than 4 concurrent requests per app and mailbox.
      if (![1, 2, 3, 4].includes(change.maxConcurrentRequestsPerMailbox)) {
        throw new DomainError(
          'BAD_USER_INPUT',
          'Concurrent requests per mailbox must be 1 to 4 (Exchange Online allows 4).',
        );
      }
      set.maxConcurrentRequestsPerMailbox = change.maxConcurrentRequestsPerMailbox;
    }
    if (change.moveFailedToUndeliverable != null) set.moveFailedToUndeliverable = change.moveFailedToUndeliverable;
    if (Object.keys(set).length > 0) await repository.update({ id: profile.id }, set);
    return repository.findOneByOrFail({ id: profile.id });
  }
}
