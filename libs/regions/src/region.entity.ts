import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { RegionLevel } from '@jobcode/common';

/** An administrative division, by its national statistical code at natural length. */
@Entity('region')
@Index(['parentCode'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  /** True when the code follows the pattern only and was not verified against published data. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;
}
