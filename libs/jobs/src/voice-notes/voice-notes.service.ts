import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, notFound } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';

import { JobStatus } from '../job.enums';
import { JobsService } from '../jobs.service';
import { type AudioProbe, probeAudio } from './audio-probe';
import { JobVoiceNote } from './job-voice-note.entity';

/** Longest note, in seconds, and largest file, in bytes (60 s of Opus at 32 kbit/s is about 240 KB). */
export const VOICE_NOTE_MAX_SECONDS = 60;
export const VOICE_NOTE_MAX_BYTES = 1024 * 1024;

/** Statuses in which a note may be recorded: the job can still be (or become) published. */
const RECORDABLE = new Set<JobStatus>([JobStatus.DRAFT, JobStatus.OPEN, JobStatus.PAUSED]);

export interface VoiceNoteAudio {
  note: JobVoiceNote;
  audio: Buffer;
}

/** Record, replace, remove and play a job's voice note, for those who manage the job; plays to everyone while it is published. */
@Injectable()
export class VoiceNotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  /** Checks the bytes (kind, length) and stores them as the job's note, replacing any earlier one. */
  async record(actor: Actor, jobId: string, bytes: Buffer): Promise<JobVoiceNote> {
    const probe = this.check(bytes);
    return inTransaction(this.dataSource, async (manager) => {
      const job = await this.jobs.requireManageable(actor, jobId, manager, true);
      const status = this.jobs.effectiveStatus(job);
      if (!RECORDABLE.has(status)) throw badInput('岗位已关闭、招满或过期，不能再录语音介绍', { field: 'jobId', reason: 'JOB_NOT_RECORDABLE' });
      const values = {
        jobId,
        mimeType: probe.mimeType,
        durationSeconds: Math.max(1, Math.ceil(probe.durationSeconds - 0.05)),
        byteLength: bytes.length,
        audio: bytes,
        recordedById: actor.accountId,
      };
      await manager.upsert(JobVoiceNote, values, ['jobId']);
      return manager.findOneOrFail(JobVoiceNote, { where: { jobId } });
    });
  }

  /** Deletes the note; true when there was one. */
  async remove(actor: Actor, jobId: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.jobs.requireManageable(actor, jobId, manager, true);
      const result = await manager.delete(JobVoiceNote, { jobId });
      return (result.affected ?? 0) > 0;
    });
  }

  /** The note with its bytes: anyone while the job is published, its managers always. */
  async play(actor: Actor | undefined, jobId: string): Promise<VoiceNoteAudio> {
    await this.jobs.requireVisible(actor, jobId);
    const note = await this.dataSource.manager.createQueryBuilder(JobVoiceNote, 'n').addSelect('n.audio').where('n.job_id = :jobId', { jobId }).getOne();
    if (!note?.audio) throw notFound('这个岗位还没有语音介绍', { reason: 'NO_VOICE_NOTE' });
    return { note, audio: note.audio };
  }

  private check(bytes: Buffer): AudioProbe {
    if (bytes.length > VOICE_NOTE_MAX_BYTES) throw badInput('录音文件超过 1 MB，请录短一些（最长 60 秒）', { field: 'audio', reason: 'TOO_LARGE' });
    const probe = probeAudio(bytes);
    if (probe === 'VIDEO') throw badInput('只能上传录音，不能上传视频', { field: 'audio', reason: 'NOT_AUDIO' });
    if (probe === 'UNKNOWN_FORMAT') throw badInput('不是支持的录音格式：请上传 Opus/WebM、Ogg、AAC 或 M4A 录音', { field: 'audio', reason: 'NOT_AUDIO' });
    if (probe === 'NO_DURATION') throw badInput('录音不完整，读不出时长，请重新录一遍', { field: 'audio', reason: 'NO_DURATION' });
    if (probe.durationSeconds > VOICE_NOTE_MAX_SECONDS + 0.5) {
      throw badInput(`语音介绍最长 60 秒，这段录音有 ${Math.round(probe.durationSeconds)} 秒，请录短一些`, { field: 'audio', reason: 'TOO_LONG' });
    }
    if (probe.durationSeconds < 0.5) throw badInput('录音太短，请按住说完一句话再松开', { field: 'audio', reason: 'TOO_SHORT' });
    return probe;
  }
}
