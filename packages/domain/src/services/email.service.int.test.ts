import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { Account, Contact, Opportunity } from '../entities/crm-record.entities.ts';
import { Email } from '../entities/email.entities.ts';
import type { ExchangeGatewayFactory } from '../exchange-gateway.ts';
import type { Principal } from '../principal.ts';
import { newOrganisation, newRoleMailboxes, newUser, principalOf } from '../testing/factories.ts';
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

/** Subjects of a whole timeline read `size` entries at a time through the cursor; each page's total checked when given. */
async function subjectsPageByPage(
  emails: EmailService,
  principal: Principal,
  recordId: string,
  size: number,
  total: number | undefined,
): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await emails.timeline(principal, recordId, size, after);
    if (total !== undefined) expect(page.totalCount).toBe(total);
    seen.push(...page.items.map((e) => e.subject));
    if (!page.hasNextPage) break;
    after = page.cursorOf(page.items.at(-1)!);
  }
  return seen;
}

describe('timeline order', () => {
  it('puts the thread with the latest tracked email first, keeps threads together, and pages through every entry once', async () => {
    const organisation = await newOrganisation(ds);
    const owner = await newUser(ds, organisation);
    const opportunity = await ds
      .getRepository(Opportunity)
      .save({ organisationId: organisation.id, name: 'Renewal', ownerUserId: owner.id });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const insert = (subject: string, conversationId: string | null, at: string) =>
      ds
        .query(
          `INSERT INTO email ("organisationId", direction, status, subject, body, "conversationId", "regardingType",
              "regardingId", "trackedBy", "ownerUserId", "occurredAt")
           VALUES ($1, 'INCOMING', 'RECEIVED', $2, 'body', $3, 'OPPORTUNITY', $4, 'FILTER', $5, $6) RETURNING id`,
          [organisation.id, subject, conversationId, opportunity.id, owner.id, at],
        )
        .then((rows: { id: string }[]) => rows[0]!.id);
    await insert('Pricing 1', 'conv-pricing', hoursAgo(50));
    await insert('Pricing 2', 'conv-pricing', hoursAgo(30));
    await insert('DPA 1', 'conv-dpa', hoursAgo(40));
    await insert('DPA 2', 'conv-dpa', hoursAgo(20));
    await insert('Standalone', null, hoursAgo(25));
    await ds.query(
      `INSERT INTO task ("organisationId", subject, "regardingType", "regardingId", "ownerUserId", "createdAt")
       VALUES ($1, 'Call back', 'OPPORTUNITY', $2, $3, $4)`,
      [organisation.id, opportunity.id, owner.id, hoursAgo(35)],
    );
    const emails = new EmailService(ds, new SecretCipher(randomBytes(32)), noExchange);
    const asOwner = await principalOf(ds, owner);
    const subjects = async () => (await emails.timeline(asOwner, opportunity.id)).items.map((e) => e.subject);
    expect(await subjects()).toEqual(['DPA 2', 'DPA 1', 'Standalone', 'Pricing 2', 'Pricing 1', 'Call back']);
    // The page's emails are whole, as TypeORM loads them.
    const [mailbox] = await newRoleMailboxes(ds, organisation);
    const [first] = (await ds.query(`SELECT id FROM email WHERE "organisationId" = $1 AND subject = 'DPA 2'`, [
      organisation.id,
    ])) as { id: string }[];
    await ds.query(
      `INSERT INTO email_copy ("mailboxId", "exchangeMessageId", "emailId", "organisationId", "folderId")
       VALUES ($1, 'AAMk-copy-1', $2, $3, 'inbox')`,
      [mailbox!.id, first!.id, organisation.id],
    );
    const withCopies = await emails.timeline(asOwner, opportunity.id);
    const loaded = withCopies.items.filter((i) => i instanceof Email);
    expect(loaded).toHaveLength(5);
    for (const item of loaded) expect(item).toEqual(await ds.getRepository(Email).findOneBy({ id: item.id }));
    // Each email's Exchange copies come with the page, as copiesOf gives them.
    expect(withCopies.copies.get(first!.id)).toHaveLength(1);
    expect(withCopies.copies).toEqual(await emails.copiesOf(loaded.map((e) => e.id)));

    // A reply (even one that arrived late, in a separate statement) brings its thread to the top.
    const reply = await insert('Pricing 3', 'conv-pricing', hoursAgo(1));
    expect(await subjects()).toEqual([
      'Pricing 3',
      'Pricing 2',
      'Pricing 1',
      'DPA 2',
      'DPA 1',
      'Standalone',
      'Call back',
    ]);
    // An older message of a thread found later changes nothing but its own place in the thread.
    await insert('DPA 0', 'conv-dpa', hoursAgo(45));
    expect(await subjects()).toEqual([
      'Pricing 3',
      'Pricing 2',
      'Pricing 1',
      'DPA 2',
      'DPA 1',
      'DPA 0',
      'Standalone',
      'Call back',
    ]);

    // Untracked, the reply leaves the timeline and its thread goes back to its place.
    await ds.query(`UPDATE email SET tracked = false WHERE id = $1`, [reply]);
    expect(await subjects()).toEqual(['DPA 2', 'DPA 1', 'DPA 0', 'Standalone', 'Pricing 2', 'Pricing 1', 'Call back']);
    // Tracked again, it comes back to the top; deleted, the thread goes back.
    await ds.query(`UPDATE email SET tracked = true WHERE id = $1`, [reply]);
    expect((await subjects())[0]).toBe('Pricing 3');
    await ds.query(`DELETE FROM email WHERE id = $1`, [reply]);
    expect(await subjects()).toEqual(['DPA 2', 'DPA 1', 'DPA 0', 'Standalone', 'Pricing 2', 'Pricing 1', 'Call back']);

    // Pages of two, through the cursor: every entry once, in the same order, with the total.
    const seen = await subjectsPageByPage(emails, asOwner, opportunity.id, 2, 7);
    expect(seen).toEqual(['DPA 2', 'DPA 1', 'DPA 0', 'Standalone', 'Pricing 2', 'Pricing 1', 'Call back']);
  });

  it("keeps a thread together when its newest email reaches the timeline another way (a contact's email regarding nothing)", async () => {
    const organisation = await newOrganisation(ds);
    const owner = await newUser(ds, organisation);
    const account = await ds
      .getRepository(Account)
      .save({ organisationId: organisation.id, name: 'Northwind', ownerUserId: owner.id });
    const contact = await ds.getRepository(Contact).save({
      organisationId: organisation.id,
      firstName: 'Nina',
      lastName: 'North',
      emailAddress: 'nina@northwind.example',
      accountId: account.id,
      ownerUserId: owner.id,
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const insert = async (subject: string, conversationId: string, at: string, regarding: boolean) => {
      const [row] = (await ds.query(
        `INSERT INTO email ("organisationId", direction, status, subject, body, "conversationId", "regardingType",
            "regardingId", "trackedBy", "ownerUserId", "occurredAt")
         VALUES ($1, 'INCOMING', 'RECEIVED', $2, 'body', $3, $4, $5, 'FILTER', $6, $7) RETURNING id`,
        [
          organisation.id,
          subject,
          conversationId,
          regarding ? 'ACCOUNT' : null,
          regarding ? account.id : null,
          owner.id,
          at,
        ],
      )) as { id: string }[];
      if (!regarding) {
        await ds.query(
          `INSERT INTO email_party ("emailId", role, address, "resolvedType", "resolvedId") VALUES ($1, 'FROM', $2, 'CONTACT', $3)`,
          [row!.id, contact.emailAddress, contact.id],
        );
      }
    };
    await insert('Onboarding 1', 'conv-onboarding', hoursAgo(30), true);
    await insert('Invoice 1', 'conv-invoice', hoursAgo(20), true);
    await insert('Invoice 2', 'conv-invoice', hoursAgo(10), true);
    // The newest message of the onboarding thread, from the contact, regarding nothing.
    await insert('Onboarding 2', 'conv-onboarding', hoursAgo(1), false);
    const emails = new EmailService(ds, new SecretCipher(randomBytes(32)), noExchange);
    const asOwner = await principalOf(ds, owner);
    const page = await emails.timeline(asOwner, account.id);
    expect(page.items.map((e) => e.subject)).toEqual(['Onboarding 2', 'Onboarding 1', 'Invoice 2', 'Invoice 1']);
    expect(page.totalCount).toBe(4);
    // One entry a page: the same order, each once.
    const seen = await subjectsPageByPage(emails, asOwner, account.id, 1, undefined);
    expect(seen).toEqual(['Onboarding 2', 'Onboarding 1', 'Invoice 2', 'Invoice 1']);
  });

  it('ranks threads correctly when one long thread fills the newest emails', async () => {
    const organisation = await newOrganisation(ds);
    const owner = await newUser(ds, organisation);
    const opportunity = await ds
      .getRepository(Opportunity)
      .save({ organisationId: organisation.id, name: 'Long thread', ownerUserId: owner.id });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({
        subject: `Long ${40 - i}`,
        conversation: 'conv-long',
        at: minutesAgo(i + 1),
      })),
      { subject: 'Older A', conversation: 'conv-a', at: minutesAgo(100) },
      { subject: 'Older B', conversation: 'conv-b', at: minutesAgo(200) },
      { subject: 'Older A 0', conversation: 'conv-a', at: minutesAgo(300) },
    ];
    await ds.query(
      `INSERT INTO email ("organisationId", direction, status, subject, body, "conversationId", "regardingType",
          "regardingId", "trackedBy", "ownerUserId", "occurredAt")
       SELECT $1, 'INCOMING', 'RECEIVED', s, 'body', c, 'OPPORTUNITY', $2, 'FILTER', $3, a
         FROM unnest($4::text[], $5::text[], $6::timestamptz[]) AS t(s, c, a)`,
      [
        organisation.id,
        opportunity.id,
        owner.id,
        rows.map((r) => r.subject),
        rows.map((r) => r.conversation),
        rows.map((r) => r.at),
      ],
    );
    const emails = new EmailService(ds, new SecretCipher(randomBytes(32)), noExchange);
    const asOwner = await principalOf(ds, owner);
    const expected = [...Array.from({ length: 40 }, (_, i) => `Long ${40 - i}`), 'Older A', 'Older A 0', 'Older B'];
    // Pages of 2 look at the 30 newest emails, all of the long thread: the whole record is ranked.
    const seen = await subjectsPageByPage(emails, asOwner, opportunity.id, 2, 43);
    expect(seen).toEqual(expected);
    expect((await emails.timeline(asOwner, opportunity.id, 50)).items.map((e) => e.subject)).toEqual(expected);
  });
});
