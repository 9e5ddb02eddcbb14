import { Injectable, type OnModuleInit } from '@nestjs/common';

import { OutboxService } from '@jobcode/outbox';

import { Job } from '../job.entity';
import { JobStatus } from '../job.enums';
import { JOB_CHANGED } from '../jobs.service';
import { JobVoiceNote } from './job-voice-note.entity';

export const VOICE_NOTE_RETENTION = 'jobs.voice-note-retention';

/** Statuses a job never leaves: its recruiting is over, so the recording has no purpose left. */
const ENDED = new Set<JobStatus>([JobStatus.CLOSED, JobStatus.FILLED, JobStatus.EXPIRED]);

/**
 * The recorder's voice is personal data kept only for the job: when the job is closed, filled
 * or expired (each publishes `job.changed` in its transaction), its note is deleted. A deleted
 * job takes its note with it by ON DELETE CASCADE.
 */
@Injectable()
export class VoiceNoteRetention implements OnModuleInit {
  constructor(private readonly outbox: OutboxService) {}

  onModuleInit(): void {
    this.outbox.subscribe<{ jobId: string }>(JOB_CHANGED, VOICE_NOTE_RETENTION, async (event, { manager }) => {
      const job = await manager.findOne(Job, { where: { id: event.payload.jobId }, select: { id: true, status: true } });
      if (!job || ENDED.has(job.status)) await manager.delete(JobVoiceNote, { jobId: event.payload.jobId });
    });
  }
}
