import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Role } from '@jobcode/common';

@Entity('account')
@Index(['regionCode'])
/** Created by the migration with varchar_pattern_ops for region-prefix filters; TypeORM cannot express the operator class. */
@Index('account_region_prefix', { synchronize: false })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  role: Role;

  /** HMAC of the phone number: the sign-in look-up key. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  phoneHash: string;

  /** AES-256-GCM of the phone number. */
  @Column({ type: 'text' })
  phoneEncrypted: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** argon2; null for an account made by phone code that has not set a password (it signs in by code). */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  /** STAFF: the region they work in. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** The authenticator app's TOTP secret (base32), AES-256-GCM; set at enrolment, active once confirmed. */
  @Column({ type: 'text', nullable: true })
  totpSecretEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238 §5.2). */
  @Column({ type: 'integer', nullable: true })
  totpLastStep: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
