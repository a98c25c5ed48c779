import type { SyncSide } from '../../../gql/graphql';
import type { TimelineTranslate } from '../timeline.strings';

type Key = Parameters<TimelineTranslate>[0];

/** The synced fields of tasks and appointments as people call them. */
const FIELD_KEYS: Partial<Record<string, Key>> = {
  subject: 'decision.field.subject',
  body: 'decision.field.body',
  dueAt: 'decision.field.dueAt',
  status: 'decision.field.status',
  importance: 'decision.field.importance',
  startAt: 'decision.field.startAt',
  endAt: 'decision.field.endAt',
  isAllDay: 'decision.field.isAllDay',
  location: 'decision.field.location',
  attendees: 'decision.field.attendees',
};

/** "Changed in Mailroom and in Outlook at the same time: kept Outlook's subject (the later change)." */
export function syncDecisionText(
  decision: { fields: { field: string; kept: SyncSide }[] } | null,
  t: TimelineTranslate,
): string | null {
  const fields = decision?.fields ?? [];
  if (fields.length === 0) return null;
  const parts = fields.map(({ field, kept }) => {
    const key = FIELD_KEYS[field];
    return t('decision.part', { side: kept === 'EXCHANGE' ? 'Outlook' : 'Mailroom', field: key ? t(key) : field });
  });
  return t('decision.sentence', { parts: parts.join(', ') });
}
