import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { Contact, Opportunity } from '../entities/crm-record.entities.ts';
import type { EmailPartyValue } from '../entities/email.entities.ts';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import type { MailMessage } from '../exchange-gateway.ts';
import { newOrganisation, newRoleMailboxes, newUser } from '../testing/factories.ts';
import { EmailIngestService, type IngestFolder, type IngestMailbox } from './email-ingest.service.ts';

let dataSource: DataSource;
let organisation: Organisation;
let ingest: EmailIngestService;
let alice: IngestMailbox;
let bob: IngestMailbox;
const inbox: IngestFolder = { id: 'inbox', kind: 'INBOX', regarding: null };

function message(id: string, overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    id,
    internetMessageId: `<${id}@fabrikam.example>`,
    conversationId: `conv-${id}`,
    folderId: 'inbox-id',
    subject: `Subject ${id}`,
    from: { address: 'Fiona@Fabrikam.example', name: 'Fiona' },
    to: [{ address: alice.emailAddress, name: null }],
    cc: [],
    bcc: [],
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    sentAt: new Date('2026-11-01T09:59:00Z'),
    body: { contentType: 'html', content: '<p>hi</p>' },
    preview: 'hi',
    categories: [],
    isDraft: false,
    mailroomId: null,
    ...overrides,
  };
}

async function apply(
  mailbox: IngestMailbox,
  messages: MailMessage[],
  cursor: string | null = null,
  removed: string[] = [],
) {
  const plan = await ingest.plan(mailbox, inbox, messages);
  return ingest.commit(plan, new Map(), removed, cursor);
}

async function counts() {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM email WHERE "organisationId" = $1) AS emails,
            (SELECT count(*)::int FROM email_copy WHERE "organisationId" = $1) AS copies,
            (SELECT coalesce(sum(jsonb_array_length(parties)), 0)::int FROM email WHERE "organisationId" = $1) AS parties`,
    [organisation.id],
  );
  return row as { emails: number; copies: number; parties: number };
}

beforeAll(async () => {
  dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
  ingest = new EmailIngestService(dataSource);
  organisation = await newOrganisation(dataSource);
  const users = [await newUser(dataSource, organisation), await newUser(dataSource, organisation)];
  const mailboxes: Mailbox[] = await newRoleMailboxes(dataSource, organisation);
  const [a, b] = users.map((user) => mailboxes.find((m) => m.ownerUserId === user.id)!);
  const asIngest = (m: Mailbox): IngestMailbox => ({
    id: m.id,
    organisationId: organisation.id,
    ownerUserId: m.ownerUserId,
    emailAddress: m.emailAddress,
    incomingFilter: 'ALL_EMAIL',
    trackingTokenPrefix: 'CRM',
  });
  alice = asIngest(a!);
  bob = asIngest(b!);
  await dataSource.getRepository(Contact).save({
    organisationId: organisation.id,
    firstName: 'Fiona',
    lastName: 'Fabrikam',
    emailAddress: 'fiona@fabrikam.example',
  });
});
afterAll(() => dataSource.destroy());

describe('ingesting delta pages', () => {
  it('applies a page and its cursor together, and applying it again changes nothing', async () => {
    const page = [message(randomUUID()), message(randomUUID())];
    const first = await apply(alice, page, 'cursor-1');
    expect(first.createdEmailIds).toHaveLength(2);
    const after = await counts();
    const again = await apply(alice, page, 'cursor-1');
    expect(again).toEqual({ createdEmailIds: [], updatedEmailIds: [], createdOnTimelines: [], attachedCopies: 0 });
    expect(await counts()).toEqual(after);
    const [{ deltaCursors }] = await dataSource.query(`SELECT "deltaCursors" FROM mailbox WHERE id = $1`, [alice.id]);
    expect(deltaCursors).toEqual({ inbox: 'cursor-1' });
  });

  it('keeps one email for a change Graph replays within a page', async () => {
    const id = randomUUID();
    const before = await counts();
    await apply(alice, [message(id), message(id, { categories: ['Red'] })]);
    expect(await counts()).toMatchObject({ emails: before.emails + 1, copies: before.copies + 1 });
  });

  it('records one email with two copies when two CRM mailboxes hold the message, even side by side', async () => {
    const shared = message(randomUUID(), {
      to: [
        { address: alice.emailAddress, name: null },
        { address: bob.emailAddress, name: null },
      ],
    });
    const before = await counts();
    // Both mailboxes' syncs commit the same message at once.
    await Promise.all([apply(alice, [shared]), apply(bob, [{ ...shared, id: `bob-${shared.id}` }])]);
    const after = await counts();
    expect(after.emails).toBe(before.emails + 1);
    expect(after.copies).toBe(before.copies + 2);
    const [{ parties }] = (await dataSource.query(`SELECT parties FROM email WHERE "internetMessageId" = $1`, [
      shared.internetMessageId,
    ])) as [{ parties: EmailPartyValue[] }];
    expect(parties.map(({ role, address, resolvedType }) => ({ role, address, resolvedType }))).toEqual([
      { role: 'FROM', address: 'fiona@fabrikam.example', resolvedType: 'CONTACT' },
      ...[alice.emailAddress, bob.emailAddress].map((address) => ({
        role: 'TO',
        address: address.toLowerCase(),
        resolvedType: 'USER',
      })),
    ]);
    // Only the contact puts the email on a timeline, so only it is indexed by record.
    const indexed = await dataSource.query(
      `SELECT p.role, p."resolvedType" FROM email_party p JOIN email e ON e.id = p."emailId"
        WHERE e."internetMessageId" = $1`,
      [shared.internetMessageId],
    );
    expect(indexed).toEqual([{ role: 'FROM', resolvedType: 'CONTACT' }]);
  });

  it('marks a copy removed only while it is still in the folder that reported the removal', async () => {
    const id = randomUUID();
    await apply(alice, [message(id)]);
    await apply(alice, [], null, [id]);
    const [copy] = await dataSource.query(
      `SELECT removed FROM email_copy WHERE "mailboxId" = $1 AND "exchangeMessageId" = $2`,
      [alice.id, id],
    );
    expect(copy.removed).toBe(true);
    // Seen again (moved back): the copy is live again, still one email.
    await apply(alice, [message(id)]);
    const [again] = await dataSource.query(
      `SELECT removed FROM email_copy WHERE "mailboxId" = $1 AND "exchangeMessageId" = $2`,
      [alice.id, id],
    );
    expect(again.removed).toBe(false);
  });

  it('stores an odd message instead of failing its page forever (NUL characters, an absurd id)', async () => {
    const id = randomUUID();
    const before = await counts();
    await apply(alice, [
      message(id, { subject: 'Bad\u0000subject', internetMessageId: `<${'x'.repeat(2000)}@spam.example>` }),
      message(randomUUID(), { body: { contentType: 'text', content: 'nul\u0000inside' } }),
    ]);
    expect(await counts()).toMatchObject({ emails: before.emails + 2, copies: before.copies + 2 });
    const [row] = await dataSource.query(
      `SELECT e.subject FROM email e JOIN email_copy c ON c."emailId" = e.id WHERE c."exchangeMessageId" = $1`,
      [id],
    );
    expect(row.subject).toBe('Badsubject');
  });

  it("keeps a folder rule's record when another mailbox's sync created the email first", async () => {
    const opportunity = await dataSource
      .getRepository(Opportunity)
      .save({ organisationId: organisation.id, name: 'Deal', ownerUserId: alice.ownerUserId });
    const internetMessageId = `<${randomUUID()}@fabrikam.example>`;
    const ruleFolder: IngestFolder = {
      id: 'rule-folder',
      kind: 'TRACKED',
      regarding: { type: 'OPPORTUNITY', id: opportunity.id },
    };
    // Alice's sync plans the page; before it commits, Bob's sync commits the same message.
    const alicePlan = await ingest.plan(alice, ruleFolder, [message(randomUUID(), { internetMessageId })]);
    await ingest.commit(
      await ingest.plan(bob, inbox, [message(randomUUID(), { internetMessageId })]),
      new Map(),
      [],
      null,
    );
    await ingest.commit(alicePlan, new Map(), [], null);
    const [row] = await dataSource.query(
      `SELECT "regardingId", "trackedBy" FROM email WHERE "internetMessageId" = $1`,
      [internetMessageId],
    );
    expect(row).toEqual({ regardingId: opportunity.id, trackedBy: 'FOLDER' });
  });

  it('ignores a tracking token too long to be one of Mailroom’s', async () => {
    const before = await counts();
    await apply(alice, [message(randomUUID(), { subject: `RE: offer CRM:${'9'.repeat(40)}` })]);
    expect(await counts()).toMatchObject({ emails: before.emails + 1 });
  });

  it('leaves drafts out', async () => {
    const before = await counts();
    await apply(alice, [message(randomUUID(), { isDraft: true })]);
    expect(await counts()).toEqual(before);
  });
});
