import type { SyncSide } from '../../../gql/graphql';

/** The synced fields of tasks and appointments as people call them. */
const FIELD_LABELS: Partial<Record<string, string>> = {
  subject: 'subject',
  body: 'description',
  dueAt: 'due date',
  status: 'status',
  importance: 'importance',
  startAt: 'start',
  endAt: 'end',
  isAllDay: 'all-day setting',
  location: 'location',
  attendees: 'attendees',
};

/** "Changed in Mailroom and in Outlook at the same time: kept Outlook's subject (the later change)." */
export function syncDecisionText(decision: { fields: { field: string; kept: SyncSide }[] } | null): string | null {
  const fields = decision?.fields ?? [];
  if (fields.length === 0) return null;
  const parts = fields.map(
    ({ field, kept }) => `${kept === 'EXCHANGE' ? 'Outlook' : 'Mailroom'}'s ${FIELD_LABELS[field] ?? field}`,
  );
  return `Changed in Mailroom and in Outlook at the same time: kept ${parts.join(', ')} (the later change).`;
}
