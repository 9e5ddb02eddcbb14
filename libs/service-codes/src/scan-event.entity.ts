import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ServiceCodeTargetKind } from './service-code-target-kind';

/**
 * One scan of a code: when, which code and target, the signed-in account if any, and a
 * coarse client class. No IP address is stored (rate limits keep a keyed hash for a
 * window only).
 */
@Entity('scan_event')
@Index(['codeId', 'scannedAt'])
@Index(['targetKind', 'targetId', 'scannedAt'])
@Index('scan_event_region_day', { synchronize: false })
export class ScanEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  codeId: string;

  @Column({ type: 'varchar', length: 12 })
  targetKind: ServiceCodeTargetKind;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'timestamptz' })
  scannedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  /** WECHAT, ANDROID, IOS, DESKTOP or OTHER. */
  @Column({ type: 'varchar', length: 10 })
  client: string;

  /** GRAPHQL or PAGE (the no-JavaScript scan page). */
  @Column({ type: 'varchar', length: 8 })
  channel: string;
}
