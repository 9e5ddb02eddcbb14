import { declareCountySetting } from '@jobcode/county-settings';

const GROUP = /^[A-Z][A-Z0-9_]{1,39}$/;
const amount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 1_000_000;
const groups = (g: unknown) => Array.isArray(g) && g.length > 0 && g.every((x) => typeof x === 'string' && GROUP.test(x));

export interface WorkshopSubsidyRule {
  /** Lifted-out workers must be at least this share of the workshop's workers (%). */
  minLiftedOutSharePercent: number;
  /** Their contracts must run at least this many months (open-ended counts). */
  minContractMonths: number;
  /** Yuan per lifted-out person employed that way (the brief says per household; see the explanation). */
  amountPerHousehold: number;
}

export const WORKSHOP_SUBSIDY = declareCountySetting<WorkshopSubsidyRule>({
  key: 'policyRules.workshopSubsidy',
  description: '帮扶车间补贴：脱贫人口占职工比例不低于 minLiftedOutSharePercent（%），劳动合同不少于 minContractMonths 个月，每户补贴 amountPerHousehold 元',
  defaultValue: { minLiftedOutSharePercent: 10, minContractMonths: 12, amountPerHousehold: 2000 },
  parse: (raw) => {
    const v = raw as Partial<WorkshopSubsidyRule> | null;
    if (
      !v ||
      typeof v !== 'object' ||
      !amount(v.amountPerHousehold) ||
      !Number.isInteger(v.minContractMonths) ||
      v.minContractMonths! < 1 ||
      v.minContractMonths! > 120
    ) {
      return {
        error: '应写成 {"minLiftedOutSharePercent": 10, "minContractMonths": 12, "amountPerHousehold": 2000}，月数 1 到 120，金额为 0 到 1000000 的整数（元）',
      };
    }
    if (typeof v.minLiftedOutSharePercent !== 'number' || v.minLiftedOutSharePercent <= 0 || v.minLiftedOutSharePercent > 100) {
      return { error: 'minLiftedOutSharePercent 应为 0 到 100 之间的百分数，例如 10' };
    }
    return {
      value: { minLiftedOutSharePercent: v.minLiftedOutSharePercent, minContractMonths: v.minContractMonths!, amountPerHousehold: v.amountPerHousehold! },
    };
  },
});

export interface HiringBonusRule {
  amountPerPerson: number;
  supportGroups: string[];
}

export const HIRING_BONUS = declareCountySetting<HiringBonusRule>({
  key: 'policyRules.hiringBonus',
  description: '吸纳就业一次性奖补：用人单位每招用一名 supportGroups 中的人员（在平台签约或登记的务工），一次性奖补 amountPerPerson 元',
  defaultValue: { amountPerPerson: 300, supportGroups: ['LIFTED_OUT'] },
  parse: (raw) => {
    const v = raw as Partial<HiringBonusRule> | null;
    if (!v || typeof v !== 'object' || !amount(v.amountPerPerson) || !groups(v.supportGroups)) {
      return { error: '应写成 {"amountPerPerson": 300, "supportGroups": ["LIFTED_OUT"]}，金额为 0 到 1000000 的整数（元）' };
    }
    return { value: { amountPerPerson: v.amountPerPerson!, supportGroups: [...new Set(v.supportGroups!)] } };
  },
});

export interface TransportSubsidyRule {
  /** Months of work before the subsidy is paid. */
  minMonths: number;
  /** Yuan by destination; 0 means no subsidy for that destination. */
  inCounty: number;
  inProvince: number;
  outOfProvince: number;
  supportGroups: string[];
}

export const TRANSPORT_SUBSIDY = declareCountySetting<TransportSubsidyRule>({
  key: 'policyRules.transportSubsidy',
  description: '外出务工交通补贴：supportGroups 中的人员务工满 minMonths 个月，按务工地补贴 inCounty / inProvince / outOfProvince 元（0 表示不补）',
  defaultValue: { minMonths: 3, inCounty: 0, inProvince: 200, outOfProvince: 500, supportGroups: ['LIFTED_OUT', 'MONITORED'] },
  parse: (raw) => {
    const v = raw as Partial<TransportSubsidyRule> | null;
    if (
      !v ||
      typeof v !== 'object' ||
      !Number.isInteger(v.minMonths) ||
      v.minMonths! < 1 ||
      v.minMonths! > 24 ||
      ![v.inCounty, v.inProvince, v.outOfProvince].every(amount) ||
      !groups(v.supportGroups)
    ) {
      return {
        error:
          '应写成 {"minMonths": 3, "inCounty": 0, "inProvince": 200, "outOfProvince": 500, "supportGroups": ["LIFTED_OUT","MONITORED"]}，月数 1 到 24，金额为整数（元）',
      };
    }
    return {
      value: {
        minMonths: v.minMonths!,
        inCounty: v.inCounty!,
        inProvince: v.inProvince!,
        outOfProvince: v.outOfProvince!,
        supportGroups: [...new Set(v.supportGroups!)],
      },
    };
  },
});
