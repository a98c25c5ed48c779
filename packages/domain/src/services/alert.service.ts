import type { EntityManager } from 'typeorm';
import { MailboxAlert } from '../entities/mailbox-alert.entity.ts';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import type { AlertSeverity } from '../enums.ts';
import type { AlertDraft } from '../rules/mailbox-test.rule.ts';

/** Whether the organisation records alerts of this severity (errors and information on, warnings off by default). */
export function alertsEnabledFor(
  organisation: Pick<Organisation, 'alertsOnError' | 'alertsOnWarning' | 'alertsOnInformation'>,
  severity: AlertSeverity,
): boolean {
  switch (severity) {
    case 'ERROR':
      return organisation.alertsOnError;
    case 'WARNING':
      return organisation.alertsOnWarning;
    case 'INFORMATION':
      return organisation.alertsOnInformation;
    default: {
      const unreachable: never = severity;
      return unreachable;
    }
  }
}

/**
 * Records an alert on a mailbox. An open alert with the same code is folded: its count goes up and
 * its last occurrence, message and params are refreshed, in one statement (safe under concurrency).
 * Returns null when the organisation does not record alerts of that severity.
 */
export async function raiseAlert(
  manager: EntityManager,
  organisation: Organisation,
  mailbox: Pick<Mailbox, 'id' | 'organisationId'>,
  draft: AlertDraft,
  now = new Date(),
): Promise<MailboxAlert | null> {
  if (!alertsEnabledFor(organisation, draft.severity)) return null;
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO mailbox_alert ("organisationId", "mailboxId", severity, code, message, params, "firstOccurredAt", "lastOccurredAt", count)
     VALUES ($1, $2, $3, $4, $5, $7::jsonb, $6, $6, 1)
     ON CONFLICT ("mailboxId", code) WHERE "dismissedAt" IS NULL
     DO UPDATE SET count = mailbox_alert.count + 1, "lastOccurredAt" = EXCLUDED."lastOccurredAt",
                   message = EXCLUDED.message, params = EXCLUDED.params, severity = EXCLUDED.severity, "readAt" = NULL
     RETURNING id`,
    [mailbox.organisationId, mailbox.id, draft.severity, draft.code, draft.message, now, JSON.stringify(draft.params)],
  );
  return manager.getRepository(MailboxAlert).findOneByOrFail({ id: rows[0]!.id });
}

/** Open alerts of the given codes are resolved by a later success: they are dismissed. */
export async function dismissAlerts(
  manager: EntityManager,
  mailboxId: string,
  exceptCodes: readonly string[],
  now = new Date(),
): Promise<void> {
  const query = manager
    .createQueryBuilder()
    .update(MailboxAlert)
    .set({ dismissedAt: now })
    .where('"mailboxId" = :mailboxId', { mailboxId })
    .andWhere('"dismissedAt" IS NULL');
  if (exceptCodes.length > 0) query.andWhere('code NOT IN (:...exceptCodes)', { exceptCodes });
  await query.execute();
}
