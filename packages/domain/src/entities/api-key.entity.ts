import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';

/**
 * A key an API consumer calls with (`Authorization: Bearer mrk_…`), acting as the user who
 * created it with that user's roles. Only the SHA-256 of the key is stored; the key itself is
 * shown once, when created.
 */
@Entity({ name: 'api_key' })
@Index(['organisationId', 'userId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The key's first characters, to tell keys apart (not enough to use one). */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  keyHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
