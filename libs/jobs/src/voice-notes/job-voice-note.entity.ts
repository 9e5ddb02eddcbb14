import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { Account } from '@jobcode/accounts';

import { Job } from '../job.entity';

/**
 * A job's voice note: one short recording (≤ 60 s, ≤ 1 MB) that the seekers' pages play
 * where the phone cannot read the job aloud. The recording is the recorder's personal data:
 * it is served to the public only while the job is published, and it goes with the job
 * (and with the recorder's account) by ON DELETE CASCADE. A new upload replaces it.
 */
@Entity('job_voice_note')
@Check('job_voice_note_duration_check', `"duration_seconds" > 0 AND "duration_seconds" <= 60`)
@Check('job_voice_note_size_check', `octet_length("audio") <= 1048576`)
export class JobVoiceNote {
  @PrimaryColumn({ type: 'uuid' })
  jobId: string;

  @OneToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column({ type: 'varchar', length: 20 })
  mimeType: string;

  /** Whole seconds, rounded up (a 12.3 s note reads as 13 秒). */
  @Column({ type: 'smallint' })
  durationSeconds: number;

  @Column({ type: 'integer' })
  byteLength: number;

  @Column({ type: 'bytea', select: false })
  audio?: Buffer;

  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
