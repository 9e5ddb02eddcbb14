import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { isStaffOrAdmin, type LoaderFactory, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { EmployerMembershipLoader } from '@jobcode/employers';
import { RegionScope } from '@jobcode/regions';

import { JobStatus } from '../job.enums';
import { JobObject } from '../job.object';
import { JobVoiceNote } from './job-voice-note.entity';
import { voiceNoteUrl } from './voice-notes.controller';
import { JobVoiceNoteObject } from './voice-note.object';

/** Each job's voice note (without its bytes). */
@Injectable()
export class JobVoiceNoteLoader implements LoaderFactory<string, JobVoiceNote | undefined> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, JobVoiceNote | undefined> {
    return new DataLoader(async (jobIds) => {
      const rows = await this.dataSource.manager.find(JobVoiceNote, { where: { jobId: In([...jobIds]) } });
      return jobIds.map((id) => rows.find((r) => r.jobId === id));
    });
  }
}

@Resolver(() => JobObject)
export class JobVoiceNoteResolver {
  constructor(
    private readonly notes: JobVoiceNoteLoader,
    private readonly membership: EmployerMembershipLoader,
    private readonly scope: RegionScope,
  ) {}

  @ResolveField('voiceNote', () => JobVoiceNoteObject, {
    nullable: true,
    description: '语音介绍：岗位招聘中时所有人可听；本单位和辖区工作人员随时可听。没有录音时为空',
  })
  async voiceNote(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): Promise<JobVoiceNoteObject | null> {
    const note = await ctx.loaders.get(this.notes).load(job.id);
    if (!note) return null;
    if (job.status !== JobStatus.OPEN && !(await this.manages(job, ctx))) return null;
    return { url: voiceNoteUrl(job.id, note.updatedAt), durationSeconds: note.durationSeconds, mimeType: note.mimeType };
  }

  private async manages(job: Readonly<JobObject>, ctx: RequestContext): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) return false;
    if (actor.role === Role.EMPLOYER) return job.employerId !== null && (await ctx.loaders.get(this.membership).load(job.employerId));
    return isStaffOrAdmin(actor) && this.scope.covers(actor, job.regionCode);
  }
}
