import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PartyType, RegardingType, SyncSide, TaskImportance, TaskStatus } from '../enums.ts';
import { Mailbox } from './mailbox.entity.ts';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';

/** How a conflict between the two sides was settled, recorded on the item it concerned. */
export interface SyncDecision {
  /** When the sync decided (ISO instant). */
  at: string;
  /** The fields both sides had changed to different values, and whose value each kept. */
  fields: { field: string; kept: SyncSide }[];
}

/**
 * A CRM task: owned by a user, optionally regarding a record (it then shows on that record's
 * timeline), and kept in step with the owner's default To Do list when their mailbox syncs
 * appointments, contacts and tasks.
 */
@Entity({ name: 'task' })
@Index(['organisationId', 'ownerUserId'])
@Index(['regardingId'], { where: '"regardingId" IS NOT NULL' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  ownerUserId: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  /** Plain text. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'NOT_STARTED' })
  status: TaskStatus;

  @Column({ type: 'varchar', length: 6, default: 'NORMAL' })
  importance: TaskImportance;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regardingType: RegardingType | null;

  @Column({ type: 'uuid', nullable: true })
  regardingId: string | null;

  /** The last conflict the sync settled on this task, if any. */
  @Column({ type: 'jsonb', nullable: true })
  syncDecision: SyncDecision | null;

  /** Raised by every change in the CRM: the sync compares it with what it last wrote or read. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Deleted in the CRM, kept until the sync has deleted the To Do task too. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

/** An attendee of an appointment, resolved to a user or CRM record where the address is known. */
export interface AppointmentAttendee {
  /** Lower-cased. */
  address: string;
  resolvedType: PartyType | null;
  resolvedId: string | null;
}

/**
 * A CRM appointment: owned by a user, regarding a record and/or with contacts, leads or accounts
 * among its attendees (it then shows on their timelines), and kept in step with the owner's
 * primary calendar when their mailbox syncs appointments, contacts and tasks.
 */
@Entity({ name: 'appointment' })
@Index(['organisationId', 'ownerUserId'])
@Index(['regardingId'], { where: '"regardingId" IS NOT NULL' })
@Index(['organisationId', 'startAt'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  ownerUserId: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  /** Plain text. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  location: string;

  @Column({ type: 'timestamptz' })
  startAt: Date;

  @Column({ type: 'timestamptz' })
  endAt: Date;

  @Column({ type: 'boolean', default: false })
  isAllDay: boolean;

  /** Sorted by address. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attendees: AppointmentAttendee[];

  @Column({ type: 'varchar', length: 12, nullable: true })
  regardingType: RegardingType | null;

  @Column({ type: 'uuid', nullable: true })
  regardingId: string | null;

  /** The last conflict the sync settled on this appointment, if any. */
  @Column({ type: 'jsonb', nullable: true })
  syncDecision: SyncDecision | null;

  /** Raised by every change in the CRM: the sync compares it with what it last wrote or read. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Deleted in the CRM, kept until the sync has deleted the event too. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

export const EXCHANGE_ITEM_KINDS = ['TASK', 'APPOINTMENT', 'CONTACT'] as const;
export type ExchangeItemKind = (typeof EXCHANGE_ITEM_KINDS)[number];

/**
 * A CRM item paired with its Exchange item in one mailbox, with each side's change marker as
 * the sync last saw or wrote it (Exchange's changeKey or ETag, the CRM row's version) and the
 * shared field values then (the base a three-way merge compares both sides with). An Exchange
 * id still null is a create in flight: the item is being written to Exchange.
 */
@Entity({ name: 'exchange_link' })
@Index(['mailboxId', 'kind', 'exchangeId'], { unique: true, where: '"exchangeId" IS NOT NULL' })
export class ExchangeLink {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  mailboxId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: ExchangeItemKind;

  @PrimaryColumn({ type: 'uuid' })
  crmId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  exchangeId: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  changeKey: string | null;

  @Column({ type: 'integer' })
  crmVersion: number;

  @Column({ type: 'jsonb' })
  base: Record<string, unknown>;

  /**
   * The Exchange item was deleted and the CRM item stays (a contact): the pair no longer syncs,
   * so the CRM item is not written back to Exchange.
   */
  @Column({ type: 'boolean', default: false })
  detached: boolean;

  /**
   * Why Exchange refused the CRM item as it is (at `crmVersion`): it is not sent again until it
   * changes in the CRM, and the rest of the mailbox syncs on.
   */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  syncedAt: Date;
}
