import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Mailbox } from './mailbox.entity.ts';
import { Organisation } from './organisation.entity.ts';
import type { AlertSeverity } from '../enums.ts';

/** An alert on a mailbox. Repeats of the same code fold into one row (count, last occurrence). */
@Entity({ name: 'mailbox_alert' })
@Index(['mailboxId', 'lastOccurredAt'])
// One open alert per mailbox and code: repeats fold into it (count, last occurrence).
@Index('UQ_mailbox_alert_open', ['mailboxId', 'code'], { unique: true, where: '"dismissedAt" IS NULL' })
export class MailboxAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Mailbox, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  mailboxId: string;

  @Column({ type: 'varchar', length: 12 })
  severity: AlertSeverity;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'timestamptz' })
  firstOccurredAt: Date;

  @Column({ type: 'timestamptz' })
  lastOccurredAt: Date;

  @Column({ type: 'integer', default: 1 })
  count: number;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;
}
