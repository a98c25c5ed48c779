import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { Account, Contact, Opportunity } from '../entities/crm-record.entities.ts';
import type { ExchangeGatewayFactory } from '../exchange-gateway.ts';
import { newOrganisation, newUser, principalOf } from '../testing/factories.ts';
import { CrmRecordService } from './crm-records.service.ts';
import { EmailService } from './email.service.ts';
import { SecretCipher } from './secret-cipher.ts';

let ds: DataSource;
const noExchange: ExchangeGatewayFactory = () => {
  throw new Error('timelines do not call Exchange');
};

beforeAll(async () => {
  ds = createDataSource({ url: inject('databaseUrl') });
  await ds.initialize();
});
afterAll(() => ds.destroy());

describe('timelines and what a user may see', () => {
  it("an account's owner does not read email about a colleague's opportunity under that account", async () => {
    const organisation = await newOrganisation(ds);
    const owner = await newUser(ds, organisation);
    const colleague = await newUser(ds, organisation);
    const admin = await newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR'] });
    const account = await ds
      .getRepository(Account)
      .save({ organisationId: organisation.id, name: 'Fabrikam', ownerUserId: owner.id });
    const secret = await ds
      .getRepository(Opportunity)
      .save({ organisationId: organisation.id, name: 'Secret deal', accountId: account.id, ownerUserId: colleague.id });
    const insert = (subject: string, regardingType: string, regardingId: string, ownerUserId: string) =>
      ds.query(
        `INSERT INTO email ("organisationId", direction, status, subject, body, "regardingType", "regardingId", "trackedBy", "ownerUserId", "occurredAt")
         VALUES ($1, 'INCOMING', 'RECEIVED', $2, 'body', $3, $4, 'FILTER', $5, now()) RETURNING id`,
        [organisation.id, subject, regardingType, regardingId, ownerUserId],
      ) as Promise<{ id: string }[]>;
    const [hidden] = await insert('Pricing for the secret deal', 'OPPORTUNITY', secret.id, colleague.id);
    // Email regarding nothing, exchanged with a contact of the account that the colleague owns.
    const theirContact = await ds.getRepository(Contact).save({
      organisationId: organisation.id,
      firstName: 'Chris',
      lastName: 'Colleague-owned',
      emailAddress: 'chris@fabrikam.example',
      accountId: account.id,
      ownerUserId: colleague.id,
    });
    const [privateThread] = (await ds.query(
      `INSERT INTO email ("organisationId", direction, status, subject, body, "trackedBy", "ownerUserId", "occurredAt", parties)
       VALUES ($1, 'INCOMING', 'RECEIVED', 'Colleague private thread', 'body', 'FILTER', $2, now(), $3) RETURNING id`,
      [
        organisation.id,
        colleague.id,
        JSON.stringify([
          {
            role: 'FROM',
            address: 'chris@fabrikam.example',
            name: null,
            resolvedType: 'CONTACT',
            resolvedId: theirContact.id,
          },
        ]),
      ],
    )) as { id: string }[];
    await ds.query(
      `INSERT INTO email_party ("emailId", role, address, "resolvedType", "resolvedId") VALUES ($1, 'FROM', $2, 'CONTACT', $3)`,
      [privateThread!.id, 'chris@fabrikam.example', theirContact.id],
    );
    await insert('Hello Fabrikam', 'ACCOUNT', account.id, owner.id);

    const emails = new EmailService(ds, new SecretCipher(randomBytes(32)), noExchange);
    const asOwner = await principalOf(ds, owner);
    const page = await emails.timeline(asOwner, account.id);
    expect(page.items.map((e) => e.subject)).toEqual(['Hello Fabrikam']);
    expect(page.totalCount).toBe(1);
    expect(await emails.get(asOwner, hidden!.id)).toBeNull();
    expect((await new CrmRecordService(ds).recordNames(asOwner, [secret.id])).size).toBe(0);

    // The colleague and the administrator see both.
    expect((await emails.timeline(await principalOf(ds, colleague), secret.id)).totalCount).toBe(1);
    expect((await emails.timeline(await principalOf(ds, admin), account.id)).totalCount).toBe(3);
  });
});
