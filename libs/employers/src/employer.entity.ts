import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum EmployerStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

/** A company, co-operative or farm that offers work (用人单位). */
@Entity('employer')
@Index('employer_region_prefix', { synchronize: false })
@Check('employer_status_check', `"status" IN ('PENDING', 'VERIFIED', 'REJECTED')`)
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Unified social credit code, normalised and check-character valid. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 50 })
  contactName: string;

  /** AES-256-GCM of the contact's mobile number (personal data). */
  @Column({ type: 'text' })
  contactPhoneEncrypted: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** 法定代表人或主要负责人 (Labour Contract Law art. 17): printed on the parties' contracts. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'varchar', length: 10, default: EmployerStatus.PENDING })
  status: EmployerStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  /** The account that registered it: the employer itself or a staff member on its behalf. */
  @Column({ type: 'uuid' })
  registeredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
