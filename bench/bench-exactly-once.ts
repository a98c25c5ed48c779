// Whether a first sync stored every message of Exchange's synced folders exactly once: the
// comparison alone, so it is tested without a database or an emulator.

/** What Exchange holds in the synced folders (Inbox, Sent Items) of the benchmark's mailboxes. */
export interface GroundTruth {
  /** Internet message ids; the scale scenario gives every message its own. */
  messageIds: Set<string>;
  /** Per mailbox id: Exchange message id → Internet message id. */
  copies: Map<string, Map<string, string>>;
}

/** What Postgres holds of the same messages. */
export interface Held {
  /** Internet message id → emails holding it. */
  emails: Map<string, number>;
  /** Per mailbox id: Exchange message id → the Internet message id of the email it is a copy of. */
  copies: Map<string, Map<string, string | null>>;
}

/** Every count but `expected` must be 0. */
export interface ExactlyOnce {
  expected: number;
  /** Emails beyond the first for the same Internet message id. */
  duplicated: number;
  missing: number;
  /** Emails of messages Exchange does not hold in a synced folder. */
  unexpected: number;
  /** Mailbox copies Exchange holds that Postgres does not. */
  copiesMissing: number;
  /** Copies attached to an email with another Internet message id. */
  copiesWrong: number;
}

export function compareWithTruth(truth: GroundTruth, held: Held): ExactlyOnce {
  let missing = 0;
  for (const id of truth.messageIds) if (!held.emails.has(id)) missing++;
  let duplicated = 0;
  let unexpected = 0;
  for (const [id, n] of held.emails) {
    duplicated += n - 1;
    if (!truth.messageIds.has(id)) unexpected++;
  }
  let copiesMissing = 0;
  let copiesWrong = 0;
  for (const [mailboxId, expected] of truth.copies) {
    const stored = held.copies.get(mailboxId);
    for (const [key, internetMessageId] of expected) {
      if (!stored?.has(key)) copiesMissing++;
      else if (stored.get(key) !== internetMessageId) copiesWrong++;
    }
  }
  return { expected: truth.messageIds.size, duplicated, missing, unexpected, copiesMissing, copiesWrong };
}

/** Every count that must be 0, summed. */
export const exactlyOnceFaults = (check: ExactlyOnce) =>
  check.duplicated + check.missing + check.unexpected + check.copiesMissing + check.copiesWrong;

export const exactlyOnceHolds = (check: ExactlyOnce) => exactlyOnceFaults(check) === 0;

/** The counts in a fixed order: duplicated/missing/unexpected/copies missing/copies on the wrong email. */
export const exactlyOnceCounts = (check: ExactlyOnce) =>
  [check.duplicated, check.missing, check.unexpected, check.copiesMissing, check.copiesWrong].join('/');

export const EXACTLY_ONCE_COUNTS = 'duplicated/missing/unexpected/copies missing/copies on the wrong email';
