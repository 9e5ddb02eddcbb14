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

  @Column({ type: 'text' })
  passwordHash: string;

  /** STAFF: the region they work in. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'integer', default: 0 })
  failedSignIns: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
