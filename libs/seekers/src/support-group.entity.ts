import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * 帮扶人员类别: the national ones (builtin, region null) and those a county adds for itself
 * (region = the county's 6-digit code). Codes are upper-case identifiers.
 */
@Entity('support_group')
export class SupportGroup {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** Null for the national groups; a county code for a county's own group. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'boolean', default: false })
  builtin: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
