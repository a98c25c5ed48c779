import { ForeignKey, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';
import type { JobKind, JobStatus } from '../enums.ts';

/**
 * Why a job failed, as a code the console words. GAVE_UP: its last attempt failed (the worker log
 * says why), and running it again is the way on.
 */
export const JOB_ERROR_CODES = ['GAVE_UP'] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

/** JSON-safe per-item outcome of a job. */
export type JobReport = Record<string, unknown>;

/** A bulk job as users see it: kind, progress and outcome. The BullMQ job carries only its id. */
@Entity({ name: 'job' })
@Index(['organisationId', 'createdAt'])
// A request repeated while the same work is still queued or running gets the same job back.
@Index('UQ_job_active_dedupe', ['organisationId', 'dedupeKey'], {
  unique: true,
  where: "\"status\" IN ('QUEUED', 'RUNNING')",
})
export class Job {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: JobKind;

  @Column({ type: 'varchar', length: 12, default: 'QUEUED' })
  status: JobStatus;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  /** Per-item outcome written by the worker (e.g. why a mailbox was not auto-approved). */
  @Column({ type: 'jsonb', default: {} })
  report: JobReport;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Why the job failed, as a code the console words (`error` is the English text for API clients). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  errorCode: JobErrorCode | null;

  /** Hash of the kind and its inputs, for "double click" deduplication while the job is active. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  dedupeKey: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  startedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
