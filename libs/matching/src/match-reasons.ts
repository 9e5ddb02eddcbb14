import { type MatchingWeights } from './matching.settings';

/** What the SQL reports for one seeker × job pair; each flag is one reason. */
export interface MatchFlags {
  occupation: boolean;
  skill: boolean;
  sameVillage: boolean;
  sameTownship: boolean;
  wage: boolean;
  nearHome: boolean;
  lightWork: boolean;
  publicWelfare: boolean;
  willingToLeave: boolean;
}

export interface MatchReason {
  code: keyof MatchingWeights;
  text: string;
  points: number;
}

export interface ReasonContext {
  occupation: string;
  monthlyWage: number | null;
  townshipName: string | null;
}

/** The reasons, in Chinese, in order of the points they carry. */
export function matchReasons(flags: MatchFlags, weights: MatchingWeights, context: ReasonContext): MatchReason[] {
  const text: Record<keyof MatchFlags, string> = {
    occupation: `意向工种相符（${context.occupation}）`,
    skill: `有相关技能（${context.occupation}）`,
    sameVillage: '岗位就在本村',
    sameTownship: `岗位在本乡镇${context.townshipName ? `（${context.townshipName}）` : ''}`,
    wage: context.monthlyWage ? `工资达到期望（折合月薪最高 ${context.monthlyWage} 元）` : '工资达到期望',
    nearHome: '需就近照顾家庭，此岗位离家近或可居家完成',
    lightWork: '劳动能力较弱，此岗位为居家、兼职或公益性的轻体力工作',
    publicWelfare: '属于公益性岗位的安置对象',
    willingToLeave: '愿意到县外务工',
  };
  // Both village and township hold when the job is in the seeker's village: say the stronger one.
  const effective = { ...flags, sameTownship: flags.sameTownship && !flags.sameVillage };
  return (Object.keys(text) as (keyof MatchFlags)[])
    .filter((code) => effective[code] && weights[code] > 0)
    .map((code) => ({ code, text: text[code], points: weights[code] }))
    .sort((a, b) => b.points - a.points);
}
