import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Employer } from '@jobcode/employers';

import { JobFair } from './job-fair.entity';

/** An employer's place at a fair; one per employer and fair. */
@Entity('fair_booth')
@Index(['fairId', 'employerId'], { unique: true })
@Index(['employerId'])
@Check('fair_booth_posts_check', `"declared_posts" IS NULL OR "declared_posts" >= 0`)
export class FairBooth {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => JobFair, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fair_id' })
  fair?: JobFair;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'uuid' })
  fairId: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  boothNumber: string | null;

  /** Posts the employer declares it brings, when it has not entered them as jobs. */
  @Column({ type: 'integer', nullable: true })
  declaredPosts: number | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
