import type { DataSource } from 'typeorm';
import { TOPICS, type EventPublisher } from '../events.ts';
import { profileFailingNotification } from './notification-content.ts';

/**
 * When more than half of the mailboxes of an email server profile have failed within the last
 * hour (an open error alert raised in that hour), its owner — or, for a profile without one, the
 * organisation's administrators — is told once an hour: many failures at once usually mean the
 * profile (credentials, endpoint, permissions) is wrong, not the mailboxes.
 */
export async function alertIfProfileFailing(
  dataSource: DataSource,
  events: EventPublisher,
  organisationId: string,
  mailboxIds: readonly string[],
): Promise<void> {
  if (mailboxIds.length === 0) return;
  const profiles: { profileId: string; name: string; ownerUserId: string | null; total: number; failing: number }[] =
    await dataSource.query(
      `WITH profile_of AS (
         SELECT m.id, COALESCE(m."emailServerProfileId",
                  (SELECT d.id FROM email_server_profile d WHERE d."organisationId" = m."organisationId" AND d."isDefault" LIMIT 1)) AS pid
           FROM mailbox m
          WHERE m."organisationId" = $1 AND m."approvalStatus" = 'APPROVED'
       )
       SELECT p.id AS "profileId", p.name, p."ownerUserId", count(*)::int AS total,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM mailbox_alert a WHERE a."mailboxId" = po.id AND a.severity = 'ERROR'
                   AND a."dismissedAt" IS NULL AND a."lastOccurredAt" > now() - interval '1 hour'))::int AS failing
         FROM profile_of po JOIN email_server_profile p ON p.id = po.pid
        WHERE po.pid IN (SELECT pid FROM profile_of WHERE id = ANY($2::uuid[]))
        GROUP BY p.id, p.name, p."ownerUserId"`,
      [organisationId, mailboxIds],
    );
  for (const profile of profiles) {
    if (profile.failing * 2 <= profile.total) continue;
    const content = profileFailingNotification(profile);
    const notified: { id: string; userId: string }[] = await dataSource.transaction(async (db) => {
      // One warning an hour per profile, however many failures follow.
      await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${content.kind}:${profile.profileId}`]);
      const [recent] = (await db.query(
        `SELECT count(*)::int AS n FROM notification
          WHERE "organisationId" = $1 AND kind = $2 AND data->>'profileId' = $3 AND "createdAt" > now() - interval '1 hour'`,
        [organisationId, content.kind, profile.profileId],
      )) as [{ n: number }];
      if (recent.n > 0) return [];
      return db.query(
        `INSERT INTO notification ("organisationId", "userId", kind, title, message, data)
         SELECT $1, u.id, $2, $3, $4, $5::jsonb FROM app_user u
          WHERE u."organisationId" = $1 AND (u.id = $6 OR ($6::uuid IS NULL AND EXISTS (
                SELECT 1 FROM user_role ur JOIN security_role r ON r.id = ur."roleId"
                 WHERE ur."userId" = u.id AND r.name = 'SYSTEM_ADMINISTRATOR')))
         RETURNING id, "userId"`,
        [
          organisationId,
          content.kind,
          content.title,
          content.message,
          JSON.stringify(content.data),
          profile.ownerUserId,
        ],
      );
    });
    for (const notification of notified) {
      await events.publish(TOPICS.NOTIFICATION_RECEIVED, notification.userId, {
        notificationId: notification.id,
        userId: notification.userId,
      });
    }
  }
}
