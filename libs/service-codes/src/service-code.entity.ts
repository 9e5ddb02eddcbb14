import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ServiceCodeTargetKind } from './service-code-target-kind';

/**
 * An employment service code (就业服务码): an unguessable token bound to one target.
 * The target's row is never touched by issuing, revoking or rotating its codes.
 */
@Entity('service_code')
@Index(['targetKind', 'targetId'])
@Index('service_code_region_prefix', { synchronize: false })
export class ServiceCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** base58, 96 random bits; the QR encodes PUBLIC_URL/c/<token>. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 24 })
  token: string;

  @Column({ type: 'varchar', length: 12 })
  targetKind: ServiceCodeTargetKind;

  @Column({ type: 'uuid' })
  targetId: string;

  /** The division the target lies in, copied at issue time for staff scope and statistics. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  /** Where this copy hangs, e.g. "村委会信息栏". A target may have several codes. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  label: string | null;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  /** Set when the code was rotated: the code that replaced it. */
  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;
}
