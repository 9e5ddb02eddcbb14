import { type PersonalDataCopy } from './privacy.service';

const escape = (value: unknown): string =>
  String(value ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

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
  ['consentToRecommend', '同意推荐给用人单位'],
  ['employmentStatus', '就业状态'],
  ['registeredAt', '登记时间'],
];

const table = (headers: string[], rows: unknown[][]) =>
  rows.length
    ? `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${escape(Array.isArray(c) ? c.join('、') : c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '<p>无</p>';

/** The copy as a printable page in Chinese: what a person reads; the JSON is the same data for machines. */
export function personalDataPage(copy: PersonalDataCopy): string {
  const profile = copy.profile;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>我的个人信息</title><style>body{font-family:sans-serif;margin:1rem;line-height:1.5}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}h2{margin-top:1.5rem}</style></head><body>
<h1>我的个人信息</h1><p>就业服务码平台保存的关于您的全部信息，生成于 ${escape(copy.generatedAt)}。如有错误，可在“我的求职信息”里更正。</p>
<h2>账号</h2>${table(['姓名', '手机号', '注册时间'], [[copy.account.name, copy.account.phone, copy.account.createdAt]])}
<h2>求职登记</h2>${
    profile
      ? table(
          ['项目', '内容'],
          PROFILE_LABELS.map(([key, label]) => [label, profile[key]]),
        )
      : '<p>未登记</p>'
  }
<h2>报名</h2>${table(
    ['岗位', '单位', '状态', '报名时间'],
    copy.applications.map((a) => [a.jobTitle, a.employerName, a.status, a.appliedAt]),
  )}
<h2>劳动合同</h2>${table(
    ['岗位', '单位', '状态', '开始', '结束'],
    copy.contracts.map((c) => [c.jobTitle, c.employerName, c.status, c.startDate, c.endDate]),
  )}
<h2>谁查看过我的完整身份证号或手机号</h2>${table(
    ['时间', '查看的内容', '查看人', '用途', '途径'],
    copy.personalDataReads.map((r) => [r.at, r.field === 'PHONE' ? '手机号' : '身份证号', r.readerRole, r.purpose, r.channel]),
  )}
<h2>消息</h2>${table(
    ['时间', '标题', '内容'],
    copy.notifications.map((n) => [n.deliveredAt, n.title, n.body]),
  )}
<h2>删除请求</h2>${copy.deletionRequest ? `<p>${escape(copy.deletionRequest.answer)}</p>` : '<p>未申请</p>'}
</body></html>`;
}
