import type { JobObject } from '../job.object';

const UNIT: Record<string, string> = { MONTH: '月', DAY: '天', HOUR: '小时', PIECE: '件' };

export function wageText(job: JobObject): string {
  const unit = UNIT[job.wageUnit] ?? '';
  if (job.wageMin === null && job.wageMax === null) return '面议';
  if (job.wageMin !== null && job.wageMax !== null && job.wageMin !== job.wageMax) return `${job.wageMin}–${job.wageMax} 元/${unit}`;
  return `${job.wageMax ?? job.wageMin} 元/${unit}`;
}

export function benefitsText(job: JobObject): string {
  const b = job.benefits;
  return [b.board && '包吃', b.lodging && '包住', b.transport && '交通补贴', b.socialInsurance && '缴社保'].filter(Boolean).join(' · ');
}
