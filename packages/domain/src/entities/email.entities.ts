import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Mailbox } from './mailbox.entity.ts';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';
import type { EmailDirection, EmailStatus, PartyRole, PartyType, RegardingType, TrackingSource } from '../enums.ts';
import type { SendFailureCode, SendFailureParams } from '../rules/email-send.rule.ts';

/**
 * An email activity: one per message per organisation, however many CRM mailboxes hold a copy
 * (the copies are `email_copy` rows). The body is stored as received and only rendered after
 * sanitising.
 */
@Entity({ name: 'email' })
@Index('UQ_email_internet_message_id', ['organisationId', 'internetMessageId'], {
  unique: true,
  where: '"internetMessageId" IS NOT NULL',
})
@Index(['organisationId', 'conversationId'])
// Partial where most rows have nothing to find (incoming mail has no token, often no regarding, and
// is never waiting to be sent): a first sync of thousands of messages maintains fewer index entries.
@Index(['organisationId', 'trackingToken'], { where: '"trackingToken" IS NOT NULL' })
// A timeline's tracked emails regarding one record, thread by thread: a thread's newest email is one
// probe, a page's threads are read back from it, and all threads can be ranked from it alone.
@Index('IDX_email_timeline_thread', ['regardingId', 'organisationId', 'threadHash', 'occurredAt', 'id'], {
  where: 'tracked AND "regardingId" IS NOT NULL',
})
// The same emails newest first: a timeline page finds its threads among a record's newest emails,
// and counts them (index-only) from here.
@Index('IDX_email_timeline_recent', ['regardingId', 'organisationId', 'occurredAt', 'threadHash'], {
  where: 'tracked AND "regardingId" IS NOT NULL',
})
@Index(['status', 'updatedAt'], { where: `status IN ('PENDING_SEND', 'SENDING')` })
export class Email {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 8 })
  direction: EmailDirection;

  @Column({ type: 'varchar', length: 16 })
  status: EmailStatus;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'varchar', length: 4, default: 'html' })
  bodyContentType: 'html' | 'text';

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  preview: string;

  @Column({ type: 'varchar', length: 998, nullable: true })
  internetMessageId: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  conversationId: string | null;

  @Column({ type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  /** e.g. `CRM:0001234`, appended to the subject of outgoing email when tokens are on. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  trackingToken: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regardingType: RegardingType | null;

  @Column({ type: 'uuid', nullable: true })
  regardingId: string | null;

  @Column({ type: 'varchar', length: 10 })
  trackedBy: TrackingSource;

  /** False once untracked: the row stays (so the message is not taken in again) but leaves timelines. */
  @Column({ type: 'boolean', default: true })
  tracked: boolean;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  /** The mailbox an outgoing email is sent through. */
  @ForeignKey(() => Mailbox, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  sendingMailboxId: string | null;

  /** When it was sent or received (creation time until then): the timeline's order. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /**
   * The thread, as a 64-bit hash of its conversation (an email without one is a thread of its
   * own): timelines rank a record's threads from a narrow index on it. Postgres computes it.
   */
  @Column({
    type: 'bigint',
    generatedType: 'STORED',
    asExpression: `hashtextextended(COALESCE("conversationId", "id"::text), 0)`,
    insert: false,
    update: false,
    select: false,
  })
  threadHash: string;

  /** Why sending failed, in English, for API clients and as the console's fallback. */
  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  /** Why sending failed, as a code the console words; null on failures recorded before codes were kept. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  failureCode: SendFailureCode | null;

  /** What the failure's wording is made of (the mailbox's address and how Exchange refused it). */
  @Column({ type: 'jsonb', nullable: true })
  failureParams: SendFailureParams | null;

  /**
   * Sender and recipients in message order (From, To, Cc, Bcc), each resolved to a user or CRM
   * record where the address is known. Kept on the email: a timeline shows them with it, and a
   * first sync writes one row per message instead of one per address.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  parties: EmailPartyValue[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One Exchange copy of an email: the message in one CRM mailbox. */
@Entity({ name: 'email_copy' })
@Index(['emailId'])
// BRIN on "createdAt" (migration SyncHealthIndex): the sync-health dashboard counts recent copies.
@Index('IDX_email_copy_created_brin', { synchronize: false })
export class EmailCopy {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  mailboxId: string;

  /** Exchange's immutable id: it survives moves between folders. */
  @PrimaryColumn({ type: 'varchar', length: 512 })
  exchangeMessageId: string;

  @ForeignKey(() => Email, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  emailId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  folderId: string | null;

  /** The "Tracked to Mailroom" category was on this copy at the last sync. */
  @Column({ type: 'boolean', default: false })
  categoryTracked: boolean;

  /** Deleted in Exchange (or moved out of every synced folder); the activity stays. */
  @Column({ type: 'boolean', default: false })
  removed: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A sender or recipient of an email (in `Email.parties`). */
export interface EmailPartyValue {
  role: PartyRole;
  /** Lower-cased. */
  address: string;
  name: string | null;
  resolvedType: PartyType | null;
  resolvedId: string | null;
}

/**
 * A party of an email resolved to a contact, lead or account: what puts the email on that
 * record's timeline (and its account's). Parties that are users or unknown addresses live only in
 * `Email.parties`.
 */
@Entity({ name: 'email_party' })
@Index(['resolvedId'])
export class EmailParty {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => Email, { onDelete: 'CASCADE' })
  emailId: string;

  @PrimaryColumn({ type: 'varchar', length: 4 })
  role: PartyRole;

  /** Lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  address: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 8 })
  resolvedType: PartyType;

  @Column({ type: 'uuid' })
  resolvedId: string;
}

/** Messages moved into `folderId` are tracked regarding the rule's record. At most 25 per user. */
@Entity({ name: 'folder_tracking_rule' })
@Index(['mailboxId', 'folderId'], { unique: true })
export class FolderTrackingRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  mailboxId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 512 })
  folderId: string;

  @Column({ type: 'varchar', length: 1000 })
  folderPath: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regardingType: RegardingType | null;

  @Column({ type: 'uuid', nullable: true })
  regardingId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A Graph change-notification subscription Mailroom holds for a mailbox's folder. */
@Entity({ name: 'graph_subscription' })
@Index(['mailboxId'])
@Index(['expiresAt'])
export class GraphSubscription {
  /** Exchange's subscription id. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  mailboxId: string;

  @Column({ type: 'varchar', length: 1000 })
  resource: string;

  /** SHA-256 of the clientState: notifications are checked against it, the secret is not stored. */
  @Column({ type: 'varchar', length: 64 })
  clientStateHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
