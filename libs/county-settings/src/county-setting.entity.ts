import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One county's value for one declared setting; absent rows mean "use the declared default". */
@Entity('county_setting')
export class CountySetting {
  /** The county's 6-digit division code. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  countyCode: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
