import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 就业大篷车: a series of fairs, each in a different township of one county. */
@Entity('job_caravan')
export class JobCaravan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The county it tours (6 digits). */
  @Column({ type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ type: 'varchar', length: 100 })
  organiser: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
