import { declareCountySetting } from '@jobcode/county-settings';

const positive = (label: string, max: number) => (raw: unknown) =>
  typeof raw === 'number' && Number.isFinite(raw) && raw > 0 && raw <= max
    ? { value: Math.round(raw * 100) / 100 }
    : { error: `${label}应为 0 到 ${max} 之间的数（元）` };

/** 月最低工资标准 (Guangxi 2025, class-3 areas: 1,690 yuan/month). No contract may pay less. */
export const MINIMUM_MONTHLY_WAGE = declareCountySetting<number>({
  key: 'contracts.minimumMonthlyWage',
  description: '本县月最低工资标准（元/月），劳动合同约定的月工资不得低于此数；广西 2025 年三类地区为 1690',
  defaultValue: 1690,
  parse: positive('月最低工资标准', 100000),
});

/** 小时最低工资标准 (Guangxi 2025, class-3 areas: 16.1 yuan/hour), for hourly and daily wages. */
export const MINIMUM_HOURLY_WAGE = declareCountySetting<number>({
  key: 'contracts.minimumHourlyWage',
  description: '本县小时最低工资标准（元/小时），按小时或按天计薪的合同不得低于此数（按天时以 8 小时计）；广西 2025 年三类地区为 16.1',
  defaultValue: 16.1,
  parse: positive('小时最低工资标准', 1000),
});
