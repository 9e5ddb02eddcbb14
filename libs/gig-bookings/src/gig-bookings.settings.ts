import { declareCountySetting } from '@jobcode/county-settings';

/** 取消截止: how many hours before a shift starts a booking can still be cancelled by the seeker or the employer. */
export const GIG_CANCELLATION_CUTOFF_HOURS = declareCountySetting<number>({
  key: 'gigs.cancellationCutoffHours',
  description: '零工预约的取消截止时间：开工前多少小时内求职者和用人单位不能再取消（0 表示开工前都可取消；工作人员不受此限）',
  defaultValue: 12,
  parse: (raw) =>
    Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= 168
      ? { value: raw as number }
      : { error: '取消截止时间应为 0 到 168 之间的整数（小时）' },
});

/** 评价公开: ratings publish when both sides rated, or this many days after completion. */
export const RATING_PUBLISH_DAYS = 7;
