// A sales organisation on the emulator's `scale` tenant, as the chaos run and the send benchmark
// use it: users user01@… with passwords and the Sales Professional role, each with an approved
// mailbox enabled both ways (ALL_EMAIL) and an opportunity of their own to send from.
import {
  createDataSource,
  EmailServerProfile,
  Mailbox,
  Organisation,
  runMigrations,
  SecretCipher,
} from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { scaleUpn } from '../bench/bench-seed.ts';

export const SALES_PASSWORD = 'chaos-run-password';

export interface Seeded {
  organisationId: string;
  /** Each user's own opportunity, by UPN. */
  opportunityIds: Map<string, string>;
  /** By UPN. */
  mailboxIds: Map<string, string>;
}

/** The organisation connected to the emulator's tenant, a user and an enabled mailbox per emulator mailbox. */
export async function seedSalesOrganisation(
  databaseUrl: string,
  emulatorUrl: string,
  secretKey: string,
  options: { mailboxes: number; pollIntervalSeconds: number },
) {
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const cipher = new SecretCipher(Buffer.from(secretKey, 'base64'));
    const organisation = await newOrganisation(dataSource, 'Chaos Co');
    await dataSource.getRepository(Organisation).update(
      { id: organisation.id },
      {
        tenantId: DEMO_TENANT.tenantId,
        appClientId: DEMO_TENANT.clientId,
        appClientSecretEncrypted: cipher.encrypt(DEMO_TENANT.clientSecret),
      },
    );
    await dataSource.getRepository(EmailServerProfile).update(
      { organisationId: organisation.id, isDefault: true },
      {
        graphEndpoint: emulatorUrl,
        authorityUrl: emulatorUrl,
        minPollingIntervalSeconds: options.pollIntervalSeconds,
      },
    );
    for (let i = 0; i < options.mailboxes; i++) {
      const upn = scaleUpn(i, options.mailboxes);
      await newUser(dataSource, organisation, {
        displayName: `Chaos user ${i + 1}`,
        primaryEmail: upn,
        userPrincipalName: upn,
        roles: ['SALES_PROFESSIONAL'],
        password: SALES_PASSWORD,
      });
    }
    const mailboxes = await newRoleMailboxes(dataSource, organisation);
    await dataSource.getRepository(Mailbox).update(
      { organisationId: organisation.id },
      {
        approvalStatus: 'APPROVED',
        incomingMethod: 'SERVER_SIDE_SYNC',
        outgoingMethod: 'SERVER_SIDE_SYNC',
        incomingStatus: 'SUCCESS',
        outgoingStatus: 'SUCCESS',
        enabledForIncoming: true,
        enabledForOutgoing: true,
        processingState: 'ACTIVE',
        incomingFilter: 'ALL_EMAIL',
      },
    );
    const [account] = (await dataSource.query(
      `INSERT INTO account ("organisationId", name, "emailAddress") VALUES ($1, 'Fabrikam', 'info@fabrikam.example') RETURNING id`,
      [organisation.id],
    )) as { id: string }[];
    // Each salesperson sends from an opportunity of their own.
    const opportunities = (await dataSource.query(
      `INSERT INTO opportunity ("organisationId", name, "accountId", "ownerUserId")
       SELECT $1, 'Fabrikam renewal (' || u."primaryEmail" || ')', $2, u.id FROM app_user u WHERE u."organisationId" = $1
       RETURNING id, (SELECT lower("primaryEmail") FROM app_user WHERE id = "ownerUserId") AS upn`,
      [organisation.id, account!.id],
    )) as { id: string; upn: string }[];
    return {
      organisationId: organisation.id,
      opportunityIds: new Map(opportunities.map((o) => [o.upn, o.id])),
      mailboxIds: new Map(mailboxes.map((m) => [m.emailAddress.toLowerCase(), m.id])),
    } satisfies Seeded;
  } finally {
    await dataSource.destroy();
  }
}
