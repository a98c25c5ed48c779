import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import type { SyncDecision } from './activity.entities.ts';
import { User } from './user.entity.ts';

/** A customer company. Email tracked against it shows on its timeline. */
@Entity({ name: 'account' })
@Index(['organisationId', 'name'])
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The account's general address (e.g. info@), lower-cased; resolves email parties to the account. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  emailAddress: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A person at a customer. Addresses are kept lower-cased: parties resolve by address. */
@Entity({ name: 'contact' })
@Index(['organisationId', 'emailAddress'])
@Index(['organisationId', 'ownerUserId'])
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  emailAddress: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  jobTitle: string | null;

  @ForeignKey(() => Account, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  businessPhone: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  mobilePhone: string | null;

  /** The company as the contact's card says (the account's name when it was created from one). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  companyName: string | null;

  /** The last conflict the owner's contact sync settled on this contact, if any. */
  @Column({ type: 'jsonb', nullable: true })
  syncDecision: SyncDecision | null;

  /** Raised by every change in the CRM: the contact sync compares it with what it last wrote or read. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A prospect not yet qualified into an account and contact. */
@Entity({ name: 'lead' })
@Index(['organisationId', 'emailAddress'])
export class Lead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  companyName: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  emailAddress: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A potential sale with an account, the contacts involved and an owner. */
@Entity({ name: 'opportunity' })
@Index(['organisationId', 'ownerUserId'])
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @ForeignKey(() => Account, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  /** Estimated value in the organisation's currency, in minor units (cents). */
  @Column({ type: 'bigint', nullable: true })
  estimatedValueMinor: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A contact involved in an opportunity. */
@Entity({ name: 'opportunity_contact' })
@Index(['opportunityId', 'contactId'], { unique: true })
export class OpportunityContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => Opportunity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  opportunityId: string;

  @ForeignKey(() => Contact, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  contactId: string;
}
