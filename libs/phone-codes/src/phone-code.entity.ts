import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { PhoneCodePurpose } from './phone-code-purpose';

/**
 * A one-time code texted to a mobile number for one purpose (and, for some purposes, one
 * thing: `scope`, e.g. a contract). Only HMACs of the phone and of the code are stored.
 */
@Entity('phone_code')
@Index(['phoneHash', 'purpose', 'scope', 'createdAt'])
export class PhoneCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** HMAC of the mobile number (purpose `phone-code`). */
  @Column({ type: 'char', length: 64 })
  phoneHash: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: PhoneCodePurpose;

  /** What the code is for beyond its purpose (a contract id), '' when nothing. */
  @Column({ type: 'varchar', length: 64, default: '' })
  scope: string;

  /** HMAC of the phone, purpose, scope and code together. */
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
