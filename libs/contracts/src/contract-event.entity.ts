import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What happened to a contract; each event's hash covers the previous one's (a hash chain). */
export enum ContractEventKind {
  OFFERED = 'OFFERED',
  SENT = 'SENT',
  SIGNING_CODE_SENT = 'SIGNING_CODE_SENT',
  SIGNED_BY_SEEKER = 'SIGNED_BY_SEEKER',
  COUNTERSIGNED = 'COUNTERSIGNED',
  SEALED = 'SEALED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  ENDED = 'ENDED',
}

/**
 * One contract event, append-only (a trigger refuses UPDATE and DELETE). `hash` =
 * SHA-256(prevHash ‖ canonical JSON of {contractId, seq, kind, actorAccountId, data, at}):
 * editing or deleting any event breaks every hash after it.
 */
@Entity('contract_event')
@Index(['contractId', 'seq'], { unique: true })
export class ContractEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  kind: ContractEventKind;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
