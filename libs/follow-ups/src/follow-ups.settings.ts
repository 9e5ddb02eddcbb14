import { declareCountySetting } from '@jobcode/county-settings';

export interface FollowUpSchedule {
  /** Days after a placement starts when the first follow-up is due (e.g. 30: within the first month). */
  firstAfterDays: number;
  /** Days between follow-ups after that (e.g. 90: quarterly). */
  intervalDays: number;
  /** Support groups whose working members are followed up. */
  supportGroups: string[];
}

const GROUP = /^[A-Z][A-Z0-9_]{1,39}$/;

/** 跟踪服务 schedule, per county. */
export const FOLLOW_UP_SCHEDULE = declareCountySetting<FollowUpSchedule>({
  key: 'followUps.schedule',
  description:
    '跟踪服务周期：务工开始后多少天内做第一次回访（firstAfterDays），之后每隔多少天回访一次（intervalDays），对哪些帮扶群体（supportGroups，例如 LIFTED_OUT 脱贫人口、MONITORED 监测对象）',
  defaultValue: { firstAfterDays: 30, intervalDays: 90, supportGroups: ['LIFTED_OUT', 'MONITORED'] },
  parse: (raw) => {
    const value = raw as Partial<FollowUpSchedule> | null;
    const days = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 366;
    if (!value || typeof value !== 'object' || !days(value.firstAfterDays) || !days(value.intervalDays)) {
      return { error: '跟踪服务周期应写成 {"firstAfterDays": 30, "intervalDays": 90, "supportGroups": ["LIFTED_OUT","MONITORED"]}，天数为 1 到 366 的整数' };
    }
    if (!Array.isArray(value.supportGroups) || value.supportGroups.length === 0 || value.supportGroups.some((g) => typeof g !== 'string' || !GROUP.test(g))) {
      return { error: 'supportGroups 应为至少一个帮扶人员类别代码，例如 ["LIFTED_OUT","MONITORED"]' };
    }
    return { value: { firstAfterDays: value.firstAfterDays!, intervalDays: value.intervalDays!, supportGroups: [...new Set(value.supportGroups)] } };
  },
});
