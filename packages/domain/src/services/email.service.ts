import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { Email, EmailCopy, EmailParty, FolderTrackingRule, type EmailPartyValue } from '../entities/email.entities.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Appointment, Task } from '../entities/activity.entities.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { IncomingFilter } from '../enums.ts';
import { DomainError, notFound } from '../errors.ts';
import { ExchangeError, type ExchangeGatewayFactory, type MailFolderInfo } from '../exchange-gateway.ts';
import { isUuid } from '../ids.ts';
import { isAdministrator, isManager, type Principal } from '../principal.ts';
import {
  formatTrackingToken,
  MAX_FOLDER_RULES,
  TRACKED_CATEGORY,
  withTrackingToken,
} from '../rules/email-tracking.rule.ts';
import { CrmRecordService, type CrmRecordRef } from './crm-records.service.ts';
import { EmailIngestService, onTimelines, resolveAddresses } from './email-ingest.service.ts';
import { entityColumns, entityFromRow } from './entity-rows.ts';
import { preparedQuery } from './prepared-query.ts';
import { profileConnection, profileOf } from './exchange-connection.ts';
import { MailboxService } from './mailbox.service.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';
import type { SecretCipher } from './secret-cipher.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_RECIPIENTS = 100;
const MAX_SUBJECT = 900;
const MAX_BODY = 1_000_000;

export interface SendEmailInput {
  regardingId: string;
  to: readonly string[];
  cc?: readonly string[] | null;
  subject: string;
  /** HTML as written in the composer; sanitised when shown, sent as written. */
  body: string;
}

/** Addresses as typed: trimmed, lower-cased, de-duplicated; one that is not an address is a BAD_USER_INPUT naming the field. */
export function addressList(values: readonly string[] | null | undefined, field: string): string[] {
  const list = [...new Set((values ?? []).map((v) => v.trim().toLowerCase()).filter(Boolean))];
  for (const address of list) {
    if (address.length > 320 || !EMAIL.test(address)) {
      throw new DomainError('BAD_USER_INPUT', `"${address}" in ${field} is not an email address.`);
    }
  }
  return list;
}

/** What a timeline holds. */
export type Activity = Email | Task | Appointment;

/**
 * A timeline page ranks threads from the record's newest emails, this many per row of the page
 * (a thread of several emails takes several), before falling back on ranking all of them.
 */
const RECENT_PER_PAGE_ROW = 10;

/**
 * A timeline page, with the Exchange copies of its emails (as `copiesOf` gives them) and the
 * record itself (as the user may see it), which most of its activities regard.
 */
export interface TimelinePage extends Page<Activity> {
  copies: Map<string, (EmailCopy & { emailAddress: string })[]>;
  record: CrmRecordRef;
}

/** A timeline entry's sort key: its thread's latest activity, the thread, then the activity itself. */
interface TimelineRow {
  id: string;
  threadAt: Date;
  threadKey: string;
  occurredAt: Date;
}

/**
 * Email from the CRM's side: sending from a record, timelines, and tracking by hand or by folder.
 * Sending only queues the email (Pending send); a worker sends it through the owner's mailbox.
 */
export class EmailService {
  private readonly records: CrmRecordService;
  private readonly mailboxes: MailboxService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
  ) {
    this.records = new CrmRecordService(dataSource);
    this.mailboxes = new MailboxService(dataSource);
  }

  /** Queues an email from a record, to be sent through the signed-in user's mailbox. */
  async send(principal: Principal, input: SendEmailInput): Promise<Email> {
    const regarding = await this.records.visibleRecord(principal, input.regardingId, 'The record to send from');
    const to = addressList(input.to, 'To');
    const cc = addressList(input.cc, 'Cc').filter((a) => !to.includes(a));
    if (to.length === 0) throw new DomainError('BAD_USER_INPUT', 'Add at least one recipient in To.');
    if (to.length + cc.length > MAX_RECIPIENTS) {
      throw new DomainError('BAD_USER_INPUT', `An email can have at most ${MAX_RECIPIENTS} recipients.`);
    }
    const subject = input.subject.trim();
    if (!subject || subject.length > MAX_SUBJECT) {
      throw new DomainError('BAD_USER_INPUT', `The subject must be 1 to ${MAX_SUBJECT} characters.`);
    }
    if (input.body.length > MAX_BODY) throw new DomainError('BAD_USER_INPUT', 'The message body is larger than 1 MB.');

    const mailbox = await this.dataSource
      .getRepository(Mailbox)
      .findOneBy({ organisationId: principal.organisationId, ownerUserId: principal.userId });
    if (!mailbox) {
      throw new DomainError(
        'CONFLICT',
        'You have no mailbox in Mailroom; ask an administrator to run Configure email.',
      );
    }
    if (
      mailbox.outgoingMethod !== 'SERVER_SIDE_SYNC' ||
      !mailbox.enabledForOutgoing ||
      mailbox.processingState !== 'ACTIVE'
    ) {
      throw new DomainError(
        'CONFLICT',
        `Your mailbox ${mailbox.emailAddress} is not enabled for outgoing email; ask an administrator to run Approve and test on it.`,
      );
    }
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: principal.organisationId });

    return this.dataSource.transaction(async (db) => {
      let token: string | null = null;
      if (organisation.trackingTokenEnabled) {
        const [{ n }] = (await db.query(`SELECT nextval('email_tracking_number') AS n`)) as [{ n: string }];
        token = formatTrackingToken(organisation.trackingTokenPrefix, Number(n));
      }
      const resolved = new Map(
        (await resolveAddresses(db, principal.organisationId, [mailbox.emailAddress.toLowerCase(), ...to, ...cc])).map(
          (r) => [r.address, r],
        ),
      );
      const parties: EmailPartyValue[] = [
        { role: 'FROM' as const, address: mailbox.emailAddress.toLowerCase() },
        ...to.map((address) => ({ role: 'TO' as const, address })),
        ...cc.map((address) => ({ role: 'CC' as const, address })),
      ].map((p) => ({
        ...p,
        name: null,
        resolvedType: resolved.get(p.address)?.type ?? null,
        resolvedId: resolved.get(p.address)?.id ?? null,
      }));
      const email = await db.getRepository(Email).save(
        db.getRepository(Email).create({
          organisationId: principal.organisationId,
          direction: 'OUTGOING',
          status: 'PENDING_SEND',
          subject: token ? withTrackingToken(subject, token) : subject,
          bodyContentType: 'html',
          body: input.body,
          preview: input.body
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 255),
          trackingToken: token,
          // Mailroom names the message, so every copy of it (the sender's Sent Items, colleagues'
          // inboxes) is recognised as this email, whenever Exchange files them.
          internetMessageId: `<${randomUUID().replaceAll('-', '')}@${mailbox.emailAddress.split('@')[1] ?? 'mailroom.invalid'}>`,
          regardingType: regarding.type,
          regardingId: regarding.id,
          trackedBy: 'CRM',
          ownerUserId: principal.userId,
          sendingMailboxId: mailbox.id,
          occurredAt: new Date(),
          parties,
        }),
      );
      const recordParties = parties.filter(onTimelines);
      if (recordParties.length > 0) {
        await db.getRepository(EmailParty).insert(
          recordParties.map((p) => ({
            ...p,
            emailId: email.id,
            resolvedType: p.resolvedType!,
            resolvedId: p.resolvedId!,
          })),
        );
      }
      return email;
    });
  }

  /**
   * A record's timeline, newest thread first and each thread's emails together (newest first):
   * emails regarding the record, with it among their parties, or — for an account — regarding
   * its contacts and opportunities; and the tasks and appointments regarding them (appointments
   * also where they are among the attendees).
   */
  async timeline(
    principal: Principal,
    recordId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<TimelinePage> {
    const record = await this.records.visibleRecord(principal, recordId);
    const limit = pageSize(first);
    const cursor = after ? decodeCursor(after, 4) : null;
    // The record, and for an account the contacts and opportunities under it that the user may see
    // (email with no regarding reaches a timeline through these, as a party).
    const mayOwn = `($4 OR "ownerUserId" = $3
      OR ($5 AND "ownerUserId" IN (SELECT id FROM app_user WHERE "managerUserId" = $3 AND "organisationId" = $1)))`;
    // An activity regarding a record the user may not see stays hidden, even where it reaches
    // the timeline through a party or attendee (an account's timeline also rolls up contacts and
    // opportunities that others may own).
    const recordVisible = (id: string) => `($4
      OR EXISTS (SELECT 1 FROM (SELECT id, "ownerUserId" FROM opportunity UNION ALL SELECT id, "ownerUserId" FROM account
                                UNION ALL SELECT id, "ownerUserId" FROM contact UNION ALL SELECT id, "ownerUserId" FROM lead) r
                  WHERE r.id = ${id} AND ${mayOwn}))`;
    const regardingVisible = (alias: string) =>
      `(${alias}."regardingId" IS NULL OR ${alias}."ownerUserId" = $3 OR ${recordVisible(`${alias}."regardingId"`)})`;
    // The scope holds only records the user may see (the record itself was checked above; checked
    // again here, once), so emails regarding them need no visibility test of their own.
    const scope = `WITH scope AS (
        SELECT $2::uuid AS id WHERE ${recordVisible('$2')}
        UNION SELECT id FROM opportunity WHERE "accountId" = $2 AND "organisationId" = $1 AND ${mayOwn}
        UNION SELECT id FROM contact WHERE "accountId" = $2 AND "organisationId" = $1 AND ${mayOwn}
      )`;
    // Entries are grouped by thread (an email's conversation; an email without one, a task and an
    // appointment are threads of their own) and a thread takes its latest entry's time. Emails
    // regarding the record itself — nearly all of a busy record's timeline — are ranked into
    // threads straight from the index IDX_email_timeline_thread, which holds them in conversation
    // order (one streaming pass, no sort or hash of 10,000 rows, no heap access); the rest are few.
    const regarding = `FROM email e WHERE e."regardingId" = $2 AND e."organisationId" = $1 AND e.tracked`;
    // A thread's key: its hash (email.threadHash is that of its conversation, or of the email
    // itself when it has none; a task or an appointment is hashed the same way).
    const ownThread = (alias: string) => `hashtextextended(${alias}.id::text, 0)`;
    const others = [
      // Emails regarding what is under an account (its contacts and opportunities).
      ...(record.type === 'ACCOUNT'
        ? [
            `SELECT 'EMAIL', e."threadHash", e."occurredAt", e.id FROM email e
              WHERE e."regardingId" = ANY (ARRAY(SELECT id FROM scope WHERE id <> $2)) AND e."organisationId" = $1 AND e.tracked`,
          ]
        : []),
      // Emails they took part in (a resolved party) regarding something else, or nothing.
      `SELECT 'EMAIL', e."threadHash", e."occurredAt", e.id FROM email e
        WHERE e.id = ANY (ARRAY(SELECT "emailId" FROM email_party WHERE "resolvedId" = ANY (ARRAY(SELECT id FROM scope))))
          AND e."organisationId" = $1 AND e.tracked
          AND (e."regardingId" IS NULL OR e."regardingId" <> ALL (ARRAY(SELECT id FROM scope)))
          AND ${regardingVisible('e')}`,
      // Tasks regarding the record (or, for an account, the contacts and opportunities under it the
      // user may see).
      `SELECT 'TASK', ${ownThread('t')}, t."createdAt", t.id FROM task t
        WHERE t."organisationId" = $1 AND t."deletedAt" IS NULL AND t."regardingId" = ANY (ARRAY(SELECT id FROM scope))`,
      // Appointments regarding them, or with them among the attendees.
      `SELECT 'APPOINTMENT', ${ownThread('a')}, a."startAt", a.id FROM appointment a
        WHERE a."organisationId" = $1 AND a."deletedAt" IS NULL
          AND (a."regardingId" = ANY (ARRAY(SELECT id FROM scope))
               OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.attendees) x
                           WHERE x->>'resolvedType' IN ('CONTACT', 'LEAD', 'ACCOUNT')
                             AND (x->>'resolvedId')::uuid IN (SELECT id FROM scope)))
          AND ${regardingVisible('a')}`,
    ];
    // One statement: the page (one row more, to tell whether another follows) and the total. The
    // total row comes back even when the page is empty. The cursor is the last entry's sort key:
    // (thread time, thread key, own time, id).
    const rows: (TimelineRow & {
      kind: 'EMAIL' | 'TASK' | 'APPOINTMENT' | null;
      totalCount: number;
    } & Record<string, unknown>)[] = await preparedQuery(
      this.dataSource,
      `${scope}, others (kind, "threadKey", "occurredAt", id) AS MATERIALIZED (
          ${others.join('\n          UNION ALL ')}
        ), wanted AS (
          -- How many of the record's own threads a page can use: a page's worth, plus one per
          -- thread of the rest (which may move one of them up).
          SELECT $10 + (SELECT count(DISTINCT "threadKey") FROM others) AS n
        ), recent AS MATERIALIZED (
          -- The record's newest emails up to the cursor: a thread's newest email is where it
          -- first appears, so the threads a page shows are usually all among them.
          SELECT e."threadHash" AS "threadKey", e."occurredAt" ${regarding}
             AND ($6::timestamptz IS NULL OR e."occurredAt" <= $6::timestamptz)
           ORDER BY e."occurredAt" DESC LIMIT $11
        ), recent_threads AS (
          -- Each at its newest email (one index probe), unless the cursor has passed it.
          SELECT r."threadKey", l."threadAt" FROM (SELECT DISTINCT "threadKey" FROM recent) r
           CROSS JOIN LATERAL (SELECT max(x."occurredAt") AS "threadAt" FROM email x
                                WHERE x."regardingId" = $2 AND x."organisationId" = $1 AND x.tracked
                                  AND x."threadHash" = r."threadKey") l
           WHERE $6::timestamptz IS NULL OR (l."threadAt", r."threadKey") <= ($6::timestamptz, $7::bigint)
        ), complete AS (
          -- Exact when the newest emails were all there is up to the cursor, or hold enough threads
          -- newer than the oldest of them (a thread not among them is older than that).
          SELECT (SELECT count(*) FROM recent) < $11
              OR (SELECT count(*) FROM recent_threads WHERE "threadAt" > (SELECT min("occurredAt") FROM recent))
                 >= (SELECT n FROM wanted) AS ok
        ), regarding_threads AS (
          (SELECT "threadKey", "threadAt" FROM recent_threads WHERE (SELECT ok FROM complete)
            ORDER BY "threadAt" DESC, "threadKey" DESC LIMIT (SELECT n FROM wanted))
          UNION ALL
          -- Otherwise (threads of hundreds of emails) every thread of the record is ranked, from the
          -- index in thread order.
          (SELECT "threadKey", "threadAt" FROM (
             SELECT e."threadHash" AS "threadKey", max(e."occurredAt") AS "threadAt" ${regarding} GROUP BY e."threadHash"
           ) a
            WHERE NOT (SELECT ok FROM complete)
              AND ($6::timestamptz IS NULL OR ("threadAt", "threadKey") <= ($6::timestamptz, $7::bigint))
            ORDER BY "threadAt" DESC, "threadKey" DESC LIMIT (SELECT n FROM wanted))
        ), threads AS (
          -- The page's threads, the rest's entries included.
          SELECT "threadKey", max("threadAt") AS "threadAt" FROM (
            SELECT "threadKey", "threadAt" FROM regarding_threads
            UNION ALL SELECT "threadKey", "occurredAt" FROM others
          ) t GROUP BY "threadKey"
          HAVING $6::timestamptz IS NULL OR (max("threadAt"), "threadKey") <= ($6::timestamptz, $7::bigint)
          ORDER BY "threadAt" DESC, "threadKey" DESC
          LIMIT $10
        )
        SELECT total.n AS "totalCount", page.*, ${entityColumns(this.dataSource, Email, 'em')},
               -- Its Exchange copies too, in the order copiesOf gives them.
               CASE WHEN page.kind = 'EMAIL' THEN (
                 SELECT COALESCE(json_agg(to_jsonb(c) || jsonb_build_object('emailAddress', m."emailAddress")
                                          ORDER BY m."emailAddress"), '[]')
                   FROM email_copy c JOIN mailbox m ON m.id = c."mailboxId" WHERE c."emailId" = page.id) END AS "copies"
          FROM (SELECT ((SELECT count(*) ${regarding}) + (SELECT count(*) FROM others))::int AS n) total
          LEFT JOIN LATERAL (
            SELECT * FROM (
              SELECT 'EMAIL' AS kind, t."threadAt", t."threadKey", e."occurredAt", e.id
                FROM threads t JOIN email e
                  ON e."regardingId" = $2 AND e."organisationId" = $1 AND e.tracked
                 AND e."threadHash" = t."threadKey"
              UNION ALL
              SELECT o.kind, t."threadAt", t."threadKey", o."occurredAt", o.id
                FROM threads t JOIN others o ON o."threadKey" = t."threadKey"
            ) entries
             WHERE $6::timestamptz IS NULL
                OR (entries."threadAt", entries."threadKey", entries."occurredAt", entries.id)
                   < ($6::timestamptz, $7::bigint, $8::timestamptz, $9::uuid)
             ORDER BY "threadAt" DESC, "threadKey" DESC, "occurredAt" DESC, id DESC
             LIMIT $10
          ) page ON true
          -- The page's emails come with it (tasks and appointments, rarer, are loaded after).
          LEFT JOIN email em ON page.kind = 'EMAIL' AND em.id = page.id
         ORDER BY page."threadAt" DESC, page."threadKey" DESC, page."occurredAt" DESC, page.id DESC`,
      [
        principal.organisationId,
        recordId,
        principal.userId,
        isAdministrator(principal),
        isManager(principal),
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        cursor?.[2] ?? null,
        cursor?.[3] ?? null,
        limit + 1,
        RECENT_PER_PAGE_ROW * (limit + 1),
      ],
    );
    const count = rows[0]?.totalCount ?? 0;
    const entries = rows.filter((r) => r.id !== null);
    const page = entries.slice(0, limit);
    const idsOf = (kind: string) => page.filter((r) => r.kind === kind).map((r) => r.id);
    const emails = page
      .filter((r) => r.kind === 'EMAIL' && r['em.id'] !== null)
      .map((r) => entityFromRow(this.dataSource, Email, 'em', r));
    // Only the other kinds the page holds are loaded, each in one query.
    const [tasks, appointments] = await Promise.all([
      idsOf('TASK').length ? this.dataSource.getRepository(Task).findBy({ id: In(idsOf('TASK')) }) : [],
      idsOf('APPOINTMENT').length
        ? this.dataSource.getRepository(Appointment).findBy({ id: In(idsOf('APPOINTMENT')) })
        : [],
    ]);
    const byId = new Map<string, Activity>([...emails, ...tasks, ...appointments].map((e) => [e.id, e]));
    const sortKey = new Map(page.map((r) => [r.id, r]));
    const items = page.map((r) => byId.get(r.id)).filter((e): e is Activity => e !== undefined);
    // pg returns the copies as JSON: their one timestamp is made a Date again, as copiesOf gives it.
    const copies = new Map(
      page
        .filter((r) => r.kind === 'EMAIL' && Array.isArray(r.copies))
        .map((r) => [
          r.id,
          (r.copies as (EmailCopy & { emailAddress: string; createdAt: string | Date })[]).map((c) => ({
            ...c,
            createdAt: new Date(c.createdAt),
          })),
        ]),
    );
    return {
      items,
      copies,
      record,
      hasNextPage: entries.length > limit,
      totalCount: count,
      cursorOf: (activity) => {
        const row = sortKey.get(activity.id)!;
        return encodeCursor([
          new Date(row.threadAt).toISOString(),
          row.threadKey,
          new Date(row.occurredAt).toISOString(),
          row.id,
        ]);
      },
    };
  }

  /** Emails of the organisation by id (the caller already decided visibility through a timeline or record). */
  async byIds(principal: Principal, ids: readonly string[]): Promise<Email[]> {
    const valid = ids.filter(isUuid);
    return valid.length
      ? this.dataSource.getRepository(Email).findBy({ id: In(valid), organisationId: principal.organisationId })
      : [];
  }

  /** One email, if the user may see the record it is regarding (or owns it). */
  async get(principal: Principal, id: string): Promise<Email | null> {
    const [email] = await this.byIds(principal, [id]);
    if (!email) return null;
    if (isAdministrator(principal) || email.ownerUserId === principal.userId) return email;
    if (email.regardingId)
      return (await this.records.recordNames(principal, [email.regardingId])).size > 0 ? email : null;
    // Regarding nothing: visible to whoever may see one of the records it was exchanged with.
    const records = email.parties.filter(onTimelines).map((p) => p.resolvedId!);
    return (await this.records.recordNames(principal, records)).size > 0 ? email : null;
  }

  async copiesOf(emailIds: readonly string[]): Promise<Map<string, (EmailCopy & { emailAddress: string })[]>> {
    const result = new Map<string, (EmailCopy & { emailAddress: string })[]>(emailIds.map((id) => [id, []]));
    if (emailIds.length === 0) return result;
    const rows: (EmailCopy & { emailAddress: string })[] = await this.dataSource.query(
      `SELECT c.*, m."emailAddress" FROM email_copy c JOIN mailbox m ON m.id = c."mailboxId"
        WHERE c."emailId" = ANY($1::uuid[]) ORDER BY m."emailAddress"`,
      [emailIds],
    );
    for (const row of rows) result.get(row.emailId)?.push(row);
    return result;
  }

  /** Resolves a mailbox the user works with: their own, or any for an administrator. */
  private async ownMailbox(principal: Principal, mailboxId: string): Promise<Mailbox> {
    const mailbox = await this.mailboxes.get(principal, mailboxId);
    if (!mailbox || (!isAdministrator(principal) && mailbox.ownerUserId !== principal.userId)) {
      throw notFound('That mailbox');
    }
    return mailbox;
  }

  private async gatewayFor(mailbox: Mailbox) {
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: mailbox.organisationId });
    const profile = await profileOf(this.dataSource, mailbox);
    const connection = profile ? profileConnection(organisation, profile, this.cipher) : null;
    if (!connection) {
      throw new DomainError(
        'NEEDS_EXCHANGE_SUBSCRIPTION',
        'Connect the organisation to its Microsoft 365 tenant first.',
      );
    }
    return { organisation, gateway: this.gateways(connection) };
  }

  /** What the App for Outlook's "Track" does: the message becomes an email regarding the chosen record. */
  async track(
    principal: Principal,
    mailboxId: string,
    exchangeMessageId: string,
    regardingId: string | null | undefined,
  ): Promise<Email> {
    const mailbox = await this.ownMailbox(principal, mailboxId);
    const regarding = regardingId ? await this.records.visibleRecord(principal, regardingId) : null;
    const { organisation, gateway } = await this.gatewayFor(mailbox);
    const message = await exchangeCall(() => gateway.getMessage(mailbox.emailAddress, exchangeMessageId));
    const ingest = new EmailIngestService(this.dataSource);
    const folder = {
      id: message.folderId ?? 'inbox',
      kind: 'MANUAL' as const,
      regarding: regarding ? { type: regarding.type, id: regarding.id } : null,
    };
    const categories = message.categories.includes(TRACKED_CATEGORY)
      ? message.categories
      : [...message.categories, TRACKED_CATEGORY];
    const plan = await ingest.plan(
      {
        id: mailbox.id,
        organisationId: mailbox.organisationId,
        ownerUserId: mailbox.ownerUserId,
        emailAddress: mailbox.emailAddress,
        incomingFilter: mailbox.incomingFilter,
        trackingTokenPrefix: organisation.trackingTokenPrefix,
      },
      folder,
      [{ ...message, categories }],
    );
    // Shows the message as tracked in every Exchange client (removing the category untracks it);
    // set before the email is recorded, so only a later change can untrack it.
    await exchangeCall(() => gateway.setCategories(mailbox.emailAddress, message.id, categories));
    await ingest.commit(plan, new Map([[message.id, message.inReplyTo ?? null]]), [], null);
    const copy = await this.dataSource.getRepository(EmailCopy).findOneByOrFail({ mailboxId, exchangeMessageId });
    return this.dataSource.getRepository(Email).findOneByOrFail({ id: copy.emailId });
  }

  /** Untracks an email: it leaves timelines, and its Exchange copies lose the tracking category. */
  async untrack(principal: Principal, emailId: string): Promise<Email> {
    const email = await this.get(principal, emailId);
    if (!email) throw notFound('That email');
    if (email.direction === 'OUTGOING' && email.trackedBy === 'CRM') {
      throw new DomainError('CONFLICT', 'Email sent from Mailroom stays on its record; it cannot be untracked.');
    }
    await this.dataSource.getRepository(Email).update({ id: email.id }, { tracked: false, updatedAt: new Date() });
    const copies = await this.dataSource.getRepository(EmailCopy).findBy({ emailId: email.id, categoryTracked: true });
    for (const copy of copies) {
      const mailbox = await this.dataSource.getRepository(Mailbox).findOneByOrFail({ id: copy.mailboxId });
      const { gateway } = await this.gatewayFor(mailbox);
      try {
        const message = await gateway.getMessage(mailbox.emailAddress, copy.exchangeMessageId);
        await gateway.setCategories(
          mailbox.emailAddress,
          copy.exchangeMessageId,
          message.categories.filter((c) => c !== TRACKED_CATEGORY),
        );
        await this.dataSource
          .getRepository(EmailCopy)
          .update({ mailboxId: copy.mailboxId, exchangeMessageId: copy.exchangeMessageId }, { categoryTracked: false });
      } catch (error) {
        // The message may be gone from Exchange; untracking in Mailroom stands either way.
        if (!(error instanceof ExchangeError)) throw error;
      }
    }
    return { ...email, tracked: false };
  }

  /** The mailbox's folders under the Inbox: the ones a tracking rule may map. */
  async trackableFolders(principal: Principal, mailboxId: string): Promise<MailFolderInfo[]> {
    const mailbox = await this.ownMailbox(principal, mailboxId);
    const { gateway } = await this.gatewayFor(mailbox);
    const [folders, inboxId] = await exchangeCall(() =>
      Promise.all([gateway.listFolders(mailbox.emailAddress), gateway.folderId(mailbox.emailAddress, 'inbox')]),
    );
    const byId = new Map(folders.map((f) => [f.id, f]));
    const underInbox = (folder: MailFolderInfo): boolean => {
      let parent = folder.parentFolderId ? byId.get(folder.parentFolderId) : undefined;
      for (let depth = 0; parent && depth < 32; depth += 1) {
        if (parent.id === inboxId) return true;
        parent = parent.parentFolderId ? byId.get(parent.parentFolderId) : undefined;
      }
      return false;
    };
    return folders.filter(underInbox).sort((a, b) => a.path.localeCompare(b.path));
  }

  async folderRules(principal: Principal, mailboxId: string): Promise<FolderTrackingRule[]> {
    await this.ownMailbox(principal, mailboxId);
    return this.dataSource
      .getRepository(FolderTrackingRule)
      .find({ where: { mailboxId }, order: { folderPath: 'ASC' } });
  }

  /** Maps a folder under the Inbox to a record (at most 25 rules per user; not for queue mailboxes). */
  async createFolderRule(
    principal: Principal,
    mailboxId: string,
    folderId: string,
    regardingId: string | null | undefined,
  ): Promise<FolderTrackingRule> {
    const mailbox = await this.ownMailbox(principal, mailboxId);
    if (!mailbox.ownerUserId) {
      throw new DomainError('BAD_USER_INPUT', 'Folder tracking rules are not available for queue mailboxes.');
    }
    const regarding = regardingId ? await this.records.visibleRecord(principal, regardingId) : null;
    const folder = (await this.trackableFolders(principal, mailboxId)).find((f) => f.id === folderId);
    if (!folder) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'Folder tracking rules apply only to folders under the Inbox; pick one of those.',
      );
    }
    return this.dataSource.transaction(async (db) => {
      // Serialises rule creation per user, so two requests cannot both take the 25th place.
      await db.query(`SELECT id FROM app_user WHERE id = $1 FOR UPDATE`, [mailbox.ownerUserId]);
      const count = await db.getRepository(FolderTrackingRule).countBy({ userId: mailbox.ownerUserId! });
      if (count >= MAX_FOLDER_RULES) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `A user can have at most ${MAX_FOLDER_RULES} folder tracking rules; delete one before adding another.`,
        );
      }
      if (await db.getRepository(FolderTrackingRule).existsBy({ mailboxId, folderId })) {
        throw new DomainError('CONFLICT', `The folder ${folder.path} already has a tracking rule.`);
      }
      const repository = db.getRepository(FolderTrackingRule);
      return repository.save(
        repository.create({
          organisationId: mailbox.organisationId,
          mailboxId,
          userId: mailbox.ownerUserId!,
          folderId,
          folderPath: folder.path,
          regardingType: regarding?.type ?? null,
          regardingId: regarding?.id ?? null,
        }),
      );
    });
  }

  async deleteFolderRule(principal: Principal, ruleId: string): Promise<boolean> {
    const rule = isUuid(ruleId)
      ? await this.dataSource
          .getRepository(FolderTrackingRule)
          .findOneBy({ id: ruleId, organisationId: principal.organisationId })
      : null;
    if (!rule) throw notFound('That folder rule');
    await this.ownMailbox(principal, rule.mailboxId);
    await this.dataSource.getRepository(FolderTrackingRule).delete({ id: rule.id });
    return true;
  }

  /** Changes which incoming email becomes CRM email (the owner or an administrator). */
  async setIncomingFilter(principal: Principal, mailboxId: string, filter: IncomingFilter): Promise<Mailbox> {
    const mailbox = await this.ownMailbox(principal, mailboxId);
    await this.dataSource.getRepository(Mailbox).update({ id: mailbox.id }, { incomingFilter: filter });
    return { ...mailbox, incomingFilter: filter };
  }

  /** Turns folder-level tracking on or off for a mailbox. */
  async setFolderTracking(principal: Principal, mailboxId: string, enabled: boolean): Promise<Mailbox> {
    const mailbox = await this.ownMailbox(principal, mailboxId);
    await this.dataSource.getRepository(Mailbox).update({ id: mailbox.id }, { folderTrackingEnabled: enabled });
    return { ...mailbox, folderTrackingEnabled: enabled };
  }
}

/** Exchange failures during an interactive call become errors the user can act on. */
async function exchangeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ExchangeError)) throw error;
    if (error.kind === 'NOT_FOUND')
      throw new DomainError('NOT_FOUND', 'Exchange has no such message or folder in this mailbox.');
    if (error.kind === 'THROTTLED' || error.kind === 'TRANSIENT') {
      throw new DomainError('CONFLICT', 'Exchange Online is busy or unavailable; try again in a minute.');
    }
    throw new DomainError(
      'CONFLICT',
      `Exchange Online refused the request (${error.kind.toLowerCase().replace(/_/g, ' ')}); an administrator can run Approve and test on the mailbox to see why.`,
    );
  }
}
