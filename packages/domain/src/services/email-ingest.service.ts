import type { DataSource, EntityManager } from 'typeorm';
import type { EmailPartyValue } from '../entities/email.entities.ts';
import type { EmailDirection, IncomingFilter, PartyRole, PartyType, RegardingType, TrackingSource } from '../enums.ts';
import type { MailAddress, MailMessage } from '../exchange-gateway.ts';
import {
  decideRegarding,
  filterAdmits,
  findTrackingToken,
  looksLikeReply,
  TRACKED_CATEGORY,
  trackingSource,
  type RegardingRef,
} from '../rules/email-tracking.rule.ts';
import { updateReturning } from './sql.ts';

/** The mailbox a page belongs to, with what its organisation decided about tracking. */
export interface IngestMailbox {
  id: string;
  organisationId: string;
  ownerUserId: string | null;
  emailAddress: string;
  incomingFilter: IncomingFilter;
  trackingTokenPrefix: string;
}

/**
 * Where messages come from: the Inbox, Sent Items, a folder with a tracking rule, or a message
 * the user tracked by hand (MANUAL, with the folder it sits in).
 */
export interface IngestFolder {
  id: string;
  kind: 'INBOX' | 'SENT' | 'TRACKED' | 'MANUAL';
  /** TRACKED: the rule's record (the folder is the source of truth); MANUAL: the record the user chose. */
  regarding: RegardingRef | null;
}

/** What a page changed, for live timeline updates after the commit. */
export interface IngestResult {
  createdEmailIds: string[];
  updatedEmailIds: string[];
  /**
   * Of the created emails, those some timeline shows (a regarding record, or a contact, lead or
   * account among the parties): only they are announced, so a bulk first sync of unrelated mail
   * costs no timeline lookups.
   */
  createdOnTimelines: string[];
  /** New copies in this mailbox of emails that already existed (another mailbox synced them first). */
  attachedCopies: number;
}

interface KnownCopy {
  exchangeMessageId: string;
  emailId: string;
  categoryTracked: boolean;
}

interface KnownEmail {
  id: string;
  internetMessageId: string | null;
  regardingType: RegardingType | null;
  regardingId: string | null;
  status: string;
  tracked: boolean;
}

interface Resolved {
  type: PartyType;
  id: string;
}

/** What the page's lookups found, before anything is written. */
export interface IngestPlan {
  mailbox: IngestMailbox;
  folder: IngestFolder;
  messages: MailMessage[];
  copies: Map<string, KnownCopy>;
  byInternetId: Map<string, KnownEmail>;
  byMailroomId: Map<string, KnownEmail>;
  byToken: Map<string, RegardingRef | null>;
  byConversation: Map<string, RegardingRef | null>;
  parties: Map<string, Resolved>;
  /** New messages whose In-Reply-To must be read before they can be correlated. */
  needInReplyTo: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const lower = (address: string) => address.trim().toLowerCase();

const text = (value: string) => value.replaceAll('\u0000', '');
const bounded = (value: string | null | undefined, max: number) => (value && value.length <= max ? value : null);

/**
 * A message as it can be stored: PostgreSQL text cannot hold NUL characters, and identifiers
 * longer than any real one are dropped (the message keeps a synthetic id) rather than letting one
 * odd message fail its page forever.
 */
export function storable(message: MailMessage): MailMessage {
  // Bounded after lower-casing: some characters grow (İ becomes two code units).
  const address = (a: MailAddress | null): MailAddress | null =>
    a && lower(text(a.address)).length <= 320
      ? { address: text(a.address), name: a.name === null ? null : text(a.name) }
      : null;
  const addresses = (list: MailAddress[]) => list.map(address).filter((a): a is MailAddress => a !== null);
  return {
    ...message,
    internetMessageId: bounded(message.internetMessageId, 998),
    conversationId: bounded(message.conversationId, 512),
    folderId: bounded(message.folderId, 512),
    subject: text(message.subject),
    from: address(message.from),
    to: addresses(message.to),
    cc: addresses(message.cc),
    bcc: addresses(message.bcc),
    body: { contentType: message.body.contentType, content: text(message.body.content) },
    preview: text(message.preview).slice(0, 300),
    categories: message.categories.map(text),
    ...(message.inReplyTo === undefined ? {} : { inReplyTo: bounded(message.inReplyTo, 998) }),
  };
}

/** A stable key for a message without an Internet message id (rare: some drafts and system mail). */
function internetIdOf(mailbox: IngestMailbox, message: MailMessage): string {
  return message.internetMessageId ?? `<${message.id}.${mailbox.id}@mailroom.invalid>`;
}

const ref = (type: RegardingType | null, id: string | null): RegardingRef | null => (type && id ? { type, id } : null);

/**
 * Turns delta pages of one mailbox folder into email activities, exactly once per message per
 * organisation. `plan` reads what is known (copies, emails, tokens, conversations, parties);
 * `commit` writes the page and the folder's cursor in one transaction, so a page is either
 * wholly applied with its cursor or not at all, and applying it again changes nothing.
 */
export class EmailIngestService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `firstRead`: the folder is being read from the start (a first sync, or after a 410), when
   * In-Reply-To is read only where the conversation already has a tracked email with a record —
   * reading headers for every reply would cost a Graph request per message of the mailbox.
   */
  async plan(
    mailbox: IngestMailbox,
    folder: IngestFolder,
    messages: MailMessage[],
    options: { firstRead?: boolean } = {},
  ): Promise<IngestPlan> {
    const db = this.dataSource.manager;
    const org = mailbox.organisationId;
    // Graph may replay a change within a round; the last version of each message wins.
    const live = [
      ...new Map(messages.filter((m) => !m.isDraft && m.id.length <= 512).map((m) => [m.id, storable(m)])).values(),
    ];
    const ids = live.map((m) => m.id);
    const internetIds = live.map((m) => internetIdOf(mailbox, m));
    const mailroomIds = live.map((m) => m.mailroomId).filter((id): id is string => id !== null && UUID.test(id));
    const tokens = [
      ...new Set(
        live.map((m) => findTrackingToken(m.subject, mailbox.trackingTokenPrefix)).filter((t): t is string => !!t),
      ),
    ];
    const conversations = [...new Set(live.map((m) => m.conversationId).filter((c): c is string => !!c))];
    const addresses = [
      ...new Set(
        live.flatMap((m) => [m.from, ...m.to, ...m.cc, ...m.bcc]).flatMap((a) => (a ? [lower(a.address)] : [])),
      ),
    ];

    const [copyRows, emailRows, tokenRows, conversationRows, partyRows] = await Promise.all([
      db.query(
        `SELECT "exchangeMessageId", "emailId", "categoryTracked" FROM email_copy
          WHERE "mailboxId" = $1 AND "exchangeMessageId" = ANY($2)`,
        [mailbox.id, ids],
      ) as Promise<KnownCopy[]>,
      db.query(
        // Index lookups only (the unique Internet id index, the primary key): an OR, or a branch
        // with an empty list, lets the planner read all of the organisation's email instead.
        `SELECT e.* FROM unnest($2::text[]) AS i(id)
           CROSS JOIN LATERAL (SELECT id, "internetMessageId", "regardingType", "regardingId", status, tracked
                                 FROM email WHERE "organisationId" = $1 AND "internetMessageId" = i.id LIMIT 1) e` +
          (mailroomIds.length === 0
            ? ''
            : ` UNION SELECT id, "internetMessageId", "regardingType", "regardingId", status, tracked FROM email
                 WHERE "organisationId" = $1 AND id = ANY($3::uuid[])`),
        mailroomIds.length === 0 ? [org, internetIds] : [org, internetIds, mailroomIds],
      ) as Promise<KnownEmail[]>,
      tokens.length === 0
        ? Promise.resolve([])
        : (db.query(
            // One index probe per token / conversation (LATERAL … LIMIT 1): with a table that grew
            // since its statistics were taken, a single `= ANY` scan can be planned as a read of
            // all the organisation's email.
            `SELECT t.key, x."regardingType", x."regardingId" FROM unnest($2::text[]) AS t(key)
               CROSS JOIN LATERAL (SELECT "regardingType", "regardingId" FROM email
                                    WHERE "organisationId" = $1 AND "trackingToken" = t.key AND tracked
                                    ORDER BY "occurredAt" DESC LIMIT 1) x`,
            [org, tokens],
          ) as Promise<{ key: string; regardingType: RegardingType | null; regardingId: string | null }[]>),
      conversations.length === 0
        ? Promise.resolve([])
        : (db.query(
            `SELECT c.key, x."regardingType", x."regardingId" FROM unnest($2::text[]) AS c(key)
               CROSS JOIN LATERAL (SELECT "regardingType", "regardingId" FROM email
                                    WHERE "organisationId" = $1 AND "conversationId" = c.key AND tracked
                                    ORDER BY ("regardingId" IS NULL), "occurredAt" DESC LIMIT 1) x`,
            [org, conversations],
          ) as Promise<{ key: string; regardingType: RegardingType | null; regardingId: string | null }[]>),
      addresses.length === 0 ? Promise.resolve([]) : resolveAddresses(db, org, addresses),
    ]);

    const copies = new Map(copyRows.map((row) => [row.exchangeMessageId, row]));
    const byInternetId = new Map<string, KnownEmail>();
    const byMailroomId = new Map<string, KnownEmail>();
    for (const row of emailRows) {
      if (row.internetMessageId) byInternetId.set(row.internetMessageId, row);
      byMailroomId.set(row.id, row);
    }
    const byConversation = new Map(conversationRows.map((r) => [r.key, ref(r.regardingType, r.regardingId)]));
    const needInReplyTo = live
      .filter(
        (m) =>
          !copies.has(m.id) &&
          !byInternetId.has(internetIdOf(mailbox, m)) &&
          !(m.mailroomId && byMailroomId.has(m.mailroomId)) &&
          ((m.conversationId !== null && (byConversation.get(m.conversationId) ?? null) !== null) ||
            (!options.firstRead && looksLikeReply(m.subject))),
      )
      .map((m) => m.id);

    return {
      mailbox,
      folder,
      messages: live,
      copies,
      byInternetId,
      byMailroomId,
      byToken: new Map(tokenRows.map((r) => [r.key, ref(r.regardingType, r.regardingId)])),
      byConversation,
      parties: new Map(partyRows.map((r) => [r.address, { type: r.type, id: r.id }])),
      needInReplyTo,
    };
  }

  /**
   * Writes the page: new emails with their parties, the copies, regarding set by folder rules and
   * categories, copies removed from the folder, and the folder's cursor, in one transaction.
   */
  async commit(
    plan: IngestPlan,
    inReplyTo: Map<string, string | null>,
    removedIds: string[],
    cursor: string | null,
    lease: string | null = null,
  ): Promise<IngestResult> {
    // Two mailboxes holding the same messages can lock each other's new rows; rows are written in
    // a fixed order to make that rare, and a deadlock victim simply applies its page again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.commitOnce(plan, inReplyTo, removedIds, cursor, lease);
      } catch (error) {
        if (attempt >= 3 || (error as { code?: string }).code !== '40P01') throw error;
      }
    }
  }

  /**
   * A page with nothing in it (the usual poll): only the folder's cursor moves, in one statement
   * fenced by the lease — no transaction, no lookups.
   */
  async commitEmptyPage(mailboxId: string, folderId: string, cursor: string, lease: string | null): Promise<void> {
    await moveCursor(this.dataSource.manager, mailboxId, folderId, cursor, lease);
  }

  private commitOnce(
    plan: IngestPlan,
    inReplyTo: Map<string, string | null>,
    removedIds: string[],
    cursor: string | null,
    lease: string | null,
  ): Promise<IngestResult> {
    const { mailbox, folder } = plan;
    return this.dataSource.transaction(async (db) => {
      const inReplyToRefs = await repliedEmails(db, mailbox.organisationId, [...new Set(inReplyTo.values())]);
      const now = new Date();
      const result: IngestResult = {
        createdEmailIds: [],
        updatedEmailIds: [],
        createdOnTimelines: [],
        attachedCopies: 0,
      };

      const newEmails: NewEmail[] = [];
      const copies: { exchangeMessageId: string; emailId: string | null; internetId: string; category: boolean }[] = [];
      const regardingUpdates: { emailId: string; regarding: RegardingRef | null; source: TrackingSource }[] = [];
      const sentConfirmations: { emailId: string; message: MailMessage }[] = [];
      /** Copies whose "Tracked to Mailroom" category was removed in an Exchange client. */
      const untracked: { emailId: string; modifiedAt: Date | null }[] = [];

      for (const message of plan.messages) {
        const category = message.categories.includes(TRACKED_CATEGORY);
        const internetId = internetIdOf(mailbox, message);
        const copy = plan.copies.get(message.id);
        const existing =
          (copy ? { id: copy.emailId } : undefined) ??
          (message.mailroomId ? plan.byMailroomId.get(message.mailroomId) : undefined) ??
          plan.byInternetId.get(internetId);

        if (existing) {
          copies.push({ exchangeMessageId: message.id, emailId: existing.id, internetId, category });
          if (message.mailroomId === existing.id) sentConfirmations.push({ emailId: existing.id, message });
          if (folder.kind === 'TRACKED') {
            regardingUpdates.push({ emailId: existing.id, regarding: folder.regarding, source: 'FOLDER' });
          } else if (folder.kind === 'MANUAL') {
            regardingUpdates.push({ emailId: existing.id, regarding: folder.regarding, source: 'MANUAL' });
          } else if (category && !copy?.categoryTracked) {
            regardingUpdates.push({ emailId: existing.id, regarding: null, source: 'CATEGORY' });
          } else if (!category && copy?.categoryTracked) {
            untracked.push({ emailId: existing.id, modifiedAt: message.lastModifiedAt ?? null });
          }
          continue;
        }

        const token = findTrackingToken(message.subject, mailbox.trackingTokenPrefix);
        const replied = bounded(inReplyTo.get(message.id), 998);
        const repliedRef = replied ? inReplyToRefs.get(replied) : undefined;
        const tokenRef = token ? plan.byToken.get(token) : undefined;
        const conversationRef = message.conversationId ? plan.byConversation.get(message.conversationId) : undefined;
        const direction: EmailDirection =
          folder.kind === 'SENT' || (message.from && lower(message.from.address) === lower(mailbox.emailAddress))
            ? 'OUTGOING'
            : 'INCOMING';
        const counterparts =
          direction === 'INCOMING' ? (message.from ? [message.from] : []) : [...message.to, ...message.cc];
        const userChoice = folder.kind === 'TRACKED' || folder.kind === 'MANUAL' ? folder.regarding : null;
        const automatic = trackingSource({
          inTrackedFolder: folder.kind === 'TRACKED',
          hasTrackedCategory: category,
          filterAdmits: filterAdmits(mailbox.incomingFilter, {
            respondsToCrmEmail: repliedRef !== undefined || tokenRef !== undefined || conversationRef !== undefined,
            counterpartTypes: counterparts.map((a) => plan.parties.get(lower(a.address))?.type ?? null),
          }),
        });
        const source = folder.kind === 'MANUAL' ? 'MANUAL' : automatic;
        if (source === null) continue;
        const regarding = decideRegarding({
          userChoice,
          inReplyTo: repliedRef ?? null,
          trackingToken: tokenRef ?? null,
          conversation: conversationRef ?? null,
        });
        newEmails.push({
          message,
          internetId,
          direction,
          source,
          regarding,
          token,
          inReplyTo: replied ?? null,
          parties: partiesOf(message, plan.parties),
        });
        copies.push({ exchangeMessageId: message.id, emailId: null, internetId, category });
      }

      // New emails: one statement; a concurrent sync of another mailbox holding the same message
      // makes ON CONFLICT skip it, and the second lookup finds the winner's row.
      const emailIdOf = new Map<string, string>();
      newEmails.sort((a, b) => (a.internetId < b.internetId ? -1 : a.internetId > b.internetId ? 1 : 0));
      if (newEmails.length > 0) {
        const inserted: { id: string; internetMessageId: string }[] = await db.query(
          `INSERT INTO email ("organisationId", direction, status, subject, "bodyContentType", body, preview,
              "internetMessageId", "conversationId", "inReplyTo", "trackingToken", "regardingType", "regardingId",
              "trackedBy", "ownerUserId", "occurredAt", parties)
           SELECT $1, d, CASE WHEN d = 'INCOMING' THEN 'RECEIVED' ELSE 'SENT' END, s, ct, b, p, imi, conv, irt, tok,
                  rt, rid::uuid, src, $2::uuid, at, ps::jsonb
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                         $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::text[])
                  AS t(d, s, ct, b, p, imi, conv, irt, tok, rt, rid, src, at, ps)
           ON CONFLICT ("organisationId", "internetMessageId") WHERE "internetMessageId" IS NOT NULL DO NOTHING
           RETURNING id, "internetMessageId"`,
          [
            mailbox.organisationId,
            mailbox.ownerUserId,
            newEmails.map((e) => e.direction),
            newEmails.map((e) => e.message.subject),
            newEmails.map((e) => e.message.body.contentType),
            newEmails.map((e) => e.message.body.content),
            newEmails.map((e) => e.message.preview.slice(0, 300)),
            newEmails.map((e) => e.internetId),
            newEmails.map((e) => e.message.conversationId),
            newEmails.map((e) => e.inReplyTo),
            newEmails.map((e) => e.token),
            newEmails.map((e) => e.regarding?.type ?? null),
            newEmails.map((e) => e.regarding?.id ?? null),
            newEmails.map((e) => e.source),
            newEmails.map((e) => (e.message.receivedAt ?? e.message.sentAt ?? now).toISOString()),
            newEmails.map((e) => JSON.stringify(e.parties)),
          ],
        );
        for (const row of inserted) emailIdOf.set(row.internetMessageId, row.id);
        const created = new Set(inserted.map((row) => row.id));
        const lost = newEmails.filter((e) => !emailIdOf.has(e.internetId)).map((e) => e.internetId);
        if (lost.length > 0) {
          const winners: { id: string; internetMessageId: string }[] = await db.query(
            `SELECT id, "internetMessageId" FROM email WHERE "organisationId" = $1 AND "internetMessageId" = ANY($2)`,
            [mailbox.organisationId, lost],
          );
          for (const row of winners) emailIdOf.set(row.internetMessageId, row.id);
          // Another mailbox's sync created the email first: a folder rule, hand track or category
          // of this copy still applies to it.
          for (const e of newEmails) {
            const winner = emailIdOf.get(e.internetId);
            if (
              !winner ||
              created.has(winner) ||
              (e.source !== 'FOLDER' && e.source !== 'MANUAL' && e.source !== 'CATEGORY')
            )
              continue;
            regardingUpdates.push({
              emailId: winner,
              regarding: e.source === 'CATEGORY' ? null : e.regarding,
              source: e.source,
            });
          }
        }
        const recordParties = newEmails
          .filter((e) => created.has(emailIdOf.get(e.internetId)!))
          .flatMap((e) => e.parties.filter(onTimelines).map((p) => ({ ...p, emailId: emailIdOf.get(e.internetId)! })));
        if (recordParties.length > 0) {
          await db.query(
            `INSERT INTO email_party ("emailId", role, address, name, "resolvedType", "resolvedId")
             SELECT e::uuid, r, a, n, rt, rid::uuid
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(e, r, a, n, rt, rid)
             ON CONFLICT DO NOTHING`,
            [
              recordParties.map((p) => p.emailId),
              recordParties.map((p) => p.role),
              recordParties.map((p) => p.address),
              recordParties.map((p) => p.name),
              recordParties.map((p) => p.resolvedType),
              recordParties.map((p) => p.resolvedId),
            ],
          );
        }
        result.createdEmailIds.push(...created);
        for (const e of newEmails) {
          const id = emailIdOf.get(e.internetId)!;
          if (created.has(id) && (e.regarding !== null || e.parties.some(onTimelines))) {
            result.createdOnTimelines.push(id);
          }
        }
      }

      const copyRows = copies
        .map((c) => ({ ...c, emailId: c.emailId ?? emailIdOf.get(c.internetId) ?? null }))
        .filter((c): c is typeof c & { emailId: string } => c.emailId !== null)
        .sort((a, b) => (a.exchangeMessageId < b.exchangeMessageId ? -1 : 1));
      const createdHere = new Set(result.createdEmailIds);
      result.attachedCopies = copyRows.filter(
        (c) => !plan.copies.has(c.exchangeMessageId) && !createdHere.has(c.emailId),
      ).length;
      if (copyRows.length > 0) {
        await db.query(
          `INSERT INTO email_copy ("mailboxId", "exchangeMessageId", "emailId", "organisationId", "folderId", "categoryTracked")
           SELECT $1, m, e::uuid, $2, $3, c FROM unnest($4::text[], $5::text[], $6::boolean[]) AS t(m, e, c)
           ON CONFLICT ("mailboxId", "exchangeMessageId")
           DO UPDATE SET "folderId" = EXCLUDED."folderId", "categoryTracked" = EXCLUDED."categoryTracked", removed = false`,
          [
            mailbox.id,
            mailbox.organisationId,
            folder.id,
            copyRows.map((c) => c.exchangeMessageId),
            copyRows.map((c) => c.emailId),
            copyRows.map((c) => c.category),
          ],
        );
      }

      if (sentConfirmations.length > 0) {
        const confirmed = await updateReturning<{ id: string }>(
          db,
          `UPDATE email SET status = 'SENT', "failureReason" = NULL, "failureCode" = NULL, "failureParams" = NULL,
                  "updatedAt" = now(),
                  "internetMessageId" = COALESCE(email."internetMessageId",
                    CASE WHEN EXISTS (SELECT 1 FROM email o WHERE o."organisationId" = $1 AND o."internetMessageId" = t.imi)
                         THEN NULL ELSE t.imi END),
                  "conversationId" = COALESCE(email."conversationId", t.conv),
                  "occurredAt" = COALESCE(t.at, email."occurredAt")
             FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS t(id, imi, conv, at)
            WHERE email.id = t.id AND email."organisationId" = $1
              AND (email.status <> 'SENT' OR email."internetMessageId" IS NULL)
           RETURNING email.id`,
          [
            mailbox.organisationId,
            sentConfirmations.map((s) => s.emailId),
            sentConfirmations.map((s) => s.message.internetMessageId),
            sentConfirmations.map((s) => s.message.conversationId),
            sentConfirmations.map((s) => (s.message.sentAt ?? s.message.receivedAt)?.toISOString() ?? null),
          ],
        );
        result.updatedEmailIds.push(...confirmed.map((row) => row.id));
      }

      regardingUpdates.sort((a, b) => (a.emailId < b.emailId ? -1 : 1));
      if (regardingUpdates.length > 0) {
        // Folder rules overwrite regarding (the folder is the source of truth), as does a record
        // chosen by hand; a category only re-tracks, keeping the regarding correlation found.
        const changed = await updateReturning<{ id: string }>(
          db,
          `UPDATE email SET
                  "regardingType" = CASE WHEN t.src = 'FOLDER' OR (t.src = 'MANUAL' AND t.rid IS NOT NULL)
                                         THEN t.rt ELSE email."regardingType" END,
                  "regardingId" = CASE WHEN t.src = 'FOLDER' OR (t.src = 'MANUAL' AND t.rid IS NOT NULL)
                                       THEN t.rid ELSE email."regardingId" END,
                  "trackedBy" = CASE WHEN email."trackedBy" = 'CRM' THEN email."trackedBy" ELSE t.src END,
                  tracked = true, "updatedAt" = now()
             FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[]) AS t(id, rt, rid, src)
            WHERE email.id = t.id AND email."organisationId" = $1
              AND (NOT email.tracked OR t.src = 'MANUAL'
                   OR (t.src = 'FOLDER' AND (email."regardingId" IS DISTINCT FROM t.rid)))
           RETURNING email.id`,
          [
            mailbox.organisationId,
            regardingUpdates.map((u) => u.emailId),
            regardingUpdates.map((u) => u.regarding?.type ?? null),
            regardingUpdates.map((u) => u.regarding?.id ?? null),
            regardingUpdates.map((u) => u.source),
          ],
        );
        result.updatedEmailIds.push(...changed.map((row) => row.id));
      }

      if (untracked.length > 0) {
        // Only what the category (or a hand track, which sets it) tracked is untracked by removing it,
        // and only by a change made after it was tracked (a sync that read the message just before a
        // hand track set the category must not undo the track). The activity stays, off the timelines.
        const changed = await updateReturning<{ id: string }>(
          db,
          `UPDATE email SET tracked = false, "updatedAt" = now()
             FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, modified)
            WHERE email.id = t.id AND email.tracked AND email."trackedBy" IN ('CATEGORY', 'MANUAL')
              AND (t.modified IS NULL OR t.modified > email."updatedAt")
           RETURNING email.id`,
          [untracked.map((u) => u.emailId), untracked.map((u) => u.modifiedAt?.toISOString() ?? null)],
        );
        result.updatedEmailIds.push(...changed.map((row) => row.id));
      }

      if (removedIds.length > 0) {
        // A message moved to another synced folder may already carry that folder; only copies
        // still in this folder are gone from it.
        await db.query(
          `UPDATE email_copy SET removed = true
            WHERE "mailboxId" = $1 AND "exchangeMessageId" = ANY($2) AND "folderId" = $3`,
          [mailbox.id, removedIds, folder.id],
        );
      }

      // Only the run holding the mailbox's lease moves its cursor; a run whose lease was taken
      // back (it stalled past the lease) rolls its page back instead.
      if (cursor !== null) await moveCursor(db, mailbox.id, folder.id, cursor, lease);
      result.updatedEmailIds = [...new Set(result.updatedEmailIds)].filter(
        (id) => !result.createdEmailIds.includes(id),
      );
      return result;
    });
  }
}

/** Stores a folder's delta cursor, if `lease` (when given) still holds the mailbox; else LeaseLost. */
async function moveCursor(
  db: EntityManager,
  mailboxId: string,
  folderId: string,
  cursor: string,
  lease: string | null,
): Promise<void> {
  const moved = await updateReturning<{ id: string }>(
    db,
    `UPDATE mailbox SET "deltaCursors" = "deltaCursors" || jsonb_build_object($2::text, $3::text),
            "syncStageStartedAt" = now(), "consecutiveFailures" = 0
      WHERE id = $1 AND ($4::text IS NULL OR "syncStage" = $4)
     RETURNING id`,
    [mailboxId, folderId, cursor, lease],
  );
  if (moved.length === 0) throw new LeaseLost(mailboxId);
}

/** The sync no longer holds the mailbox (its lease expired and another run took it over). */
export class LeaseLost extends Error {
  constructor(mailboxId: string) {
    super(`the sync of mailbox ${mailboxId} lost its lease`);
    this.name = 'LeaseLost';
  }
}

interface NewEmail {
  message: MailMessage;
  internetId: string;
  direction: EmailDirection;
  source: TrackingSource;
  regarding: RegardingRef | null;
  token: string | null;
  inReplyTo: string | null;
  parties: EmailPartyValue[];
}

/** Whether a party puts its email on a record's timeline (a contact, lead or account). */
export const onTimelines = (party: EmailPartyValue): boolean =>
  party.resolvedType === 'CONTACT' || party.resolvedType === 'LEAD' || party.resolvedType === 'ACCOUNT';

function partiesOf(message: MailMessage, resolved: Map<string, Resolved>): EmailPartyValue[] {
  const seen = new Set<string>();
  const parties: EmailPartyValue[] = [];
  const add = (role: PartyRole, list: (MailAddress | null)[]) => {
    for (const entry of list) {
      if (!entry) continue;
      const address = lower(entry.address);
      if (seen.has(`${role}:${address}`)) continue;
      seen.add(`${role}:${address}`);
      const record = resolved.get(address);
      parties.push({
        role,
        address,
        name: entry.name?.slice(0, 300) ?? null,
        resolvedType: record?.type ?? null,
        resolvedId: record?.id ?? null,
      });
    }
  };
  add('FROM', [message.from]);
  add('TO', message.to);
  add('CC', message.cc);
  add('BCC', message.bcc);
  return parties;
}

/**
 * Addresses resolved to CRM records: users first, then contacts, leads and accounts (an address
 * on several records resolves to the first of that order, deterministically).
 */
export async function resolveAddresses(
  db: EntityManager,
  organisationId: string,
  addresses: string[],
): Promise<{ address: string; type: PartyType; id: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (address) address, type, id FROM (
        SELECT "primaryEmailLower" AS address, 'USER' AS type, id, 1 AS rank, "createdAt" FROM app_user
         WHERE "organisationId" = $1 AND "primaryEmailLower" = ANY($2)
        UNION ALL
        SELECT "emailAddress", 'CONTACT', id, 2, "createdAt" FROM contact WHERE "organisationId" = $1 AND "emailAddress" = ANY($2)
        UNION ALL
        SELECT "emailAddress", 'LEAD', id, 3, "createdAt" FROM lead WHERE "organisationId" = $1 AND "emailAddress" = ANY($2)
        UNION ALL
        SELECT "emailAddress", 'ACCOUNT', id, 4, "createdAt" FROM account WHERE "organisationId" = $1 AND "emailAddress" = ANY($2)
      ) candidates ORDER BY address, rank, "createdAt", id`,
    [organisationId, addresses],
  );
}

/** The regarding of tracked emails by their Internet message id (for In-Reply-To). */
async function repliedEmails(
  db: EntityManager,
  organisationId: string,
  internetIds: (string | null)[],
): Promise<Map<string, RegardingRef | null>> {
  const ids = internetIds.filter((id): id is string => !!id);
  if (ids.length === 0) return new Map();
  const rows: { internetMessageId: string; regardingType: RegardingType | null; regardingId: string | null }[] =
    await db.query(
      `SELECT "internetMessageId", "regardingType", "regardingId" FROM email
        WHERE "organisationId" = $1 AND "internetMessageId" = ANY($2) AND tracked`,
      [organisationId, ids],
    );
  return new Map(rows.map((row) => [row.internetMessageId, ref(row.regardingType, row.regardingId)]));
}
