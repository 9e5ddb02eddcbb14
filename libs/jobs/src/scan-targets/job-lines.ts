import type { ScanPageSection } from '@jobcode/service-codes';

import { JOB_KIND_WORD } from '../job.enums';
import type { JobObject } from '../job.object';
import type { ScannedJob } from './scan-views.object';

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

/** The jobs list of a scan page: title, wage, kind, distance, benefits. */
export function jobsSection(jobs: ScannedJob[], total: number, publicUrl: string): ScanPageSection {
  return {
    heading: `在招岗位（${total} 个）`,
    empty: '暂时没有在招岗位，请过几天再来看看，或到村、乡镇就业服务窗口咨询。',
    items: jobs.map(({ job, distanceKm }) => ({
      title: job.title,
      href: `${publicUrl}/m/jobs/${job.id}`,
      badge: JOB_KIND_WORD[job.kind],
      lines: [wageText(job), [distanceKm !== null ? `距此 ${distanceKm} 公里` : null, job.address].filter(Boolean).join(' · '), benefitsText(job)].filter(
        (l): l is string => Boolean(l),
      ),
    })),
  };
}
