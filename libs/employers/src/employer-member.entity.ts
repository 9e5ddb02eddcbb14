import { Column, CreateDateColumn, Entity, type EntityManager, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Account } from '@jobcode/accounts';

import { Employer } from './employer.entity';

/** An EMPLOYER account that acts for an employer. */
@Entity('employer_member')
@Index(['accountId'])
export class EmployerMember {
  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @PrimaryColumn({ type: 'uuid' })
  employerId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  /**
   * Manages the company itself: edits its details and adds colleagues. The account that
   * registered the company, or the first one staff linked to a company they registered.
   */
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The accounts acting for an employer (the people told of its applications, signatures and gig bookings). */
export async function employerMemberAccountIds(manager: EntityManager, employerId: string | null): Promise<string[]> {
  if (!employerId) return [];
  const members = await manager.find(EmployerMember, { where: { employerId }, select: { accountId: true }, order: { createdAt: 'ASC' } });
  return members.map((m) => m.accountId);
}
