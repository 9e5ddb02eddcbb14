import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per scan target (station, workshop, fair, job) that database triggers bump, at
 * commit, whenever anything a scan of it can show changes: its jobs, their shifts and booked
 * slots, the target row itself, a fair's booths, the jobs' employers. Read together with the
 * token in one indexed statement, it tells every API process whether a cached scan is still
 * exactly what the database would give. Rows appear on the first change (absent = 0).
 */
@Entity('scan_target_version')
export class ScanTargetVersion {
  @PrimaryColumn({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'bigint', default: 1 })
  version: string;
}
