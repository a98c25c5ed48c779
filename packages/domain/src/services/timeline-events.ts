import type { EntityManager } from 'typeorm';
import { TOPICS, type EventPublisher } from '../events.ts';

/**
 * The records whose timelines show an activity: its regarding record, for an email the contacts,
 * leads and accounts among its parties, and the account above a regarding opportunity or contact
 * (an account's timeline rolls up its contacts and opportunities). Ids are emails, tasks or
 * appointments (whose attendees count as parties).
 */
export async function timelineKeysOf(
  db: EntityManager,
  emailIds: readonly string[],
): Promise<{ recordId: string; emailId: string; organisationId: string }[]> {
  if (emailIds.length === 0) return [];
  return db.query(
    `WITH scope AS (
       SELECT e.id AS "emailId", e."organisationId", e."regardingId" AS "recordId" FROM email e
        WHERE e.id = ANY($1::uuid[]) AND e."regardingId" IS NOT NULL
       UNION
       SELECT p."emailId", e."organisationId", p."resolvedId" FROM email_party p JOIN email e ON e.id = p."emailId"
        WHERE p."emailId" = ANY($1::uuid[]) AND p."resolvedType" IN ('CONTACT', 'LEAD', 'ACCOUNT')
       UNION
       SELECT t.id, t."organisationId", t."regardingId" FROM task t
        WHERE t.id = ANY($1::uuid[]) AND t."regardingId" IS NOT NULL
       UNION
       SELECT a.id, a."organisationId", a."regardingId" FROM appointment a
        WHERE a.id = ANY($1::uuid[]) AND a."regardingId" IS NOT NULL
       UNION
       SELECT a.id, a."organisationId", (x->>'resolvedId')::uuid
         FROM appointment a CROSS JOIN LATERAL jsonb_array_elements(a.attendees) x
        WHERE a.id = ANY($1::uuid[]) AND x->>'resolvedType' IN ('CONTACT', 'LEAD', 'ACCOUNT')
     )
     SELECT "recordId", "emailId", "organisationId" FROM scope
     UNION
     SELECT o."accountId", s."emailId", s."organisationId" FROM scope s JOIN opportunity o ON o.id = s."recordId"
      WHERE o."accountId" IS NOT NULL
     UNION
     SELECT c."accountId", s."emailId", s."organisationId" FROM scope s JOIN contact c ON c.id = s."recordId"
      WHERE c."accountId" IS NOT NULL`,
    [emailIds],
  );
}

/** Tells every timeline showing these emails that they appeared or changed. */
export async function publishTimelineChanges(
  db: EntityManager,
  events: EventPublisher,
  change: { created?: readonly string[]; updated?: readonly string[] },
): Promise<void> {
  const created = new Set(change.created ?? []);
  const keys = await timelineKeysOf(db, [...created, ...(change.updated ?? [])]);
  for (const key of keys) {
    await events.publish(TOPICS.TIMELINE_CHANGED, key.recordId, {
      recordId: key.recordId,
      organisationId: key.organisationId,
      activityId: key.emailId,
      change: created.has(key.emailId) ? 'CREATED' : 'UPDATED',
    });
  }
}
