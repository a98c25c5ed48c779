import type { ChaosOptions } from './chaos-run.ts';

export type ChaosProfile = Omit<ChaosOptions, 'seed' | 'log'>;

/** `npm run chaos`: 20,000 messages across 50 mailboxes, 200 sends, 20-second fault windows. */
export const FULL: ChaosProfile = {
  mailboxes: 50,
  // The scale scenario files ~94 % of a mailbox's messages in Inbox and Sent Items: ~20,000 in all.
  messagesPerMailbox: 426,
  sends: 200,
  deliveriesPerSecond: 2,
  workers: 2,
  faultWindowMs: 20_000,
  settleDeadlineMs: 300_000,
  pollIntervalSeconds: 30,
  workerEnv: {
    // Recovery sized to the run: a crashed sync's mailbox is taken back after 15 s, and a send cut
    // off mid-call is looked for in Sent Items for 30 s before it is sent again (the emulator files
    // Sent Items at once; Exchange Online may take minutes, hence the 300 s default).
    SYNC_LEASE_SECONDS: '15',
    SEND_SENT_ITEMS_GRACE_SECONDS: '30',
    SEND_STALLED_SECONDS: '30',
  },
};

/** The variant inside `npm test` (and `npm run chaos -- --reduced`): 4 mailboxes, 3-second windows. */
export const REDUCED: ChaosProfile = {
  mailboxes: 4,
  messagesPerMailbox: 150,
  sends: 16,
  deliveriesPerSecond: 2,
  workers: 2,
  faultWindowMs: 3_000,
  settleDeadlineMs: 90_000,
  pollIntervalSeconds: 5,
  workerEnv: { SYNC_LEASE_SECONDS: '5', SEND_SENT_ITEMS_GRACE_SECONDS: '5', SEND_STALLED_SECONDS: '5' },
};
