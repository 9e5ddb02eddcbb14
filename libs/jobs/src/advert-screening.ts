/**
 * Screening of job adverts against China's Employment Promotion Law (《就业促进法》).
 *
 * An advert may not restrict who can apply by gender, ethnicity, religion, household
 * registration, disability or being a carrier of an infectious disease (e.g. hepatitis B).
 * Age limits are lawful in general (some are required, e.g. minimum 16) but often abused,
 * so they are let through and flagged for staff to look at.
 *
 * The patterns look for a *restriction*, not for the words themselves: "男装缝纫" (sewing
 * menswear), "车田苗族乡" (a township name), "性别不限", "欢迎乙肝携带者" and "户籍不限" pass.
 * Each pattern is checked against the title, description and requirements, with spaces removed;
 * the title is also screened for a sex word put before the occupation ("男保安").
 */

export interface AdvertText {
  title: string;
  description: string;
  requirements?: string;
}

export interface AdvertRefusal {
  /** Which field the phrase is in: title, description or requirements. */
  field: keyof AdvertText;
  /** The phrase as it appears in the advert. */
  phrase: string;
  /** Why it is refused, in Chinese, naming the law. */
  reason: string;
}

export interface AdvertScreening {
  refusals: AdvertRefusal[];
  /** Notes for staff, e.g. `年龄限制：18-45岁`. */
  flags: string[];
}

const GENDER = '《就业促进法》第三条、第二十七条：招用人员不得以性别为由拒绝录用或提高录用标准';
const ETHNICITY = '《就业促进法》第三条、第二十八条：各民族劳动者享有平等的劳动权利，招用人员不得因民族设限';
const RELIGION = '《就业促进法》第三条：劳动者就业不因宗教信仰不同而受歧视';
// Household registration: article 31 is the one about rural workers' equal rights (第三十一条);
// article 3's list ("等") is read to cover it too.
const HUKOU = '《就业促进法》第三条、第三十一条：不得对农村劳动者或外地劳动者设置户籍限制';
const DISABILITY = '《就业促进法》第二十九条：不得歧视残疾人';
const CARRIER = '《就业促进法》第三十条：不得以是传染病病原携带者（如乙肝表面抗原携带者）为由拒绝录用';

interface Rule {
  pattern: RegExp;
  reason: string;
  /** When the matched phrase (or the text right before it) shows it is not a restriction. */
  unless?: RegExp;
}

const SEX = '(?:男|女)';
const ETHNIC_GROUPS = '(?:汉|回|苗|瑶|壮|侗|藏|彝|土家|蒙古|维吾尔|维|少数民)族';

const RULES: Rule[] = [
  // Gender: limits, exclusions and preferences ("女士优先" disfavours men as "男性优先" does women).
  { pattern: new RegExp(`(?:(?<!不)限|仅限|只限|只招|仅招|只要|只收|要求是?)${SEX}(?:性|士|生|工)?(?!装|鞋|式|款|女|男)`), reason: GENDER },
  { pattern: new RegExp(`性别(?:要求)?[:：]?(?:为)?${SEX}(?:性)?(?!女|装)`), reason: GENDER, unless: /不限/ },
  { pattern: new RegExp(`${SEX}(?:性|士|生)优先`), reason: GENDER },
  { pattern: new RegExp(`招(?:收|聘)?${SEX}(?:工|性|士|生)`), reason: GENDER },
  { pattern: new RegExp(`(?:不招|不要|不收|谢绝)${SEX}(?:性|士|生|工)?`), reason: GENDER },
  { pattern: new RegExp(`${SEX}(?:性|士|生)?勿扰`), reason: GENDER },
  { pattern: new RegExp(`[（(【\\[]${SEX}(?:性|士|生|工)?[)）】\\]]`), reason: GENDER },
  // Ethnicity.
  { pattern: new RegExp(`(?:限|仅限|只限|只招|只要|要求|须为|必须是)${ETHNIC_GROUPS}`), reason: ETHNICITY },
  { pattern: /民族(?:要求|限制)?[:：]/, reason: ETHNICITY, unless: /民族(?:要求|限制)?[:：]不限/ },
  { pattern: new RegExp(`${ETHNIC_GROUPS}(?:勿扰|不要|不招|免谈|除外|谢绝)`), reason: ETHNICITY },
  { pattern: /非少数民族/, reason: ETHNICITY },
  // Religion.
  { pattern: /(?:无|不信|不信仰|没有)宗教信仰/, reason: RELIGION },
  {
    pattern: /宗教信仰?(?:要求|限制)?[:：]|信教(?:者|人士)?(?:勿扰|不要|不招|免谈)|(?:限|只招|只要)(?:基督徒|佛教徒|穆斯林)/,
    reason: RELIGION,
    unless: /不限/,
  },
  // Household registration: any mention of 户口/户籍 except "不限".
  {
    pattern: /(?:限|仅限|只限|只招|只要|要求|须为|必须是?)?(?:本地|本县|本市|本省|本区|城镇|城市|农业|非农业?|农村)?(?:户口|户籍)(?:优先|要求|限制)?/,
    reason: HUKOU,
    unless: /(?:户口|户籍)不限|不限(?:户口|户籍)/,
  },
  // Disability.
  { pattern: /残疾(?:人|者)?(?:勿扰|不要|不招|免谈|除外|谢绝)|无残疾|(?:身体)?无任何(?:残疾|疾病|病史)/, reason: DISABILITY },
  // Carriers of infectious disease (hepatitis B above all).
  { pattern: /(?:乙肝|HBV|澳抗|大三阳|小三阳|携带者|艾滋|HIV)[^。；;，,！!]{0,6}?(?:勿扰|不要|不招|免谈|不录用|除外|谢绝|者不)/i, reason: CARRIER },
  { pattern: /(?:无|非|没有)(?:乙肝|HBV|澳抗|大三阳|小三阳|传染病|艾滋病|HIV)/i, reason: CARRIER },
  { pattern: /(?:乙肝|HBV)(?:两对半|五项)?(?:阴性|检查|检测|体检)|(?:查|检查|检测)(?:乙肝|HBV|两对半)/i, reason: CARRIER },
];

/**
 * In a title a sex word put before the occupation is itself the restriction ("男保安",
 * "女服务员", "招聘：女收银员"), unless it names goods or a field ("男装导购", "女鞋店员",
 * "男科护士") or both sexes ("男女普工").
 */
const TITLE_RULES: Rule[] = [
  {
    pattern: new RegExp(`(?<=^|[：:、，,/|｜\\-—·（(【\\[])${SEX}(?:性|士|生|子)?(?![男女装鞋式款科童包表帽用])[\\u4e00-\\u9fff]{1,6}`),
    reason: GENDER,
  },
];

/** Age limits: "18-45岁", "18至50周岁", "45岁以下", "年龄不超过50". */
const AGE_PATTERNS: RegExp[] = [
  /(\d{2})(?:周?岁)?(?:-|–|—|~|～|至|到)(\d{2})周?岁/,
  /(\d{2})周?岁以(?:下|上|内)/,
  /年龄(?:要求)?[:：]?(?:不超过|不超|不高于|不大于|在)?(\d{2})/,
];

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export function screenAdvert(advert: AdvertText): AdvertScreening {
  const refusals: AdvertRefusal[] = [];
  const flags = new Set<string>();
  for (const field of ['title', 'description', 'requirements'] as const) {
    const text = compact(advert[field] ?? '');
    if (!text) continue;
    for (const rule of field === 'title' ? [...RULES, ...TITLE_RULES] : RULES) {
      const global = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
      for (const match of text.matchAll(global)) {
        const around = text.slice(Math.max(0, (match.index ?? 0) - 4), (match.index ?? 0) + match[0].length + 4);
        if (rule.unless && rule.unless.test(around)) continue;
        if (!refusals.some((r) => r.field === field && r.phrase === match[0])) refusals.push({ field, phrase: match[0], reason: rule.reason });
      }
    }
    for (const pattern of AGE_PATTERNS) {
      const match = pattern.exec(text);
      if (match) {
        flags.add(`年龄限制：${match[0]}`);
        break;
      }
    }
  }
  return { refusals, flags: [...flags] };
}

const FIELD_NAME: Record<keyof AdvertText, string> = { title: '岗位名称', description: '岗位描述', requirements: '任职要求' };

/** One message for a person to act on: which phrase, where, and which law forbids it. */
export function refusalMessage(refusals: AdvertRefusal[]): string {
  const lines = refusals.map((r) => `${FIELD_NAME[r.field]}中的"${r.phrase}"：${r.reason}`);
  return `招聘信息含有就业歧视内容，请删除或修改后再提交。${lines.join('；')}`;
}
