import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Mailbox } from './mailbox.entity.ts';
import { Organisation } from './organisation.entity.ts';
import type { SyncRunOutcome } from '../enums.ts';
import type { SyncRunFailureParams } from '../rules/mailbox-sync.rule.ts';
import type { ExchangeFailureKind } from '../rules/mailbox-test.rule.ts';

/** Sync runs kept per mailbox in its history; older ones are pruned as new ones are recorded. */
export const SYNC_HISTORY_LIMIT = 100;

/**
 * One incoming-email sync run that did something: stored or attached mail, failed, or read a folder
 * again after Exchange expired its cursor. Empty polls are not recorded (they are the 60-second
 * norm); at most the last SYNC_HISTORY_LIMIT runs are kept per mailbox.
 */
@Entity({ name: 'mailbox_sync_run' })
// The history reads a mailbox's newest runs, and pruning finds the ones past the limit.
@Index(['mailboxId', 'startedAt'])
export class MailboxSyncRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  mailboxId: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'varchar', length: 12 })
  outcome: SyncRunOutcome;

  /** New emails this run created. */
  @Column({ type: 'integer', default: 0 })
  messagesStored: number;

  /** Copies in this mailbox of emails that already existed (e.g. synced from another mailbox first). */
  @Column({ type: 'integer', default: 0 })
  copiesAttached: number;

  /** Folder reads (Inbox, Sent Items, tracked folders), over all of the run's rounds. */
  @Column({ type: 'integer', default: 0 })
  foldersRead: number;

  /** Folders read again from the start because Exchange expired their delta cursor (410). */
  @Column({ type: 'integer', default: 0 })
  foldersResynced: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  failureKind: ExchangeFailureKind | null;

  /** What went wrong and what to do about it, for a person (never Exchange's raw text), in English. */
  @Column({ type: 'text', nullable: true })
  failureMessage: string | null;

  /**
   * Why the run failed, as a code the console words (SYNC_RUN_FAILURE_CODES, or the code of the alert
   * that disabled the mailbox); null on success and on runs recorded before codes were kept.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  failureCode: string | null;

  /** What the failure's wording is made of (the alert's params, or the seconds until a retry). */
  @Column({ type: 'jsonb', nullable: true })
  failureParams: SyncRunFailureParams | null;
}
