import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AppInUse, ExchangeSubscriptionState, SyncMethod } from '../enums.ts';

/** A tenant of Mailroom. Every other row carries the id of exactly one organisation. */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Connected Microsoft 365 tenant (directory id); null until an administrator connects one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  tenantId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  appClientId: string | null;

  /** Client secret of the app registration, encrypted at rest; never returned by the API. */
  @Column({ type: 'text', nullable: true })
  appClientSecretEncrypted: string | null;

  /** Detected from the tenant's subscribed SKUs, never assumed. */
  @Column({ type: 'varchar', length: 16, default: 'UNKNOWN' })
  exchangeSubscription: ExchangeSubscriptionState;

  @Column({ type: 'timestamptz', nullable: true })
  exchangeCheckedAt: Date | null;

  /** The administrator's "email integration" feature switch. */
  @Column({ type: 'boolean', default: true })
  emailIntegrationEnabled: boolean;

  @Column({ type: 'varchar', length: 16, default: 'SALES_HUB' })
  appInUse: AppInUse;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  defaultIncomingMethod: SyncMethod;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  defaultOutgoingMethod: SyncMethod;

  @Column({ type: 'varchar', length: 20, default: 'NONE' })
  defaultActMethod: SyncMethod;

  /** Message tracking from the mail client (the App for Outlook equivalent). */
  @Column({ type: 'boolean', default: false })
  outlookAppEnabled: boolean;

  @Column({ type: 'boolean', default: true })
  processApprovedMailboxesOnly: boolean;

  @Column({ type: 'boolean', default: true })
  trackingTokenEnabled: boolean;

  @Column({ type: 'varchar', length: 20, default: 'CRM' })
  trackingTokenPrefix: string;

  @Column({ type: 'boolean', default: true })
  alertsOnError: boolean;

  @Column({ type: 'boolean', default: false })
  alertsOnWarning: boolean;

  @Column({ type: 'boolean', default: true })
  alertsOnInformation: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  emailConfiguredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
