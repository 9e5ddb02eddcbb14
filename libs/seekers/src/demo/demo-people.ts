import { idNumberCheckChar } from '@jobcode/common';

import { type JobSeekerDraft } from '../job-seeker-draft';
import { EducationLevel, EmploymentStatus, LaborCapacity, WantedWageUnit } from '../job-seeker.enums';

/** The seeded random source the demo command passes in (DemoRandom). */
export interface RandomSource {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

const SURNAMES = ['刘', '李', '王', '陈', '杨', '蒋', '唐', '邓', '黄', '周', '赵', '罗', '潘', '蒙', '石', '龙', '盘', '奉', '彭', '谢', '胡', '曾'];
const GIVEN = [
  '秀',
  '英',
  '建',
  '军',
  '桂',
  '花',
  '永',
  '红',
  '志',
  '强',
  '玉',
  '兰',
  '春',
  '梅',
  '海',
  '林',
  '小',
  '凤',
  '德',
  '明',
  '丽',
  '华',
  '文',
  '平',
  '金',
  '生',
  '伟',
  '芳',
  '云',
  '燕',
];
const SKILLS = ['缝纫', '电焊', '砌砖', '木工', '驾驶', '厨师', '种植', '养殖', '电工', '家政', '育婴', '护工', '手工编织', '农机操作', '电商'];
const OCCUPATIONS = ['车间普工', '建筑工', '保洁', '厨工', '服务员', '保安', '司机', '护林员', '采茶工', '快递分拣', '家政服务员', '来料加工'];
const TRAININGS = ['电商直播', '家政服务', '育婴员', '电工', '中式烹调', '农业技术', '挖掘机操作', '养老护理'];
const EDUCATION_MIX: [EducationLevel, number][] = [
  [EducationLevel.PRIMARY, 0.2],
  [EducationLevel.JUNIOR_HIGH, 0.45],
  [EducationLevel.SENIOR_HIGH, 0.12],
  [EducationLevel.SECONDARY_VOCATIONAL, 0.1],
  [EducationLevel.JUNIOR_COLLEGE, 0.07],
  [EducationLevel.BACHELOR, 0.03],
  [EducationLevel.NONE, 0.03],
];

function weighted<T>(random: RandomSource, mix: readonly [T, number][]): T {
  let roll = random.next();
  for (const [value, weight] of mix) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return mix[mix.length - 1][0];
}

function some<T>(random: RandomSource, items: readonly T[], max: number): T[] {
  return [...new Set(Array.from({ length: random.int(0, max) }, () => random.pick(items)))];
}

/**
 * One believable person of the demo county: in a mountain county where about a quarter of the
 * people were lifted out of poverty, about half of those registered to look for work are
 * lifted-out, a few percent are monitored (防返贫监测), many are returnees or relocated;
 * most have full labour capacity, a sixth weak, a few none.
 */
export function demoPerson(random: RandomSource, villages: readonly string[], today = new Date()): JobSeekerDraft {
  const male = random.chance(0.55);
  const age = random.int(18, 60);
  const birthYear = today.getUTCFullYear() - age;
  const birth = `${birthYear}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const sequence = random.int(0, 99) * 10 + (male ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const first17 = `450329${birth}${String(sequence).padStart(3, '0')}`;
  const groups = new Set<string>();
  const liftedOut = random.chance(0.48);
  if (liftedOut) groups.add('LIFTED_OUT');
  if (random.chance(liftedOut ? 0.03 : 0.015)) groups.add('MONITORED');
  if (random.chance(liftedOut ? 0.14 : 0.02)) groups.add('RELOCATED');
  if (age < 50 && random.chance(0.18)) groups.add('RETURNEE');
  if (age <= 30 && random.chance(0.18)) groups.add(random.chance(0.55) && liftedOut ? 'YULU_GRADUATE' : 'GRADUATE');
  if (random.chance(0.03)) groups.add('DISABLED');
  if (!male && age >= 25 && random.chance(0.22)) groups.add('LEFT_BEHIND_WOMAN');
  const disabled = groups.has('DISABLED');
  const laborCapacity = disabled
    ? weighted(random, [
        [LaborCapacity.WEAK, 0.6],
        [LaborCapacity.NONE, 0.4],
      ])
    : weighted(random, [
        [LaborCapacity.FULL, age > 52 ? 0.6 : 0.84],
        [LaborCapacity.WEAK, age > 52 ? 0.34 : 0.13],
        [LaborCapacity.NONE, 0.03],
      ]);
  const nearHome = groups.has('LEFT_BEHIND_WOMAN') || laborCapacity === LaborCapacity.WEAK || random.chance(0.12);
  const dailyWage = laborCapacity !== LaborCapacity.FULL || random.chance(0.2);
  const graduate = groups.has('GRADUATE') || groups.has('YULU_GRADUATE');
  return {
    name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.7) ? random.pick(GIVEN) : ''}`,
    idNumber: `${first17}${idNumberCheckChar(first17)}`,
    phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
    regionCode: random.pick(villages),
    supportGroupCodes: [...groups],
    laborCapacity,
    education: graduate
      ? random.pick([EducationLevel.JUNIOR_COLLEGE, EducationLevel.BACHELOR, EducationLevel.SECONDARY_VOCATIONAL])
      : weighted(random, EDUCATION_MIX),
    skills: some(random, SKILLS, 2),
    wantedOccupations: laborCapacity === LaborCapacity.NONE ? [] : some(random, OCCUPATIONS, 3),
    wantedWage: laborCapacity === LaborCapacity.NONE ? null : dailyWage ? random.int(8, 20) * 10 : random.int(25, 60) * 100,
    wantedWageUnit: laborCapacity === LaborCapacity.NONE ? null : dailyWage ? WantedWageUnit.DAY : WantedWageUnit.MONTH,
    willingOutsideCounty: !nearHome && random.chance(0.6),
    willingOutsideProvince: !nearHome && random.chance(0.4),
    mustStayNearHome: nearHome,
    availableFrom: null,
    trainingWanted: random.chance(0.35) ? some(random, TRAININGS, 2) : [],
    consentToRecommend: random.chance(0.8),
    employmentStatus: weighted(random, [
      [EmploymentStatus.EMPLOYED, laborCapacity === LaborCapacity.FULL ? 0.6 : 0.3],
      [EmploymentStatus.UNEMPLOYED, 0.3],
      [EmploymentStatus.UNKNOWN, 1],
    ]),
  };
}
