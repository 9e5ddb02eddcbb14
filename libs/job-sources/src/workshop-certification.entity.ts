import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Workshop } from './workshop.entity';

/**
 * One span a workshop was certified: from `certifiedOn` to the day before `revokedOn` (open while
 * certified). A workshop certified, revoked and certified again has two; workshop figures count
 * each period by the spans, so a re-certification does not rewrite earlier years.
 */
@Entity('workshop_certification')
@Index(['workshopId'])
@Index('workshop_certification_open', ['workshopId'], { unique: true, where: '"revoked_on" IS NULL' })
@Check('workshop_certification_span_check', `"revoked_on" IS NULL OR "revoked_on" >= "certified_on"`)
export class WorkshopCertification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'uuid' })
  workshopId: string;

  @Column({ type: 'date' })
  certifiedOn: string;

  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;
}
