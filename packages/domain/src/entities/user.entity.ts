import { ForeignKey, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import type { SalesLicense } from '../enums.ts';

@Entity({ name: 'app_user' })
@Index(['organisationId', 'primaryEmailLower'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 320 })
  primaryEmail: string;

  /** Lower-cased primary email: sign-in and uniqueness are case-insensitive. */
  @Column({ type: 'varchar', length: 320 })
  primaryEmailLower: string;

  @Column({ type: 'varchar', length: 320 })
  userPrincipalName: string;

  @Column({ type: 'varchar', length: 24, default: 'NONE' })
  salesLicense: SalesLicense;

  /** Read from the tenant's directory (an enabled Exchange service plan). */
  @Column({ type: 'boolean', default: false })
  exchangeLicenseValid: boolean;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  directoryObjectId: string | null;

  /** The user's manager: managers see their team's mailboxes. */
  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  managerUserId: string | null;

  /** scrypt hash; null for users who cannot sign in with a password. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
