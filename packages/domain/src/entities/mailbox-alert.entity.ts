import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Mailbox } from './mailbox.entity.ts';
import { Organisation } from './organisation.entity.ts';
import type { AlertSeverity } from '../enums.ts';
import type { AlertParams } from '../rules/mailbox-test.rule.ts';

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

  /** English, for API clients and as the console's fallback. */
  @Column({ type: 'text' })
  message: string;

  /** What the message is made of, to word it in another language; null on alerts raised before they were kept. */
  @Column({ type: 'jsonb', nullable: true })
  params: AlertParams | null;

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
