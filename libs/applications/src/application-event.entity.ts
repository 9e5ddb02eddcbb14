import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Application } from './application.entity';
import { ApplicationStatus } from './application.enums';

/** One change of an application's status: who, when, from, to (and why, for a rejection). Append-only. */
@Entity('application_event')
@Index(['applicationId', 'createdAt'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'uuid' })
  applicationId: string;

  /** Null for the first event (the application was made). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 12 })
  toStatus: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
