import type { DataSource } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import type { ExchangeConnection } from '../exchange-gateway.ts';
import type { SecretCipher } from './secret-cipher.ts';

/**
 * The connection a profile gives: its endpoints, and its own app credentials or else the
 * organisation's. Null when no credentials are set anywhere.
 */
export function profileConnection(
  organisation: Organisation,
  profile: EmailServerProfile,
  cipher: SecretCipher,
): ExchangeConnection | null {
  const tenantId = profile.tenantId ?? organisation.tenantId;
  const clientId = profile.clientId ?? organisation.appClientId;
  const secret = profile.clientSecretEncrypted ?? organisation.appClientSecretEncrypted;
  if (!tenantId || !clientId || !secret) return null;
  return {
    graphBaseUrl: profile.graphEndpoint,
    authorityUrl: profile.authorityUrl,
    tenantId,
    clientId,
    clientSecret: cipher.decrypt(secret),
    maxConcurrentRequestsPerMailbox: profile.maxConcurrentRequestsPerMailbox,
  };
}

/** The mailbox's profile (the organisation's default when it names none). */
export async function profileOf(
  dataSource: DataSource,
  mailbox: Pick<Mailbox, 'organisationId' | 'emailServerProfileId'>,
): Promise<EmailServerProfile | null> {
  const repository = dataSource.getRepository(EmailServerProfile);
  return (
    (mailbox.emailServerProfileId
      ? await repository.findOneBy({ id: mailbox.emailServerProfileId, organisationId: mailbox.organisationId })
      : null) ?? (await repository.findOneBy({ organisationId: mailbox.organisationId, isDefault: true }))
  );
}
