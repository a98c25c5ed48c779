import type { DataSource } from 'typeorm';
import { Email } from '../entities/email.entities.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeGatewayFactory, type SentMail } from '../exchange-gateway.ts';
import { isMailboxSendFailure, sendFailure, type SendFailureCause } from '../rules/email-send.rule.ts';
import { profileConnection, profileOf } from './exchange-connection.ts';
import { recordMailboxFailure } from './mailbox-failure.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { publishTimelineChanges } from './timeline-events.ts';
import { updateReturning } from './sql.ts';

/** Exchange's sending limit per mailbox (30 messages a minute), kept across worker processes. */
export interface SendThrottle {
  /** Takes a sending slot for the mailbox: 0 when it may send now, else the milliseconds to wait. */
  acquire(mailboxId: string): Promise<number>;
}

/** How long after a send attempt its Sent Items copy is waited for before the mail is sent again (default). */
export const SENT_ITEMS_GRACE_MS = 5 * 60_000;

/** The job should run again after `delayMs` without counting as a failed attempt. */
export class DeferJob extends Error {
  constructor(readonly delayMs: number) {
    super(`deferred for ${delayMs} ms`);
    this.name = 'DeferJob';
  }
}

/**
 * Sends one Pending send email through its owner's mailbox, exactly once. The status moves to
 * Sending before Graph is called; a retry that finds Sending first looks in Sent Items for
 * Mailroom's id, so a worker that died after Exchange accepted the mail does not send it again.
 */
export class EmailSendRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
    private readonly throttle: SendThrottle,
    private readonly options: { sentItemsGraceMs?: number } = {},
  ) {}

  private get graceMs(): number {
    return this.options.sentItemsGraceMs ?? SENT_ITEMS_GRACE_MS;
  }

  async run(emailId: string, finalAttempt: boolean): Promise<void> {
    const emails = this.dataSource.getRepository(Email);
    const email = await emails.findOneBy({ id: emailId });
    if (!email || (email.status !== 'PENDING_SEND' && email.status !== 'SENDING')) return;
    const mailbox = email.sendingMailboxId
      ? await this.dataSource.getRepository(Mailbox).findOneBy({ id: email.sendingMailboxId })
      : null;
    if (
      !mailbox ||
      mailbox.outgoingMethod !== 'SERVER_SIDE_SYNC' ||
      !mailbox.enabledForOutgoing ||
      mailbox.processingState !== 'ACTIVE'
    ) {
      return this.fail(email, { code: 'MAILBOX_NOT_ENABLED' });
    }
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: email.organisationId });
    const profile = await profileOf(this.dataSource, mailbox);
    const connection = profile ? profileConnection(organisation, profile, this.cipher) : null;
    if (!connection) {
      return this.fail(email, { code: 'NOT_CONNECTED' });
    }
    const gateway = this.gateways(connection);

    try {
      if (email.status === 'SENDING') {
        // An earlier attempt may have got as far as Exchange: never send twice. Exchange files the
        // Sent Items copy a little after accepting the mail, so it is looked for until the grace
        // period after that attempt has passed, and only then is the mail sent again.
        const sent = await gateway.findSentByMailroomId(mailbox.emailAddress, email.id);
        if (sent) return this.sent(email, sent);
        const waited = Date.now() - email.updatedAt.getTime();
        if (waited < this.graceMs) throw new DeferJob(Math.min(30_000, this.graceMs - waited));
      }
      const wait = await this.throttle.acquire(mailbox.id);
      if (wait > 0) throw new DeferJob(wait);
      // Exclusive: of two runs of the same email (a stalled job and its replacement), one claims it.
      const claimed = await updateReturning<{ id: string }>(
        this.dataSource,
        `UPDATE email SET status = 'SENDING', "updatedAt" = now()
          WHERE id = $1 AND (status = 'PENDING_SEND'
                OR (status = 'SENDING' AND "updatedAt" < now() - make_interval(secs => $2)))
         RETURNING id`,
        [email.id, this.graceMs / 1000],
      );
      if (claimed.length === 0) {
        // Still Sending by the database's clock (the grace period is counted there): look again later.
        if (email.status === 'SENDING') throw new DeferJob(30_000);
        return;
      }
      if (email.status === 'PENDING_SEND') await this.publish(email.id);
      const recipients = (role: 'TO' | 'CC') =>
        email.parties.filter((p) => p.role === role).map((p) => ({ address: p.address, name: p.name }));
      try {
        await gateway.sendMail(
          mailbox.emailAddress,
          {
            subject: email.subject,
            bodyHtml: email.body,
            to: recipients('TO'),
            cc: recipients('CC'),
            internetMessageId: email.internetMessageId,
          },
          email.id,
        );
      } catch (error) {
        // Exchange answered, and refused: the mail did not go out and may be sent again later.
        if (error instanceof ExchangeError && error.kind !== 'TRANSIENT') await this.unclaim(email.id);
        throw error;
      }
      const sent = await gateway.findSentByMailroomId(mailbox.emailAddress, email.id).catch(() => null);
      await this.sent(email, sent);
      if (mailbox.consecutiveFailures > 0) {
        await this.dataSource.query(`UPDATE mailbox SET "consecutiveFailures" = 0 WHERE id = $1`, [mailbox.id]);
      }
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      if (error.kind === 'THROTTLED') throw new DeferJob(error.failure.retryAfterMs ?? 30_000);
      if (error.kind === 'TRANSIENT' && !finalAttempt) throw error;
      if (isMailboxSendFailure(error.kind)) {
        // The mailbox cannot send at all (credentials, permission, access policy, no mailbox).
        await recordMailboxFailure(this.dataSource, this.events, organisation, mailbox, 'outgoing', error.failure);
        return this.fail(email, { code: 'MAILBOX_REFUSED', address: mailbox.emailAddress, kind: error.kind });
      }
      // This email only: Exchange refused it (invalid recipients, too large), or never answered.
      await this.fail(email, { code: error.kind === 'TRANSIENT' ? 'NOT_CONFIRMED' : 'EMAIL_REFUSED' });
    }
  }

  private async unclaim(emailId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email SET status = 'PENDING_SEND', "updatedAt" = now() WHERE id = $1 AND status = 'SENDING'`,
      [emailId],
    );
  }

  private async sent(email: Email, sent: SentMail | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE email SET status = 'SENT', "failureReason" = NULL, "failureCode" = NULL, "failureParams" = NULL,
              "updatedAt" = now(),
              "internetMessageId" = COALESCE("internetMessageId",
                CASE WHEN EXISTS (SELECT 1 FROM email o WHERE o."organisationId" = email."organisationId"
                                    AND o."internetMessageId" = $2) THEN NULL ELSE $2 END),
              "conversationId" = COALESCE("conversationId", $3),
              "occurredAt" = COALESCE($4, "occurredAt")
        WHERE id = $1`,
      [email.id, sent?.internetMessageId ?? null, sent?.conversationId ?? null, sent?.sentAt ?? null],
    );
    await this.publish(email.id);
  }

  private async fail(email: Email, cause: SendFailureCause): Promise<void> {
    // The code and params beside the English reason: the console words the failure from them.
    const failure = sendFailure(cause);
    await this.dataSource.query(
      `UPDATE email SET status = 'FAILED', "failureReason" = $2, "failureCode" = $3, "failureParams" = $4,
              "updatedAt" = now()
        WHERE id = $1 AND status IN ('PENDING_SEND', 'SENDING')`,
      [email.id, failure.reason, failure.code, JSON.stringify(failure.params)],
    );
    await this.publish(email.id);
  }

  private publish(emailId: string): Promise<void> {
    return publishTimelineChanges(this.dataSource.manager, this.events, { updated: [emailId] });
  }
}

/** Emails left Pending send or Sending (a crashed worker, a lost job) for longer than `olderThanMs`. */
export async function stalledSends(dataSource: DataSource, olderThanMs = 120_000, limit = 1000): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM email WHERE status IN ('PENDING_SEND', 'SENDING')
        AND "updatedAt" < now() - make_interval(secs => $1) ORDER BY "updatedAt" LIMIT $2`,
    [olderThanMs / 1000, limit],
  );
  return rows.map((row) => row.id);
}
