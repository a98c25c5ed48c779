import type { DataSource } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
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

/**
 * A mailbox with its organisation and its profile (as `profileOf` chooses it), in one round trip:
 * what every sync run reads first. Null when the mailbox is gone.
 */
export async function mailboxWithConnection(
  dataSource: DataSource,
  mailboxId: string,
): Promise<{ mailbox: Mailbox; organisation: Organisation; profile: EmailServerProfile | null } | null> {
  const row = (await dataSource
    .getRepository(Mailbox)
    .createQueryBuilder('mailbox')
    .innerJoinAndMapOne(
      'mailbox.joinedOrganisation',
      Organisation,
      'organisation',
      'organisation.id = mailbox.organisationId',
    )
    .leftJoinAndMapOne(
      'mailbox.joinedProfile',
      EmailServerProfile,
      'profile',
      `profile.id = COALESCE(
         (SELECT n.id FROM email_server_profile n WHERE n.id = mailbox."emailServerProfileId" AND n."organisationId" = mailbox."organisationId"),
         (SELECT d.id FROM email_server_profile d WHERE d."organisationId" = mailbox."organisationId" AND d."isDefault" LIMIT 1))`,
    )
    .where('mailbox.id = :id', { id: mailboxId })
    .getOne()) as (Mailbox & { joinedOrganisation?: Organisation; joinedProfile?: EmailServerProfile }) | null;
  if (!row?.joinedOrganisation) return null;
  const { joinedOrganisation: organisation, joinedProfile: profile, ...fields } = row;
  return { mailbox: Object.assign(new Mailbox(), fields), organisation, profile: profile ?? null };
}
