import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { NUMERIC } from './coordinates';

/** 零工市场 (county) / 零工中心 (township) / 零工驿站 (village). */
export enum GigStationLevel {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

/** A place where gig workers and employers meet; its level matches the level of its region. */
@Entity('gig_station')
@Index('gig_station_region_prefix', { synchronize: false })
@Check('gig_station_level_check', `"level" IN ('COUNTY', 'TOWNSHIP', 'VILLAGE')`)
export class GigStation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: GigStationLevel;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02 latitude in degrees. */
  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  latitude: number;

  /** GCJ-02 longitude in degrees. */
  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  longitude: number;

  @Column({ type: 'varchar', length: 100 })
  openingHours: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
