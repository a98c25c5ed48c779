import {
  ForeignKey,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EmailServerProfile } from './email-server-profile.entity.ts';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';
import type {
  ApprovalStatus,
  IncomingFilter,
  ProcessingState,
  SyncMethod,
  TestRunStatus,
  TestStatus,
} from '../enums.ts';

/** Delta cursors per Exchange folder id: the deltaLink to resume from. */
export type DeltaCursors = Record<string, string>;

@Entity({ name: 'mailbox' })
@Index(['organisationId', 'emailAddressLower'], { unique: true })
// The Mailboxes list filters by test run status, and counts what the filter selects.
@Index(['organisationId', 'testRunStatus'])
export class Mailbox {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  /** The owning user; null for a queue mailbox (e.g. sales@). */
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  queueName: string | null;

  @Column({ type: 'varchar', length: 320 })
  emailAddress: string;

  @Column({ type: 'varchar', length: 320 })
  emailAddressLower: string;

  @ForeignKey(() => EmailServerProfile, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  emailServerProfileId: string | null;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  incomingMethod: SyncMethod;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  outgoingMethod: SyncMethod;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  actMethod: SyncMethod;

  @Column({ type: 'varchar', length: 16, default: 'NOT_APPROVED' })
  approvalStatus: ApprovalStatus;

  @Column({ type: 'varchar', length: 12, default: 'NOT_RUN' })
  incomingStatus: TestStatus;

  @Column({ type: 'varchar', length: 12, default: 'NOT_RUN' })
  outgoingStatus: TestStatus;

  @Column({ type: 'varchar', length: 12, default: 'NOT_RUN' })
  actStatus: TestStatus;

  @Column({ type: 'varchar', length: 12, default: 'NOT_RUN' })
  testRunStatus: TestRunStatus;

  @Column({ type: 'boolean', default: false })
  enabledForIncoming: boolean;

  @Column({ type: 'boolean', default: false })
  enabledForOutgoing: boolean;

  @Column({ type: 'boolean', default: false })
  enabledForAct: boolean;

  @Column({ type: 'varchar', length: 40, default: 'RESPONSES_TO_CRM_EMAIL' })
  incomingFilter: IncomingFilter;

  @Column({ type: 'varchar', length: 12, default: 'ACTIVE' })
  processingState: ProcessingState;

  @Column({ type: 'timestamptz', nullable: true })
  lastSyncAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSyncSuccessAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', nullable: true })
  backoffUntil: Date | null;

  @Column({ type: 'jsonb', default: {} })
  deltaCursors: DeltaCursors;

  @Column({ type: 'boolean', default: false })
  folderTrackingEnabled: boolean;

  /** What the sync is doing now (e.g. "incoming:inbox") and since when; a sweeper finds stuck ones. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  syncStage: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  syncStageStartedAt: Date | null;

  /**
   * Appointments, contacts and tasks sync on their own schedule and lease, with their own
   * failures and back-off: a failing ACT channel does not hold up email.
   */
  @Column({ type: 'jsonb', default: {} })
  actCursors: DeltaCursors;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actSyncStage: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  actSyncStageStartedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  actConsecutiveFailures: number;

  @Column({ type: 'timestamptz', nullable: true })
  actBackoffUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  actLastSyncAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  actLastSyncSuccessAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
