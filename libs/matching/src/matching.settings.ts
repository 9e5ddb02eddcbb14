import { declareCountySetting } from '@jobcode/county-settings';

/** Points each reason adds to a match score. Staff tune them per county; code holds only the defaults. */
export interface MatchingWeights {
  /** The job's occupation or title is one the seeker wants. */
  occupation: number;
  /** The job's occupation or title is one of the seeker's skills. */
  skill: number;
  /** The job is in the seeker's home village. */
  sameVillage: number;
  /** The job is in the seeker's home township. */
  sameTownship: number;
  /** The job's monthly-equivalent wage reaches what the seeker wants. */
  wage: number;
  /** Near-home or home-based work for someone who must stay near home. */
  nearHome: number;
  /** Home-based, part-time or public-welfare work for someone with weak labour capacity. */
  lightWork: number;
  /** A public-welfare post for someone in an eligible support group. */
  publicWelfare: number;
  /** Out-of-county work for someone willing to leave the county. */
  willingToLeave: number;
}

const KEYS: (keyof MatchingWeights)[] = [
  'occupation',
  'skill',
  'sameVillage',
  'sameTownship',
  'wage',
  'nearHome',
  'lightWork',
  'publicWelfare',
  'willingToLeave',
];

export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  occupation: 40,
  skill: 20,
  sameVillage: 20,
  sameTownship: 10,
  wage: 15,
  nearHome: 15,
  lightWork: 15,
  publicWelfare: 20,
  willingToLeave: 5,
};

/** 人岗匹配的权重 (matching.weights). */
export const MATCHING_WEIGHTS = declareCountySetting<MatchingWeights>({
  key: 'matching.weights',
  description: `人岗匹配各项理由的加分（0 到 100 的整数）：${KEYS.join('、')}（意向工种、技能、同村、同乡镇、工资达到期望、需就近照顾家庭者的就近或居家岗位、弱劳动力的轻体力岗位、符合条件群体的公益性岗位、愿意县外务工）`,
  defaultValue: DEFAULT_MATCHING_WEIGHTS,
  parse: (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `匹配权重应为对象，包含 ${KEYS.join('、')}` };
    const value = { ...DEFAULT_MATCHING_WEIGHTS };
    for (const [key, weight] of Object.entries(raw as Record<string, unknown>)) {
      if (!KEYS.includes(key as keyof MatchingWeights)) return { error: `未知的匹配权重 ${key}，可用：${KEYS.join('、')}` };
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100) return { error: `匹配权重 ${key} 应为 0 到 100 的整数` };
      value[key as keyof MatchingWeights] = weight;
    }
    return { value };
  },
});
