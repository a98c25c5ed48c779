import { EmailServerProfile, Organisation, type SecretCipher } from '@mailroom/domain';
import { newOrganisation } from '@mailroom/domain/testing';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import type { DataSource } from 'typeorm';

/** `user0001@contoso.example`…: how the emulator's `scale` scenario names its mailboxes. */
export const scaleUpn = (i: number, mailboxes: number) =>
  `user${String(i + 1).padStart(String(mailboxes).length, '0')}@contoso.example`;

/** A new organisation connected to the emulator's demo tenant, its default profile pointing there. */
export async function connectedOrganisation(
  dataSource: DataSource,
  name: string,
  emulatorUrl: string,
  cipher: SecretCipher,
  profile: Partial<Pick<EmailServerProfile, 'minPollingIntervalSeconds'>> = {},
): Promise<{ organisationId: string; profileId: string }> {
  const organisation = await newOrganisation(dataSource, name);
  await dataSource.getRepository(Organisation).update(
    { id: organisation.id },
    {
      tenantId: DEMO_TENANT.tenantId,
      appClientId: DEMO_TENANT.clientId,
      appClientSecretEncrypted: cipher.encrypt(DEMO_TENANT.clientSecret),
    },
  );
  const profiles = dataSource.getRepository(EmailServerProfile);
  await profiles.update(
    { organisationId: organisation.id, isDefault: true },
    { graphEndpoint: emulatorUrl, authorityUrl: emulatorUrl, ...profile },
  );
  const { id: profileId } = await profiles.findOneByOrFail({ organisationId: organisation.id, isDefault: true });
  return { organisationId: organisation.id, profileId };
}

/**
 * Licensed users named as the scale scenario names its mailboxes, each with an approved mailbox
 * set to server-side sync (`enabled`: incoming on, ALL_EMAIL, last synced "just now" so the sweep
 * leaves it alone until the benchmark says otherwise). Inserted 1,000 at a time.
 */
export async function bulkMailboxes(
  dataSource: DataSource,
  organisationId: string,
  profileId: string,
  count: number,
  options: { enabled: boolean },
): Promise<{ userIds: string[]; mailboxIds: string[] }> {
  const userIds: string[] = [];
  const mailboxIds: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const emails = Array.from({ length: Math.min(1000, count - start) }, (_, i) => scaleUpn(start + i, count));
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO app_user ("organisationId", "displayName", "primaryEmail", "primaryEmailLower", "userPrincipalName", "salesLicense", "exchangeLicenseValid")
       SELECT $1, e, e, e, e, 'SALES_PROFESSIONAL', true FROM unnest($2::text[]) AS e RETURNING id`,
      [organisationId, emails],
    );
    const mailboxes: { id: string }[] = await dataSource.query(
      options.enabled
        ? `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "emailServerProfileId",
              "incomingMethod", "outgoingMethod", "actMethod", "approvalStatus", "incomingStatus", "enabledForIncoming",
              "incomingFilter", "lastSyncAttemptAt", version)
           SELECT $1, u, e, e, $4, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'APPROVED', 'SUCCESS', true,
                  'ALL_EMAIL', now(), 1
             FROM unnest($2::uuid[], $3::text[]) AS t(u, e) RETURNING id`
        : `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "emailServerProfileId",
              "incomingMethod", "outgoingMethod", "actMethod", version)
           SELECT $1, u, e, e, $4, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 1
             FROM unnest($2::uuid[], $3::text[]) AS t(u, e) RETURNING id`,
      [organisationId, users.map((u) => u.id), emails, profileId],
    );
    userIds.push(...users.map((u) => u.id));
    mailboxIds.push(...mailboxes.map((m) => m.id));
  }
  return { userIds, mailboxIds };
}
