import { registerEnumType } from '@nestjs/graphql';

/** APPLIED → SHORTLISTED → OFFERED → HIRED | REJECTED; the seeker may WITHDRAW before HIRED. */
export enum ApplicationStatus {
  APPLIED = 'APPLIED',
  SHORTLISTED = 'SHORTLISTED',
  OFFERED = 'OFFERED',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Statuses in which an application still counts as the seeker's one active application for a job. */
export const ACTIVE_APPLICATION_STATUSES = [ApplicationStatus.APPLIED, ApplicationStatus.SHORTLISTED, ApplicationStatus.OFFERED, ApplicationStatus.HIRED];

export const APPLICATION_STATUS_WORD: Record<ApplicationStatus, string> = {
  APPLIED: '已报名',
  SHORTLISTED: '已入选面试/初筛',
  OFFERED: '已发录用意向',
  HIRED: '已录用',
  REJECTED: '未录用',
  WITHDRAWN: '已撤回',
};

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: '报名状态',
  valuesMap: {
    APPLIED: { description: '已报名' },
    SHORTLISTED: { description: '已入选（初筛通过）' },
    OFFERED: { description: '已发录用意向' },
    HIRED: { description: '已录用（合同生效）' },
    REJECTED: { description: '未录用（附原因）' },
    WITHDRAWN: { description: '求职者已撤回' },
  },
});
