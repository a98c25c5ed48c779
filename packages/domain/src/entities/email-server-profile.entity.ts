import { ForeignKey, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';
import type { ServerType } from '../enums.ts';

/** The settings server-side sync uses to reach an email server for the mailboxes attached to it. */
@Entity({ name: 'email_server_profile' })
export class EmailServerProfile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 24, default: 'EXCHANGE_ONLINE' })
  serverType: ServerType;

  @Column({ type: 'varchar', length: 500, default: 'https://graph.microsoft.com' })
  graphEndpoint: string;

  @Column({ type: 'varchar', length: 500, default: 'https://login.microsoftonline.com' })
  authorityUrl: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  tenantId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientId: string | null;

  /** Write-only, encrypted at rest. */
  @Column({ type: 'text', nullable: true })
  clientSecretEncrypted: string | null;

  /** PEM certificate + key for certificate credentials, encrypted at rest. */
  @Column({ type: 'text', nullable: true })
  certificateEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processEmailReceivedAfter: Date | null;

  @Column({ type: 'integer', default: 60 })
  minPollingIntervalSeconds: number;

  /** Exchange Online allows 4 concurrent requests per app and mailbox. */
  @Column({ type: 'integer', default: 4 })
  maxConcurrentRequestsPerMailbox: number;

  @Column({ type: 'boolean', default: false })
  moveFailedToUndeliverable: boolean;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
