import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type Actor, AppConfig } from '@jobcode/common';
import { RowTargetAdapter, type ScanContext, type ScanPage, ServiceCodeTargetKind, ServiceCodeTargets, type TargetFacts } from '@jobcode/service-codes';

import { Job } from '../job.entity';
import { JOB_STATUS_WORD, JobStatus } from '../job.enums';
import { JobMapper } from '../job.mapper';
import { JobsService } from '../jobs.service';
import { JOBS_TARGET_TRAITS } from './cacheable-fields';
import { benefitsText, wageText } from './job-lines';
import { JobScan } from './scan-views.object';

/** A job advert's code: whoever manages the job manages it (JobsService.canManage). */
@Injectable()
export class JobTarget extends RowTargetAdapter<JobScan, Job> {
  constructor(
    targets: ServiceCodeTargets,
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
    private readonly config: AppConfig,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.JOB, view: JobScan, ...JOBS_TARGET_TRAITS });
  }

  protected find(id: string): Promise<Job | null> {
    return this.dataSource.manager.findOne(Job, { where: { id } });
  }

  protected facts(job: Job): TargetFacts {
    return { regionCode: job.regionCode, title: job.title };
  }

  protected mayManage(actor: Actor, job: Job): Promise<boolean> {
    return this.jobs.canManage(actor, job);
  }

  /**
   * A job advert's code keeps answering after the job closes: anyone sees an open job, and
   * a filled, closed or expired one with its status (so the person knows it is over). A
   * draft is never shown to anyone but its managers.
   */
  async scan(id: string, context: ScanContext): Promise<JobScan> {
    const visible = await this.jobs.requireVisible(context.actor, id).catch(() => undefined);
    if (visible) return Object.assign(new JobScan(), { job: await this.mapper.job(visible) });
    const job = await this.find(id);
    if (!job || this.jobs.effectiveStatus(job) === JobStatus.DRAFT)
      return Object.assign(new JobScan(), { job: await this.mapper.job(await this.jobs.requireVisible(context.actor, id)) });
    return Object.assign(new JobScan(), { job: await this.mapper.job(job) });
  }

  page({ job }: JobScan): ScanPage {
    return {
      title: job.title,
      subtitle: `${JOB_STATUS_WORD[job.status] ?? ''} · 招 ${job.headcount} 人`,
      facts: [
        ['工资', wageText(job)],
        ['地点', `${job.region.fullName} ${job.address}`],
        ...(job.workingHours ? ([['工作时间', job.workingHours]] as [string, string][]) : []),
        ...(benefitsText(job) ? ([['福利', benefitsText(job)]] as [string, string][]) : []),
        ...(job.requirements ? ([['要求', job.requirements]] as [string, string][]) : []),
      ],
      sections: job.description ? [{ heading: '岗位说明', items: [{ title: job.occupation ?? job.title, lines: [job.description] }] }] : [],
      actions: job.status === 'OPEN' ? [{ label: '在线报名', href: `${this.config.publicUrl}/m/jobs/${job.id}/apply` }] : [],
    };
  }
}
