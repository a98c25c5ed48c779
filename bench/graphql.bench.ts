// GraphQL read paths under volume, through the real API (createApiServer in this process, HTTP on
// 127.0.0.1) against an ephemeral PostgreSQL and a redis-server:
// 1. `mailboxes` — the console's Mailboxes query (first 50, filter testRunStatus = FAILURE, ~15 %)
//    over 10,000 mailboxes, signed in as an administrator;
// 2. `timeline` — the console's Timeline query (first 50) of an opportunity with 10,000 emails
//    (threads of 1–6, parties, copies, HTML bodies rendered through the sanitiser).
// For each: server time p50/p95 over 300 requests after 50 warm-up requests, measured inside the
// API process from the HTTP request event to the response's `finish` (the client's fetch is in the
// same process but outside that window); SQL statements per request, counted by a TypeORM
// subscriber (`beforeQuery`) on the API's own DataSource — every statement TypeORM sends, transaction
// control included — for first: 10 vs 50 with 1,000 vs 10,000 rows (the row passes only when all
// four are equal). Reference in the same run: the page's main SQL statement, exactly as the API sent
// it (text and parameters), run directly through `pg` the same number of times (the timeline's as
// the API runs it: a named statement planned once per connection).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { pino } from 'pino';
import pg from 'pg';
import type { BeforeQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { createDataSource, type EmailPartyValue, type SecurityRoleName } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { loadConfig } from '../apps/api/src/config.ts';
import { createApiServer, type ApiServer } from '../apps/api/src/server.ts';
import { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { runMigrations } from '../packages/domain/src/data-source.ts';
import { startEphemeralPostgres } from '../tooling/ephemeral-postgres.ts';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer } from '../tooling/redis-server.ts';
import { seededRandom } from '../tooling/seeded-random.ts';
import { median, percentile, type Bench, type BenchRow } from './bench-table.ts';
import { print } from 'graphql';
import { MailboxesDocument, TimelineDocument } from '../apps/web/src/gql/graphql.ts';

const LARGE = 10_000;
const SMALL = 1_000;
const PAGE = 50;
const SMALL_PAGE = 10;
const WARM_UP = 50;
const SAMPLES = 300;
const TARGET_MS = 20;
const STATUS = 'FAILURE';
const PASSWORD = 'bench-pass';
const CONTACTS = 40;
const COLD_PAGES = 150;

// The console's own operations, as codegen compiled them for the web app (fragments included).
const MAILBOXES_QUERY = print(MailboxesDocument);
const TIMELINE_QUERY = print(TimelineDocument);

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam'];
const LAST_NAMES = ['Adams', 'Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen'];

interface Fixture {
  organisationId: string;
  adminEmail: string;
  profileId: string;
  /** Mailboxes seeded so far (including the two sales users'). */
  mailboxes: number;
  opportunityId: string;
  salesPro: { id: string; email: string; name: string; mailboxId: string };
  manager: { id: string; email: string; name: string; mailboxId: string };
  contacts: { id: string; email: string; name: string }[];
}

async function seedBase(dataSource: DataSource): Promise<Fixture> {
  const organisation = await newOrganisation(dataSource, 'Bench Co');
  const admin = await newUser(dataSource, organisation, {
    displayName: 'Avery Admin',
    primaryEmail: 'admin@contoso.example',
    roles: ['SYSTEM_ADMINISTRATOR'],
    password: PASSWORD,
  });
  const [profile] = (await dataSource.query(
    `SELECT id FROM email_server_profile WHERE "organisationId" = $1 AND "isDefault"`,
    [organisation.id],
  )) as { id: string }[];
  const salesUser = async (displayName: string, primaryEmail: string, roles: SecurityRoleName[]) => {
    const user = await newUser(dataSource, organisation, { displayName, primaryEmail, roles });
    const [mailbox] = (await dataSource.query(
      `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "emailServerProfileId",
          "incomingMethod", "outgoingMethod", "actMethod", "approvalStatus", "incomingStatus", "outgoingStatus",
          "actStatus", "testRunStatus", "enabledForIncoming", "enabledForOutgoing", "enabledForAct", "incomingFilter",
          "lastSyncAttemptAt", "lastSyncSuccessAt", version)
       VALUES ($1, $2, $3, $3, $4, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'APPROVED', 'SUCCESS',
          'SUCCESS', 'SUCCESS', 'SUCCESS', true, true, true, 'ALL_EMAIL', now(), now(), 1)
       RETURNING id`,
      [organisation.id, user.id, primaryEmail, profile!.id],
    )) as { id: string }[];
    return { id: user.id, email: primaryEmail, name: displayName, mailboxId: mailbox!.id };
  };
  const salesPro = await salesUser('Sam Seller', 'sam.seller@contoso.example', ['SALES_PROFESSIONAL']);
  const manager = await salesUser('Morgan Manager', 'morgan.manager@contoso.example', ['SALES_PROFESSIONAL_MANAGER']);
  const [account] = (await dataSource.query(
    `INSERT INTO account ("organisationId", name, "emailAddress", "ownerUserId")
     VALUES ($1, 'Fabrikam, Inc.', 'info@fabrikam.example', $2) RETURNING id`,
    [organisation.id, salesPro.id],
  )) as { id: string }[];
  const [opportunity] = (await dataSource.query(
    `INSERT INTO opportunity ("organisationId", name, "accountId", "estimatedValueMinor", "ownerUserId")
     VALUES ($1, 'Fabrikam renewal: 250 seats', $2, 9000000, $3) RETURNING id`,
    [organisation.id, account!.id, salesPro.id],
  )) as { id: string }[];
  const people = [
    ['Fiona', 'Fabrikam', 'Procurement lead'],
    ['Raj', 'Patel', 'IT director'],
    ['Lena', 'Vogel', 'CFO'],
    ['Tom', 'Okafor', 'Licensing'],
    ['Mia', 'Rossi', 'Assistant'],
    // The rest of a 250-seat customer's people in the CRM: team leads, admins, finance.
    ...Array.from({ length: CONTACTS - 5 }, (_, i) => [
      FIRST_NAMES[i % FIRST_NAMES.length]!,
      `${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!}${i}`,
      'Team lead',
    ]),
  ] as const;
  const contacts: Fixture['contacts'] = [];
  for (const [index, [first, last, title]] of people.entries()) {
    const email = `${first}.${last}@fabrikam.example`.toLowerCase();
    const [row] = (await dataSource.query(
      `INSERT INTO contact ("organisationId", "firstName", "lastName", "emailAddress", "jobTitle", "accountId", "ownerUserId")
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [organisation.id, first, last, email, title, account!.id, salesPro.id],
    )) as { id: string }[];
    if (index < 5) {
      await dataSource.query(
        `INSERT INTO opportunity_contact ("organisationId", "opportunityId", "contactId") VALUES ($1, $2, $3)`,
        [organisation.id, opportunity!.id, row!.id],
      );
    }
    contacts.push({ id: row!.id, email, name: `${first} ${last}` });
  }
  return {
    organisationId: organisation.id,
    adminEmail: admin.primaryEmail,
    profileId: profile!.id,
    mailboxes: 2,
    opportunityId: opportunity!.id,
    salesPro,
    manager,
    contacts,
  };
}

/** Users and their mailboxes in bulk until the organisation has `total` mailboxes, statuses mixed. */
async function addMailboxes(dataSource: DataSource, fixture: Fixture, total: number): Promise<void> {
  const next = seededRandom(total);
  for (let start = fixture.mailboxes; start < total; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - start) }, (_, k) => {
      const i = start + k;
      const first = FIRST_NAMES[Math.floor(next() * FIRST_NAMES.length)]!;
      const last = LAST_NAMES[Math.floor(next() * LAST_NAMES.length)]!;
      const r = next();
      // ~60 % tested and enabled, ~15 % failed (half of them disabled), ~25 % not yet approved or rejected.
      const status = r < 0.6 ? 'SUCCESS' : r < 0.75 ? 'FAILURE' : 'NOT_RUN';
      return {
        name: `${first} ${last}`,
        email: `${first}.${last}${i}@contoso.example`.toLowerCase(),
        approval: status === 'NOT_RUN' ? (r < 0.95 ? 'NOT_APPROVED' : 'REJECTED') : 'APPROVED',
        incoming: status === 'FAILURE' && r < 0.7 ? 'FAILURE' : status === 'NOT_RUN' ? 'NOT_RUN' : 'SUCCESS',
        outgoing: status === 'FAILURE' && r >= 0.7 ? 'FAILURE' : status === 'NOT_RUN' ? 'NOT_RUN' : 'SUCCESS',
        testRun: status,
        processing: status === 'FAILURE' && next() < 0.5 ? 'DISABLED' : 'ACTIVE',
        lastSync: status === 'SUCCESS' ? new Date(Date.now() - next() * 3_600_000).toISOString() : null,
      };
    });
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO app_user ("organisationId", "displayName", "primaryEmail", "primaryEmailLower", "userPrincipalName", "salesLicense", "exchangeLicenseValid")
       SELECT $1, n, e, e, e, 'SALES_PROFESSIONAL', true FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(n, e, o)
        ORDER BY o RETURNING id`,
      [fixture.organisationId, rows.map((r) => r.name), rows.map((r) => r.email)],
    );
    await dataSource.query(
      `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "emailServerProfileId",
          "incomingMethod", "outgoingMethod", "actMethod", "approvalStatus", "incomingStatus", "outgoingStatus",
          "testRunStatus", "processingState", "enabledForIncoming", "enabledForOutgoing", "lastSyncAttemptAt",
          "lastSyncSuccessAt", version)
       SELECT $1, u, e, e, $2, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', a, i, o, s, p,
              i = 'SUCCESS', o = 'SUCCESS', l, l, 1
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
              AS t(u, e, a, i, o, s, p, l)`,
      [
        fixture.organisationId,
        fixture.profileId,
        users.map((u) => u.id),
        rows.map((r) => r.email),
        rows.map((r) => r.approval),
        rows.map((r) => r.incoming),
        rows.map((r) => r.outgoing),
        rows.map((r) => r.testRun),
        rows.map((r) => r.processing),
        rows.map((r) => r.lastSync),
      ],
    );
  }
  fixture.mailboxes = Math.max(fixture.mailboxes, total);
}

const PARAGRAPHS = [
  'Thanks for the call this morning. As discussed, the renewal covers 250 seats of the Professional plan, with the option to add the analytics module for the regional teams from the second quarter.',
  'I have attached the revised proposal. The <b>multi-year discount</b> applies if the order is signed before the end of the month; the price per seat stays fixed for the whole term.',
  'Our legal team reviewed the data-processing addendum and has two small comments on clause 7.3 (sub-processors). Could you <a href="https://fabrikam.example/legal/dpa">check the marked-up version</a> before Thursday?',
  'Regarding the migration: we would plan the cut-over for a weekend, with the pilot group of 25 users going first. Training sessions can be booked through the usual portal.',
  'Please find the numbers below. Let me know if the split between the cost centres needs to change before we send the purchase order.',
];

/** An HTML body as mail clients write them: paragraphs, sometimes a table, a signature, the quoted thread. */
function htmlBody(next: () => number, from: string, n: number): string {
  const parts = [`<div dir="ltr"><p style="font-family:Calibri,sans-serif;font-size:11pt">Hi,</p>`];
  for (let p = 0, count = 1 + Math.floor(next() * 3); p < count; p++) {
    parts.push(
      `<p style="font-family:Calibri,sans-serif;font-size:11pt">${PARAGRAPHS[(n + p) % PARAGRAPHS.length]}</p>`,
    );
  }
  if (next() < 0.25) {
    parts.push(
      '<table border="1" cellpadding="4" cellspacing="0"><tr><th>Item</th><th align="right">Seats</th><th align="right">Price</th></tr>' +
        '<tr><td>Professional</td><td align="right">250</td><td align="right">€ 95.00</td></tr>' +
        '<tr><td>Analytics add-on</td><td align="right">40</td><td align="right">€ 18.00</td></tr></table>',
    );
  }
  parts.push(
    `<p style="color:#555555;font-size:9pt">Kind regards,<br>${from}<br><span style="color:#0078d4">Contoso Ltd.</span> · +44 20 7946 0${String(n % 1000).padStart(3, '0')}</p>`,
  );
  // Remote image (a tracking pixel): the sanitiser drops it.
  if (next() < 0.3) parts.push(`<img src="https://track.example/p/${n}.gif" width="1" height="1">`);
  if (next() < 0.7) {
    parts.push(
      `<div class="quote"><hr><p><b>From:</b> ${from}<br><b>Sent:</b> Monday<br><b>Subject:</b> Renewal</p>` +
        `<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">` +
        `<p>${PARAGRAPHS[(n + 3) % PARAGRAPHS.length]}</p><p>${PARAGRAPHS[(n + 4) % PARAGRAPHS.length]}</p></blockquote></div>`,
    );
  }
  parts.push('</div>');
  return parts.join('\n');
}

/**
 * Emails `from`…`to` (exclusive) regarding the opportunity, in threads of 1–6, alternately from
 * the salesperson and a contact, with their parties (JSON on the email, `email_party` rows for
 * the contacts) and copies in the salesperson's mailbox (and the manager's when copied).
 */
async function addEmails(dataSource: DataSource, fixture: Fixture, from: number, to: number): Promise<void> {
  const next = seededRandom(from + 17);
  const { salesPro, manager, contacts } = fixture;
  const userParty = (role: 'FROM' | 'TO' | 'CC', u: typeof salesPro): EmailPartyValue => ({
    role,
    address: u.email,
    name: u.name,
    resolvedType: 'USER',
    resolvedId: u.id,
  });
  const contactParty = (role: 'FROM' | 'TO' | 'CC', c: (typeof contacts)[number]): EmailPartyValue => ({
    role,
    address: c.email,
    name: c.name,
    resolvedType: 'CONTACT',
    resolvedId: c.id,
  });
  // Two years back, newest last; `from` shifts the window so a later batch is newer.
  const base = Date.now() - 2 * 365 * 86_400_000;
  const step = (2 * 365 * 86_400_000) / LARGE;
  for (let start = from; start < to;) {
    const rows: {
      direction: string;
      status: string;
      subject: string;
      contentType: string;
      body: string;
      preview: string;
      internetId: string;
      conversation: string;
      trackedBy: string;
      at: string;
      parties: EmailPartyValue[];
      copiedToManager: boolean;
    }[] = [];
    while (rows.length < 1000 && start < to) {
      const threadLength = Math.min(1 + Math.floor(next() * 6), to - start);
      const conversation = `AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQA${randomBytes(24).toString('base64url')}`;
      const topic = ['Renewal proposal', 'Pricing for 250 seats', 'DPA comments', 'Migration plan', 'Order form'][
        Math.floor(next() * 5)
      ]!;
      for (let k = 0; k < threadLength; k++, start++) {
        const outgoing = k % 2 === 0;
        // Mostly the opportunity's five contacts; now and then someone else at the account.
        const pick = () => contacts[next() < 0.8 ? Math.floor(next() * 5) : Math.floor(next() * contacts.length)]!;
        const contact = pick();
        const other = pick();
        const copiedToManager = next() < 0.2;
        const parties: EmailPartyValue[] = outgoing
          ? [userParty('FROM', salesPro), contactParty('TO', contact)]
          : [contactParty('FROM', contact), userParty('TO', salesPro)];
        if (other.id !== contact.id) parties.push(contactParty('CC', other));
        if (copiedToManager) parties.push(userParty('CC', manager));
        if (next() < 0.3) {
          parties.push({
            role: 'CC',
            address: 'purchasing@partner.example',
            name: null,
            resolvedType: null,
            resolvedId: null,
          });
        }
        const text = next() < 0.1;
        const body = text
          ? `Hi,\n\n${PARAGRAPHS[start % PARAGRAPHS.length]!.replace(/<[^>]+>/g, '')}\n\nThanks,\n${contact.name}`
          : htmlBody(next, outgoing ? salesPro.name : contact.name, start);
        rows.push({
          direction: outgoing ? 'OUTGOING' : 'INCOMING',
          status: outgoing ? 'SENT' : 'RECEIVED',
          subject: `${k === 0 ? '' : 'RE: '}${topic} CRM:${String(start + 1000).padStart(7, '0')}`,
          contentType: text ? 'text' : 'html',
          body,
          preview: body
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 255),
          internetId: `<${randomBytes(16).toString('hex')}@${outgoing ? 'contoso' : 'fabrikam'}.example>`,
          conversation,
          trackedBy: outgoing ? 'CRM' : 'FILTER',
          at: new Date(base + start * step + k * 3_600_000).toISOString(),
          parties,
          copiedToManager,
        });
      }
    }
    const inserted: { id: string }[] = await dataSource.query(
      `INSERT INTO email ("organisationId", direction, status, subject, "bodyContentType", body, preview,
          "internetMessageId", "conversationId", "regardingType", "regardingId", "trackedBy", "ownerUserId",
          "sendingMailboxId", "occurredAt", parties)
       SELECT $1, d, s, sub, ct, b, p, imi, conv, 'OPPORTUNITY', $2, src, $3,
              CASE WHEN d = 'OUTGOING' THEN $4::uuid END, at, ps::jsonb
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::timestamptz[], $15::text[]) WITH ORDINALITY
              AS t(d, s, sub, ct, b, p, imi, conv, src, at, ps, o)
        ORDER BY o
       RETURNING id`,
      [
        fixture.organisationId,
        fixture.opportunityId,
        salesPro.id,
        salesPro.mailboxId,
        rows.map((r) => r.direction),
        rows.map((r) => r.status),
        rows.map((r) => r.subject),
        rows.map((r) => r.contentType),
        rows.map((r) => r.body),
        rows.map((r) => r.preview),
        rows.map((r) => r.internetId),
        rows.map((r) => r.conversation),
        rows.map((r) => r.trackedBy),
        rows.map((r) => r.at),
        rows.map((r) => JSON.stringify(r.parties)),
      ],
    );
    const ids = inserted.map((r) => r.id);
    const partyRows = rows.flatMap((r, i) =>
      r.parties.filter((p) => p.resolvedType === 'CONTACT').map((p) => ({ ...p, emailId: ids[i]! })),
    );
    await dataSource.query(
      `INSERT INTO email_party ("emailId", role, address, name, "resolvedType", "resolvedId")
       SELECT e, r, a, n, t, rid FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[])
              AS x(e, r, a, n, t, rid)
       ON CONFLICT DO NOTHING`,
      [
        partyRows.map((p) => p.emailId),
        partyRows.map((p) => p.role),
        partyRows.map((p) => p.address),
        partyRows.map((p) => p.name),
        partyRows.map((p) => p.resolvedType),
        partyRows.map((p) => p.resolvedId),
      ],
    );
    const copies = rows.flatMap((r, i) => [
      { mailboxId: salesPro.mailboxId, emailId: ids[i]!, folder: r.direction === 'OUTGOING' ? 'sentitems' : 'inbox' },
      ...(r.copiedToManager ? [{ mailboxId: manager.mailboxId, emailId: ids[i]!, folder: 'inbox' }] : []),
    ]);
    await dataSource.query(
      `INSERT INTO email_copy ("mailboxId", "exchangeMessageId", "emailId", "organisationId", "folderId", "categoryTracked")
       SELECT m, x, e, $1, f, true FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[]) AS t(m, x, e, f)`,
      [
        fixture.organisationId,
        copies.map((c) => c.mailboxId),
        copies.map(() => `AAMkAGI2TG93AAA=${randomBytes(48).toString('base64url')}`),
        copies.map((c) => c.emailId),
        copies.map((c) => `AAMkAGI2TG93AAEuAAAAAAAi${c.folder}`),
      ],
    );
  }
}

/** Counts and records the SQL statements the API's DataSource sends. */
class StatementCounter implements EntitySubscriberInterface {
  statements: { query: string; parameters: unknown[] }[] = [];
  beforeQuery(event: BeforeQueryEvent): void {
    const parameters: unknown[] = Array.isArray(event.parameters) ? event.parameters : [];
    this.statements.push({ query: event.query, parameters });
  }
}

/** Server time per /graphql request: from Node's `request` event to the response's `finish`, in the API process. */
function serverTimer(api: ApiServer) {
  const times: number[] = [];
  api.httpServer.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/graphql')) return;
    const started = performance.now();
    res.once('finish', () => times.push(performance.now() - started));
  });
  return times;
}

/** The table a statement reads first, to summarise a request's statements in a note. */
function tableOf(query: string): string {
  const trimmed = query.trim();
  if (/^(START|BEGIN|COMMIT|ROLLBACK)/i.test(trimmed)) return trimmed.split(/\s/)[0]!.toUpperCase();
  if (/^WITH scope/i.test(trimmed)) return 'timeline page with its total';
  if (/^SELECT r\.type/i.test(trimmed)) return 'CRM records (4 kinds, one statement)';
  const match = /\bFROM\s+"?([a-z_]+)"?/i.exec(trimmed);
  const kind = /count\(/i.test(trimmed) ? ' count' : '';
  return `${match?.[1] ?? trimmed.slice(0, 20)}${kind}`;
}

function summarise(statements: { query: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(tableOf(s.query), (counts.get(tableOf(s.query)) ?? 0) + 1);
  return [...counts].map(([table, n]) => (n > 1 ? `${table} ×${n}` : table)).join(', ');
}

interface Probe {
  statements: number;
  list: { query: string; parameters: unknown[] }[];
  edges: number;
  totalCount: number;
}

export const graphqlBench: Bench = {
  name: 'graphql',
  async run(): Promise<BenchRow[]> {
    const [postgres, redis] = await Promise.all([
      startEphemeralPostgres(),
      freePort().then((port) => startRedisServer({ port })),
    ]);
    const seedSource = createDataSource({ url: postgres.url, poolSize: 2 });
    let api: ApiServer | undefined;
    const raw = new pg.Client({ connectionString: postgres.url });
    let rawConnected = false;
    try {
      await seedSource.initialize();
      await runMigrations(seedSource);
      const fixture = await seedBase(seedSource);
      await addMailboxes(seedSource, fixture, SMALL);
      await addEmails(seedSource, fixture, 0, SMALL);
      await seedSource.query('VACUUM ANALYZE');

      const config = loadConfig({
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        MAILROOM_SECRET_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'silent',
      });
      api = await createApiServer(config, pino({ level: 'silent' }));
      const counter = new StatementCounter();
      api.dataSource.subscribers.push(counter);
      const serverTimes = serverTimer(api);
      const port = await api.listen(0, '127.0.0.1');
      const admin = await new TestClient(`http://127.0.0.1:${port}`).signIn(fixture.adminEmail, PASSWORD);

      const mailboxesVars = (first: number) => ({ first, filter: { testRunStatus: STATUS } });
      const timelineVars = (first: number) => ({ regardingId: fixture.opportunityId, first });
      const call = async (query: string, variables: Record<string, unknown>) => {
        const result = await admin.request(query, variables);
        if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
        return Object.values(result.data)[0] as {
          edges: unknown[];
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const probe = async (query: string, variables: Record<string, unknown>): Promise<Probe> => {
        counter.statements = [];
        const connection = await call(query, variables);
        await new Promise((resolve) => setImmediate(resolve));
        const list = [...counter.statements];
        return { statements: list.length, list, edges: connection.edges.length, totalCount: connection.totalCount };
      };
      const probes = async () => ({
        mailboxes: [
          await probe(MAILBOXES_QUERY, mailboxesVars(SMALL_PAGE)),
          await probe(MAILBOXES_QUERY, mailboxesVars(PAGE)),
        ],
        timeline: [
          await probe(TIMELINE_QUERY, timelineVars(SMALL_PAGE)),
          await probe(TIMELINE_QUERY, timelineVars(PAGE)),
        ],
      });
      const small = await probes();

      await addMailboxes(seedSource, fixture, LARGE);
      await addEmails(seedSource, fixture, SMALL, LARGE);
      await seedSource.query('VACUUM ANALYZE');
      const large = await probes();

      type Run = { server: number[]; client: number[]; statements: number[]; cpuMs: number };
      /** One request: server time, client round trip, statements; appended to `run`. */
      const timed = async (run: Run, query: string, variables: Record<string, unknown>) => {
        counter.statements = [];
        const before = serverTimes.length;
        const started = performance.now();
        const connection = await call(query, variables);
        run.client.push(performance.now() - started);
        for (let spin = 0; serverTimes.length === before && spin < 1000; spin++) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (serverTimes.length === before) throw new Error('the server timer saw no request');
        run.server.push(serverTimes[before]!);
        run.statements.push(counter.statements.length);
        return connection;
      };
      /** Runs `requests` one after another; CPU of this process (API and client) per request. */
      const sequence = async (requests: (run: Run) => Promise<void>): Promise<Run> => {
        const run: Run = { server: [], client: [], statements: [], cpuMs: 0 };
        const cpu = process.cpuUsage();
        await requests(run);
        const used = process.cpuUsage(cpu);
        run.cpuMs = (used.user + used.system) / 1000 / run.server.length;
        return run;
      };
      /** Warm-up, then SAMPLES requests of the same page. */
      const measure = async (query: string, variables: Record<string, unknown>) => {
        for (let i = 0; i < WARM_UP; i++) await call(query, variables);
        return sequence(async (run) => {
          for (let i = 0; i < SAMPLES; i++) await timed(run, query, variables);
        });
      };
      const mailboxesRun = await measure(MAILBOXES_QUERY, mailboxesVars(PAGE));
      const timelineRun = await measure(TIMELINE_QUERY, timelineVars(PAGE));
      // First views: the timeline's next pages through `after`, no body on them sanitised before.
      const coldRun = await sequence(async (run) => {
        let cursor = (await call(TIMELINE_QUERY, timelineVars(PAGE))).pageInfo.endCursor;
        for (let i = 0; i < COLD_PAGES && cursor; i++) {
          const { pageInfo } = await timed(run, TIMELINE_QUERY, { ...timelineVars(PAGE), after: cursor });
          cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
        }
      });

      const load = loadavg()[0]!;

      // Reference: the page's main statement, as the API sent it, straight through pg.
      await raw.connect();
      rawConnected = true;
      type Statement = { query: string; parameters: unknown[] };
      /** `prepared`: as the API runs the timeline's statement (preparedQuery: named, planned once). */
      const rawTimes = async (statement: Statement, prepared = false) => {
        const times: number[] = [];
        if (prepared) await raw.query('SET plan_cache_mode = force_generic_plan');
        const config = prepared
          ? { name: 'bench_reference', text: statement.query, values: statement.parameters }
          : { text: statement.query, values: statement.parameters };
        for (let i = 0; i < WARM_UP + SAMPLES; i++) {
          const started = performance.now();
          await raw.query(config);
          if (i >= WARM_UP) times.push(performance.now() - started);
        }
        return times;
      };
      /** Every statement of one request, one after another on one connection (the API runs some side by side). */
      const replayAll = async (list: Statement[]) => {
        const times: number[] = [];
        for (let i = 0; i < WARM_UP + SAMPLES / 3; i++) {
          const started = performance.now();
          for (const statement of list) await raw.query(statement.query, statement.parameters);
          if (i >= WARM_UP) times.push(performance.now() - started);
        }
        return median(times);
      };
      const mailboxList = large.mailboxes[1]!.list;
      const timelineList = large.timeline[1]!.list;
      const mailboxesMain = mailboxList.find((st) => /ORDER BY/i.test(st.query) && /FROM "mailbox"/.test(st.query));
      const mailboxesCount = mailboxList.find((st) => /COUNT\(/i.test(st.query) && /FROM "mailbox"/.test(st.query));
      const timelineMain = timelineList.find((st) => /^\s*WITH scope/.test(st.query));
      if (!mailboxesMain || !timelineMain) throw new Error('main statements not found');
      const reference = {
        mailboxes: {
          main: await rawTimes(mailboxesMain),
          all: await replayAll(mailboxList),
          detail: mailboxesCount
            ? `its count statement via pg: median ${median(await rawTimes(mailboxesCount)).toFixed(2)} ms`
            : 'no separate count statement',
        },
        timeline: {
          main: await rawTimes(timelineMain, true),
          all: await replayAll(timelineList),
          detail:
            'the total comes with the page in the main statement, which runs named and planned once, as the API runs it',
        },
      };

      const counts = (p: typeof small, k: 'mailboxes' | 'timeline') => p[k].map((x) => x.statements);
      const timing = (run: Run) =>
        `p50 ${median(run.server).toFixed(2)} ms, p95 ${percentile(run.server, 0.95).toFixed(2)} ms, ` +
        `max ${Math.max(...run.server).toFixed(1)} ms (client round trip over 127.0.0.1: p50 ` +
        `${median(run.client).toFixed(2)} ms, p95 ${percentile(run.client, 0.95).toFixed(2)} ms); ` +
        `CPU of this process (API and client) ${run.cpuMs.toFixed(2)} ms per request`;
      const pageRow = (what: 'mailboxes' | 'timeline', label: string, run: Run): BenchRow => {
        const p95 = percentile(run.server, 0.95);
        const ref = reference[what];
        return {
          figure: `GraphQL ${label}: server p95`,
          value: p95,
          unit: 'ms',
          target: `≤ ${TARGET_MS} ms`,
          pass: p95 <= TARGET_MS,
          reference: { label: 'main SQL statement via pg, p95', value: percentile(ref.main, 0.95) },
          note:
            `server time (Node's request event → response finish, in the API process) ${timing(run)}; ` +
            `${SAMPLES} sequential requests of the same page after ${WARM_UP} warm-up; ` +
            `${large[what][1]!.edges} of ${large[what][1]!.totalCount.toLocaleString('en-US')}; ` +
            `main statement via pg: median ${median(ref.main).toFixed(2)} ms, p95 ${percentile(ref.main, 0.95).toFixed(2)} ms; ` +
            `${ref.detail}; all ${large[what][1]!.statements} statements replayed one after another via pg: ` +
            `median ${ref.all.toFixed(2)} ms; load average ${load.toFixed(2)} on ${cpus().length} cores`,
        };
      };
      const statementsRow = (what: 'mailboxes' | 'timeline', label: string, runs: Run[]): BenchRow => {
        const timedCounts = runs.flatMap((run) => run.statements);
        const constant = new Set([...counts(small, what), ...counts(large, what), ...timedCounts]).size === 1;
        const [s10, s50] = counts(small, what);
        const [l10, l50] = counts(large, what);
        return {
          figure: `GraphQL ${label}: SQL statements per request`,
          value: large[what][1]!.statements,
          unit: 'stmt',
          target: 'constant in page size and rows',
          pass: constant,
          note:
            `first ${SMALL_PAGE}/${PAGE} with ${SMALL.toLocaleString('en-US')} rows: ${s10}/${s50}; ` +
            `with ${LARGE.toLocaleString('en-US')} rows: ${l10}/${l50}; ` +
            `over the ${timedCounts.length} timed requests ${Math.min(...timedCounts)}–${Math.max(...timedCounts)}; ` +
            `every statement the API's DataSource sent (TypeORM beforeQuery subscriber), the sign-in lookup included: ` +
            summarise(large[what][1]!.list),
        };
      };
      const rows: BenchRow[] = [
        pageRow('mailboxes', `mailboxes page (${PAGE} of ${LARGE.toLocaleString('en-US')}, ${STATUS})`, mailboxesRun),
        statementsRow('mailboxes', 'mailboxes page', [mailboxesRun]),
        pageRow('timeline', `timeline page (${PAGE} of ${LARGE.toLocaleString('en-US')} emails)`, timelineRun),
        {
          figure: 'GraphQL timeline, first views of next pages: server p95',
          value: percentile(coldRun.server, 0.95),
          unit: 'ms',
          target: 'informative',
          pass: null,
          note:
            `${coldRun.server.length} pages after the first, through \`after\`, each requested once, so none of ` +
            `their bodies was sanitised before (the API keeps sanitised bodies): ${timing(coldRun)}`,
        },
        statementsRow('timeline', 'timeline page', [timelineRun, coldRun]),
      ];
      return rows;
    } finally {
      if (rawConnected) await raw.end().catch(() => undefined);
      await api?.stop();
      if (seedSource.isInitialized) await seedSource.destroy();
      await Promise.all([redis.stop(), postgres.stop()]);
    }
  },
};
