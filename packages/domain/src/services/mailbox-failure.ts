import type { DataSource } from 'typeorm';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import { TOPICS, type EventPublisher } from '../events.ts';
import { decideSyncFailure, type SyncFailureDecision } from '../rules/mailbox-sync.rule.ts';
import type { Channel, ExchangeFailure } from '../rules/mailbox-test.rule.ts';
import { raiseAlert } from './alert.service.ts';
import { mailboxAlertNotification } from './notification-content.ts';
import { alertIfProfileFailing } from './profile-health.ts';

/**
 * Records a failed sync or send on its mailbox: a transient failure sets the back-off; a
 * permanent one, or the tenth transient in a row, disables processing and raises an error alert
 * for the owner and the organisation's administrators. The appointments-contacts-tasks channel
 * keeps its own count and back-off, and its failure sets only its status to Failure: email goes on.
 */
export async function recordMailboxFailure(
  dataSource: DataSource,
  events: EventPublisher,
  organisation: Organisation,
  mailbox: Mailbox,
  channel: Channel,
  failure: ExchangeFailure,
  now = new Date(),
): Promise<SyncFailureDecision> {
  const act = channel === 'act';
  const previous = act ? mailbox.actConsecutiveFailures : mailbox.consecutiveFailures;
  const decision = decideSyncFailure(mailbox, channel, failure, previous, failure.retryAfterMs);
  if (!decision.disable) {
    await dataSource.query(
      act
        ? `UPDATE mailbox SET "actConsecutiveFailures" = $2, "actBackoffUntil" = $3, "updatedAt" = now() WHERE id = $1`
        : `UPDATE mailbox SET "consecutiveFailures" = $2, "backoffUntil" = $3, "updatedAt" = now() WHERE id = $1`,
      [mailbox.id, decision.consecutiveFailures, new Date(now.getTime() + decision.backoffMs)],
    );
    return decision;
  }
  const notified = await dataSource.transaction(async (db) => {
    await db.query(
      act
        ? `UPDATE mailbox SET "actStatus" = 'FAILURE', "actConsecutiveFailures" = $2, "actBackoffUntil" = NULL,
                  "updatedAt" = now(), version = version + 1
            WHERE id = $1`
        : `UPDATE mailbox SET "processingState" = 'DISABLED', "consecutiveFailures" = $2, "backoffUntil" = NULL,
                  "updatedAt" = now(), version = version + 1
            WHERE id = $1`,
      [mailbox.id, decision.consecutiveFailures],
    );
    const alert = await raiseAlert(db, organisation, mailbox, decision.alert, now);
    if (!alert) return [];
    const recipients: { id: string }[] = await db.query(
      `SELECT DISTINCT u.id FROM app_user u
         LEFT JOIN user_role ur ON ur."userId" = u.id
         LEFT JOIN security_role r ON r.id = ur."roleId"
        WHERE u."organisationId" = $1 AND (u.id = $2 OR r.name = 'SYSTEM_ADMINISTRATOR')`,
      [organisation.id, mailbox.ownerUserId],
    );
    const content = mailboxAlertNotification(act ? 'ACT_STOPPED' : 'EMAIL_STOPPED', mailbox, {
      id: alert.id,
      code: alert.code,
      severity: alert.severity,
      message: decision.alert.message,
      params: decision.alert.params,
    });
    return db.query(
      `INSERT INTO notification ("organisationId", "userId", kind, title, message, data)
       SELECT $1, u, $3, $4, $5, $6::jsonb FROM unnest($2::uuid[]) AS u
       RETURNING id, "userId"`,
      [
        organisation.id,
        recipients.map((r) => r.id),
        content.kind,
        content.title,
        content.message,
        JSON.stringify(content.data),
      ],
    ) as Promise<{ id: string; userId: string }[]>;
  });
  await events.publish(TOPICS.MAILBOX_STATUS_CHANGED, organisation.id, {
    mailboxId: mailbox.id,
    organisationId: organisation.id,
  });
  for (const notification of notified) {
    await events.publish(TOPICS.NOTIFICATION_RECEIVED, notification.userId, {
      notificationId: notification.id,
      userId: notification.userId,
    });
  }
  await alertIfProfileFailing(dataSource, events, organisation.id, [mailbox.id]);
  return decision;
}
