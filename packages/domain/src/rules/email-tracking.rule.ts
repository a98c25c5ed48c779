import type { IncomingFilter, PartyType, RegardingType, TrackingSource } from '../enums.ts';

/** The Outlook category that tracks a message from any Exchange client (PRODUCT.md §5). */
export const TRACKED_CATEGORY = 'Tracked to Mailroom';

/** At most this many folder tracking rules per user. */
export const MAX_FOLDER_RULES = 25;

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The token appended to outgoing subjects: the prefix, a colon and at least seven digits. */
export function formatTrackingToken(prefix: string, number: number): string {
  return `${prefix}:${String(number).padStart(7, '0')}`;
}

/** The tracking token in a subject (a reply keeps it after "RE: "), or null. */
export function findTrackingToken(subject: string, prefix: string): string | null {
  // At most 19 digits: the token column holds 40 characters with a 20-character prefix.
  const match = new RegExp(`(?:^|[\\s\\[(])(${escape(prefix)}:\\d{7,19})(?=$|[\\s\\])])`, 'i').exec(subject);
  return match?.[1] ? `${prefix}:${match[1].slice(prefix.length + 1)}` : null;
}

/** The subject with the token appended once. */
export function withTrackingToken(subject: string, token: string): string {
  return subject.includes(token) ? subject : `${subject.trimEnd()} ${token}`.trimStart();
}

/** Subjects of replies and forwards in the languages Exchange clients commonly use. */
export function looksLikeReply(subject: string): boolean {
  return /^\s*(re|aw|sv|antw|vs|wg|fw|fwd|tr|r|rif|odp|res)\s*(\[\d+\])?\s*:/i.test(subject);
}

/** What the filter needs to know about a message nobody tracked by hand. */
export interface FilterFacts {
  /** A tracked email is its In-Reply-To, carries its token, or shares its conversation. */
  respondsToCrmEmail: boolean;
  /** For incoming email the sender; for email sent from Exchange clients, the recipients. */
  counterpartTypes: readonly (PartyType | null)[];
}

/** Whether the mailbox's incoming email filter makes this message a CRM email (PRODUCT.md §4). */
export function filterAdmits(filter: IncomingFilter, facts: FilterFacts): boolean {
  switch (filter) {
    case 'ALL_EMAIL':
      return true;
    case 'RESPONSES_TO_CRM_EMAIL':
      return facts.respondsToCrmEmail;
    case 'FROM_CRM_LEADS_CONTACTS_ACCOUNTS':
      return (
        facts.respondsToCrmEmail ||
        facts.counterpartTypes.some((type) => type === 'LEAD' || type === 'CONTACT' || type === 'ACCOUNT')
      );
    case 'FROM_EMAIL_ENABLED_RECORDS':
      return facts.respondsToCrmEmail || facts.counterpartTypes.some((type) => type !== null);
    case 'NONE':
      return false;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

export interface RegardingRef {
  type: RegardingType;
  id: string;
}

/** What decides an email's regarding record, strongest first. */
export interface RegardingEvidence {
  /** A folder rule or an explicit track with a chosen record. */
  userChoice?: RegardingRef | null;
  /** The tracked email this one answers (In-Reply-To). */
  inReplyTo?: RegardingRef | null;
  /** The tracked email whose token the subject carries. */
  trackingToken?: RegardingRef | null;
  /** The latest tracked email of the conversation. */
  conversation?: RegardingRef | null;
}

/** The user's own action first, then In-Reply-To, the tracking token, the conversation (PRODUCT.md §4). */
export function decideRegarding(evidence: RegardingEvidence): RegardingRef | null {
  return evidence.userChoice ?? evidence.inReplyTo ?? evidence.trackingToken ?? evidence.conversation ?? null;
}

/** Why a message is tracked: folder rule, category, the filter; null when it is not tracked. */
export function trackingSource(input: {
  inTrackedFolder: boolean;
  hasTrackedCategory: boolean;
  filterAdmits: boolean;
}): TrackingSource | null {
  if (input.inTrackedFolder) return 'FOLDER';
  if (input.hasTrackedCategory) return 'CATEGORY';
  return input.filterAdmits ? 'FILTER' : null;
}
