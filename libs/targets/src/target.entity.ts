import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { TargetMetric } from './target-metric';

/** 年度任务数: one number per region, year and metric. */
@Entity('target')
@Index(['regionCode', 'year', 'metric'], { unique: true })
@Check('target_value_check', `"value" > 0`)
@Check('target_year_check', `"year" BETWEEN 2000 AND 2100`)
@Check(
  'target_metric_check',
  `"metric" IN ('PUBLIC_WELFARE_PLACEMENTS', 'IN_COUNTY_PLACEMENTS', 'IN_PROVINCE_PLACEMENTS', 'OUT_OF_PROVINCE_PLACEMENTS', 'LIFTED_OUT_PLACEMENTS', 'MONITORED_PLACEMENTS', 'NEW_WORKSHOPS')`,
)
export class Target {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 40 })
  metric: TargetMetric;

  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'uuid' })
  setBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
