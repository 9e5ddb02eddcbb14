import { registerEnumType } from '@nestjs/graphql';

export enum JobKind {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  GIG = 'GIG',
  HOME_BASED = 'HOME_BASED',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
}

export enum WageUnit {
  MONTH = 'MONTH',
  DAY = 'DAY',
  HOUR = 'HOUR',
  PIECE = 'PIECE',
}

/** DRAFT → OPEN ⇄ PAUSED → FILLED | CLOSED | EXPIRED. */
export enum JobStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  PAUSED = 'PAUSED',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}

/** The words people read for each kind and status (the web's labels.ts says the same; a test compares them). */
export const JOB_KIND_WORD: Record<JobKind, string> = {
  FULL_TIME: '全职',
  PART_TIME: '兼职',
  GIG: '零工',
  HOME_BASED: '居家就业',
  PUBLIC_WELFARE: '公益性岗位',
};

export const JOB_STATUS_WORD: Record<JobStatus, string> = {
  DRAFT: '草稿',
  OPEN: '招聘中',
  PAUSED: '暂停招聘',
  FILLED: '已招满',
  CLOSED: '已关闭',
  EXPIRED: '已过有效期',
};

registerEnumType(JobKind, {
  name: 'JobKind',
  valuesMap: {
    FULL_TIME: { description: '全职' },
    PART_TIME: { description: '兼职' },
    GIG: { description: '零工（按班次）' },
    HOME_BASED: { description: '居家就业（领料在家做）' },
    PUBLIC_WELFARE: { description: '公益性岗位（人社局发布，限本县设定的帮扶群体）' },
  },
});
registerEnumType(WageUnit, {
  name: 'WageUnit',
  valuesMap: { MONTH: { description: '元/月' }, DAY: { description: '元/天' }, HOUR: { description: '元/小时' }, PIECE: { description: '元/件（计件）' } },
});
registerEnumType(JobStatus, {
  name: 'JobStatus',
  valuesMap: {
    DRAFT: { description: '草稿，仅发布者可见' },
    OPEN: { description: '招聘中' },
    PAUSED: { description: '暂停招聘' },
    FILLED: { description: '已招满' },
    CLOSED: { description: '已关闭' },
    EXPIRED: { description: '已过有效期' },
  },
});

/** Statuses a job can still leave; the others are final. */
export const LIVE_STATUSES = [JobStatus.DRAFT, JobStatus.OPEN, JobStatus.PAUSED];

/** A gig shift is OPEN (bookable while its job is open) or CANCELLED by the employer. */
export enum JobShiftStatus {
  OPEN = 'OPEN',
  CANCELLED = 'CANCELLED',
}

registerEnumType(JobShiftStatus, {
  name: 'JobShiftStatus',
  description: 'OPEN 正常，CANCELLED 已取消',
});
