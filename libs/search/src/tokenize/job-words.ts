/**
 * The words people use for what a job is, beyond what its advert says: the everyday names of
 * its kind (零工, 公益岗), its benefits (包吃住), how it pays (日结, 计件) and other names of its
 * occupation (保洁 for 清洁工, 小工 for 建筑杂工). The search index adds them to a job's
 * words (both engines), so a search for them finds the job; matching uses the occupation
 * groups to find people whose wanted work is the same trade under another name.
 */

/** Words for each job kind (JobKind). */
export const KIND_WORDS: Record<string, readonly string[]> = {
  FULL_TIME: ['全职', '长期工', '长期'],
  PART_TIME: ['兼职', '小时工', '短期工'],
  GIG: ['零工', '打零工', '临时工', '短工', '散工', '灵活就业'],
  HOME_BASED: ['居家就业', '在家做', '居家', '手工活', '来料加工', '家门口就业'],
  PUBLIC_WELFARE: ['公益岗', '公益性岗位', '公益岗位', '公岗'],
};

/** Words for each benefit (BOARD, LODGING, TRANSPORT, SOCIAL_INSURANCE); board and lodging together add BOARD_AND_LODGING. */
export const BENEFIT_WORDS: Record<string, readonly string[]> = {
  BOARD: ['包吃', '管饭', '包餐', '工作餐'],
  LODGING: ['包住', '宿舍', '住宿'],
  BOARD_AND_LODGING: ['包吃住', '包吃包住', '管吃住', '提供食宿'],
  TRANSPORT: ['接送', '班车', '交通补贴'],
  SOCIAL_INSURANCE: ['社保', '五险', '买保险', '缴社保'],
};

/** Words for each wage unit (WageUnit). */
export const WAGE_UNIT_WORDS: Record<string, readonly string[]> = {
  MONTH: ['月薪', '按月发'],
  DAY: ['日结', '日薪', '按天', '天结'],
  HOUR: ['时薪', '按小时', '小时工'],
  PIECE: ['计件', '按件', '多劳多得'],
};

/**
 * Names of the same trade: a job whose title or occupation contains one of them is found by
 * all of them. Each group is one trade (not a broad field), so a search stays precise.
 */
export const OCCUPATION_GROUPS: readonly (readonly string[])[] = [
  ['保洁', '保洁员', '清洁工', '清洁员', '打扫卫生', '环卫工', '清扫工'],
  ['普工', '车间普工', '操作工', '流水线', '装配工', '组装工'],
  ['缝纫工', '车工', '平车工', '衣车工'],
  ['厨工', '帮厨', '厨房杂工', '洗碗工', '切配'],
  ['厨师', '大厨', '炒菜师傅', '掌勺'],
  ['餐厅服务员', '传菜员', '饭店服务员'],
  ['保安', '保安员', '安保', '门卫', '看门'],
  ['司机', '驾驶员', '开车', '货车司机'],
  ['家政服务员', '家政', '保姆', '钟点工', '住家阿姨'],
  ['育婴员', '月嫂', '育儿嫂', '带小孩'],
  ['护工', '护理员', '陪护', '养老护理员'],
  ['建筑杂工', '小工', '建筑工', '工地'],
  ['泥水工', '砌筑工', '砌砖', '泥瓦工', '瓦工'],
  ['电焊工', '焊工', '电焊'],
  ['装卸工', '搬运工', '装卸搬运工', '搬运', '装卸'],
  ['快递分拣', '分拣员', '快递员', '快递分拣员'],
  ['采茶工', '茶叶采摘工', '采茶'],
  ['采摘工', '摘果', '采收工'],
  ['护林员', '生态护林员', '巡山员'],
  ['饲养员', '家畜饲养员', '养殖工', '喂猪'],
  ['农机手', '农机驾驶操作员', '农机操作'],
  ['竹编工', '竹编', '编织工', '手工编织'],
  ['包装工', '打包员', '打包工'],
];

/**
 * Wider trades for matching (recommendedSeekers): a person who wants or can do any of them
 * fits a job of the others. Farm work is one: someone who grows crops (种植) or picks tea
 * (采茶工) can pick tomatoes (采摘工).
 */
export const OCCUPATION_FAMILIES: readonly (readonly string[])[] = [
  ['种植', '采摘工', '采摘', '采茶工', '茶园工', '果树工', '蔬菜园艺工', '园艺工', '农产品分拣工', '大棚', '疏果', '嫁接', '育苗'],
  ['养殖', '饲养员', '家畜饲养员', '水产养殖工', '养殖工'],
  ['车间普工', '普工', '装配工', '组装工', '操作工', '包装工', '质检员', '食品加工工', '农产品初加工工', '竹制品加工工', '电子器件装配工'],
  ['来料加工', '手工编织', '竹编工', '刺绣工', '编织工', '缝纫', '缝纫工'],
  ['建筑工', '建筑杂工', '砌筑工', '砌砖', '钢筋工', '木工', '泥水工'],
  ['保洁', '保洁员', '家政服务员', '家政', '清洁工'],
  ['厨工', '厨师', '服务员', '餐厅服务员'],
  ['快递分拣', '快递员', '装卸搬运工', '装卸工', '分拣员'],
  ['司机', '驾驶', '驾驶员', '农机驾驶操作员', '农机操作'],
];

/** Every member of the groups (of `groups`) that one of `texts` contains, the contained ones included. */
export function relatedWords(texts: readonly string[], groups: readonly (readonly string[])[] = OCCUPATION_GROUPS): string[] {
  const words = new Set<string>();
  for (const group of groups) {
    if (group.some((word) => texts.some((text) => text.includes(word)))) for (const word of group) words.add(word);
  }
  return [...words];
}

export interface JobWordsInput {
  title: string;
  occupation: string | null;
  kind: string;
  benefits: readonly string[];
  wageUnit?: string | null;
}

/** The words a job is also known by (see the top of this file), without those its title and occupation already hold. */
export function jobWords(job: JobWordsInput): string[] {
  const texts = [job.title, job.occupation ?? ''];
  const words = [
    ...(KIND_WORDS[job.kind] ?? []),
    ...job.benefits.flatMap((b) => BENEFIT_WORDS[b] ?? []),
    ...(job.benefits.includes('BOARD') && job.benefits.includes('LODGING') ? BENEFIT_WORDS.BOARD_AND_LODGING : []),
    ...(job.wageUnit ? (WAGE_UNIT_WORDS[job.wageUnit] ?? []) : []),
    ...relatedWords(texts),
  ];
  return [...new Set(words)].filter((w) => !texts.some((t) => t.includes(w)));
}
