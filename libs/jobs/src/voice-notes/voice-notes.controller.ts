import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { type Actor, Allow, badInput, CurrentActor, PUBLIC, RateLimit, Role } from '@jobcode/common';

import { VOICE_NOTE_MAX_BYTES, VoiceNotesService } from './voice-notes.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badInput('岗位编号格式不对', { field: 'id' }) });

/** What a client reads back after an upload: the same shape as GraphQL's Job.voiceNote. */
export interface VoiceNoteBody {
  url: string;
  durationSeconds: number;
  mimeType: string;
}

export function voiceNoteUrl(jobId: string, updatedAt: Date): string {
  return `/jobs/${jobId}/voice-note?v=${updatedAt.getTime().toString(36)}`;
}

/**
 * A job's voice note over HTTP: upload (multipart field `audio`) and delete for the job's
 * employer and staff of its region; play for anyone while the job is published. Plays
 * support byte ranges, which Safari needs for <audio>. Multipart parsing is the API's one
 * @fastify/multipart registration (SeekersModule's provider, which the ledger upload uses).
 */
@Controller('jobs')
export class VoiceNotesController {
  constructor(private readonly notes: VoiceNotesService) {}

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 600 })
  @Post(':id/voice-note')
  @HttpCode(200)
  async upload(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() request: FastifyRequest): Promise<VoiceNoteBody> {
    if (!request.isMultipart()) throw badInput('请以 multipart/form-data 上传录音，文件放在 audio 字段', { field: 'audio' });
    const file = await request.file({ limits: { fileSize: VOICE_NOTE_MAX_BYTES, files: 1 } });
    if (!file || file.fieldname !== 'audio') throw badInput('没有收到录音：请在 audio 字段上传', { field: 'audio' });
    const bytes = await file.toBuffer().catch(() => {
      throw badInput('录音文件超过 1 MB，请录短一些（最长 60 秒）', { field: 'audio', reason: 'TOO_LARGE' });
    });
    const note = await this.notes.record(actor, id, bytes);
    return { url: voiceNoteUrl(id, note.updatedAt), durationSeconds: note.durationSeconds, mimeType: note.mimeType };
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Delete(':id/voice-note')
  @HttpCode(200)
  async remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<{ deleted: boolean }> {
    return { deleted: await this.notes.remove(actor, id) };
  }

  @Allow(PUBLIC)
  @Get(':id/voice-note')
  async play(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', uuid) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { note, audio } = await this.notes.play(actor, id);
    // Not cached by shared caches: the note stops being public when the job is closed.
    void reply.header('content-type', note.mimeType).header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache');
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (!range || (!range[1] && !range[2])) return audio;
    const start = range[1] ? Number(range[1]) : Math.max(0, audio.length - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), audio.length - 1) : audio.length - 1;
    if (start >= audio.length || start > end) {
      void reply.status(416).header('content-range', `bytes */${audio.length}`);
      return Buffer.alloc(0);
    }
    void reply.status(206).header('content-range', `bytes ${start}-${end}/${audio.length}`);
    return audio.subarray(start, end + 1);
  }
}
