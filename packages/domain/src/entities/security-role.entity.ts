import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity.ts';

/** A security role of one organisation. The five standard roles are seeded when it is provisioned. */
@Entity({ name: 'security_role' })
@Index(['organisationId', 'name'], { unique: true })
export class SecurityRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Organisation, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  organisationId: string;

  /** For the standard roles, one of SECURITY_ROLES; organisations may add their own names. */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'boolean', default: false })
  builtIn: boolean;
}
