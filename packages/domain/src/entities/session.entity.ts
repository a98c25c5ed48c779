import { ForeignKey, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import { User } from './user.entity.ts';

/** A signed-in session. Only the SHA-256 of the bearer token is stored. */
@Entity({ name: 'session' })
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  userId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
