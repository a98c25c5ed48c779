import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';
import { SecurityRole } from './security-role.entity.ts';
import { User } from './user.entity.ts';

/** Links a user to a security role of the same organisation. */
@Entity({ name: 'user_role' })
@Index(['userId', 'roleId'], { unique: true })
export class UserRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  userId: string;

  @ForeignKey(() => SecurityRole, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  roleId: string;
}
