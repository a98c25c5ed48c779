import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Job } from './job.entity.ts';
import { Organisation } from './organisation.entity.ts';

export type JobItemStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

/**
 * What happened to an item, as a code the console words (`detail.outcome`; `detail.message` is the
 * English text for API clients): NOT_ELIGIBLE (kept out of auto-approval, `detail.reasons` say
 * why), ALREADY_ENABLED, MAILBOX_DELETED, GAVE_UP (the job's last attempt failed). Items of a
 * mailbox test carry none: the mailbox's alerts say what happened.
 */
export const JOB_ITEM_OUTCOMES = ['NOT_ELIGIBLE', 'ALREADY_ENABLED', 'MAILBOX_DELETED', 'GAVE_UP'] as const;
export type JobItemOutcome = (typeof JOB_ITEM_OUTCOMES)[number];

/**
 * One item of a bulk job (e.g. one mailbox of Approve and test). Its final status is written once,
 * and only that write moves the job's counters, so a retried child job never counts twice.
 */
@Entity({ name: 'job_item' })
@Index(['jobId', 'itemId'], { unique: true })
export class JobItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Job, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  jobId: string;

  /** The id of what the item is about (a mailbox id). */
  @Column({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status: JobItemStatus;

  /** What happened, for the job's report (e.g. the reasons a mailbox was not auto-approved). */
  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
