import { readChannelWord } from '@jobcode/personal-data';

import { type PersonalDataCopy } from './privacy.service';

const escape = (value: unknown): string =>
  String(value ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The enum values and flags of the copy, in the words a person reads (the JSON keeps the codes). */
const WORDS: Record<string, Record<string, string>> = {
  sex: { MALE: '男', FEMALE: '女' },
  laborCapacity: { FULL: '有劳动能力', WEAK: '弱劳动能力', NONE: '无劳动能力' },
  education: {
    NONE: '未上学',
    PRIMARY: '小学',
    JUNIOR_HIGH: '初中',
    SENIOR_HIGH: '高中',
    SECONDARY_VOCATIONAL: '中专',
    JUNIOR_COLLEGE: '大专',
    BACHELOR: '本科',
    POSTGRADUATE: '研究生',
  },
  employmentStatus: { EMPLOYED: '已就业', UNEMPLOYED: '未就业', UNKNOWN: '未核实' },
  wantedWageUnit: { MONTH: '元/月', DAY: '元/天', HOUR: '元/小时', PIECE: '元/件' },
  application: { APPLIED: '已报名', SHORTLISTED: '已入选', OFFERED: '已发录用意向', HIRED: '已录用', REJECTED: '未录用', WITHDRAWN: '已撤回' },
  contract: {
    SENT: '待签署',
    SIGNED_BY_SEEKER: '本人已签署，待单位盖章',
    ACTIVE: '已生效',
    DECLINED: '本人拒签',
    CANCELLED: '已撤销',
    ENDED: '已终止',
  },
  role: { SEEKER: '本人', EMPLOYER: '用人单位', STAFF: '工作人员', ADMIN: '系统管理员' },
};
const word = (kind: string, value: unknown): unknown => (typeof value === 'string' ? (WORDS[kind]?.[value] ?? value) : value);

/** 2026-12-06T01:32:53.290Z → 2026年12月6日 09:32 (county time, UTC+8); a plain date → 2026年12月6日. */
const when = (value: unknown): unknown => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  if (value.length === 10) return `${Number(value.slice(0, 4))}年${Number(value.slice(5, 7))}月${Number(value.slice(8, 10))}日`;
  const t = new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString();
  return `${Number(t.slice(0, 4))}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
};

/** A profile field as read: codes in words, yes/no, dates in Chinese, the wage with its unit. */
function profileValue(profile: Record<string, unknown>, key: string): unknown {
  const value = profile[key];
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'wantedWage') return value == null ? value : `${String(value)} ${String(word('wantedWageUnit', profile.wantedWageUnit ?? 'MONTH'))}`;
  if (key in WORDS) return word(key, value);
  if (key === 'birthDate' || key === 'registeredAt' || key === 'availableFrom') return when(value);
  return value;
}

const PROFILE_LABELS: [string, string][] = [
  ['name', '姓名'],
  ['idNumber', '身份证号'],
  ['phone', '手机号'],
  ['birthDate', '出生日期'],
  ['sex', '性别'],
  ['regionCode', '户籍所在村（区划代码）'],
  ['supportGroups', '人员类别'],
  ['laborCapacity', '劳动能力'],
  ['education', '文化程度'],
  ['skills', '技能'],
  ['wantedOccupations', '求职意向'],
  ['wantedWage', '期望工资'],
  ['trainingWanted', '培训意愿'],
  ['availableFrom', '可上岗日期'],
  ['mustStayNearHome', '需就近就业'],
  ['consentToRecommend', '同意推荐给用人单位'],
  ['employmentStatus', '就业状态'],
  ['registeredAt', '登记时间'],
];

const table = (headers: string[], rows: unknown[][]) =>
  rows.length
    ? `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${escape(Array.isArray(c) ? c.join('、') || '无' : c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '<p>无</p>';

/** The copy as a printable page in Chinese: what a person reads; the JSON is the same data for machines. */
export function personalDataPage(copy: PersonalDataCopy): string {
  const profile = copy.profile;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>我的个人信息</title><style>body{font-family:sans-serif;margin:1rem;line-height:1.5}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}h2{margin-top:1.5rem}</style></head><body>
<h1>我的个人信息</h1><p>就业服务码平台保存的关于您的全部信息，生成于 ${escape(when(copy.generatedAt))}。如有错误，可在“我的信息”里更正。</p>
<h2>账号</h2>${table(['姓名', '手机号', '注册时间'], [[copy.account.name, copy.account.phone, when(copy.account.createdAt)]])}
<h2>求职登记</h2>${
    profile
      ? table(
          ['项目', '内容'],
          PROFILE_LABELS.map(([key, label]) => [label, profileValue(profile, key)]),
        )
      : '<p>未登记</p>'
  }
<h2>报名</h2>${table(
    ['岗位', '单位', '状态', '报名时间'],
    copy.applications.map((a) => [a.jobTitle, a.employerName, word('application', a.status), when(a.appliedAt)]),
  )}
<h2>劳动合同</h2>${table(
    ['岗位', '单位', '状态', '开始', '结束'],
    copy.contracts.map((c) => [c.jobTitle, c.employerName, word('contract', c.status), when(c.startDate), when(c.endDate)]),
  )}
<h2>谁查看过我的完整身份证号或手机号</h2>${table(
    ['时间', '查看的内容', '查看人', '用途', '途径'],
    copy.personalDataReads.map((r) => [
      when(r.at),
      r.field === 'PHONE' ? '手机号' : '身份证号',
      word('role', r.readerRole),
      r.purpose,
      readChannelWord(r.channel),
    ]),
  )}
<h2>消息</h2>${table(
    ['时间', '标题', '内容'],
    copy.notifications.map((n) => [when(n.deliveredAt), n.title, n.body]),
  )}
<h2>删除请求</h2>${copy.deletionRequest ? `<p>${escape(copy.deletionRequest.answer)}</p>` : '<p>未申请</p>'}
</body></html>`;
}
