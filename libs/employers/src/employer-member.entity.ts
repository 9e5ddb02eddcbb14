import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
