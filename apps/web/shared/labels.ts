/**
 * Chinese words for the API's enums, shown beside icons on every surface. JOB_KIND, JOB_STATUS and
 * CONTRACT_STATUS are the API's own words (JOB_KIND_WORD, JOB_STATUS_WORD, CONTRACT_STATUS_WORD):
 * test/contract/labels.spec.ts fails when the two disagree.
 */
export const JOB_KIND: Record<string, string> = {
  FULL_TIME: '全职',
  PART_TIME: '兼职',
  GIG: '零工',
  HOME_BASED: '居家就业',
  PUBLIC_WELFARE: '公益性岗位',
};

export const JOB_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  OPEN: '招聘中',
  PAUSED: '暂停招聘',
  FILLED: '已招满',
  CLOSED: '已关闭',
  EXPIRED: '已过有效期',
};

export const WAGE_UNIT: Record<string, string> = { MONTH: '按月', DAY: '按天（日结）', HOUR: '按小时', PIECE: '计件' };

export const APPLICATION_STATUS: Record<string, string> = {
  APPLIED: '已报名，等待单位查看',
  SHORTLISTED: '单位已初选',
  OFFERED: '单位已发合同',
  HIRED: '已录用',
  REJECTED: '未录用',
  WITHDRAWN: '已撤回',
};

export const CONTRACT_STATUS: Record<string, string> = {
  SENT: '待劳动者签署',
  SIGNED_BY_SEEKER: '劳动者已签署，待用人单位盖章',
  ACTIVE: '已生效',
  DECLINED: '劳动者已拒签',
  CANCELLED: '已撤销',
  ENDED: '已终止',
};

/**
 * The same statuses said to the worker themself on the seeker's pages ("您", not "劳动者"): a
 * person who reads little should not have to work out that 劳动者 means them.
 */
export const CONTRACT_STATUS_TO_SEEKER: Record<string, string> = {
  ...CONTRACT_STATUS,
  SENT: '待您签署',
  SIGNED_BY_SEEKER: '您已签署，等待用人单位盖章',
  DECLINED: '您已拒签',
};

export const GIG_BOOKING_STATUS: Record<string, string> = {
  BOOKED: '已预约，等待单位确认',
  CONFIRMED: '单位已确认，按时到集合点签到',
  CHECKED_IN: '已签到',
  COMPLETED: '已完工，请确认工钱',
  PAID: '工钱已结清',
  NO_SHOW: '未到场',
  CANCELLED: '已取消',
};

export const LABOR_CAPACITY: Record<string, string> = { FULL: '有劳动能力', WEAK: '弱劳动能力', NONE: '无劳动能力' };

export const ROLE: Record<string, string> = { SEEKER: '本人', EMPLOYER: '用人单位', STAFF: '工作人员', ADMIN: '系统管理员' };

export const PERSONAL_FIELD: Record<string, string> = { ID_NUMBER: '身份证号', PHONE: '手机号' };

export const EDUCATION: Record<string, string> = {
  NONE: '未上学',
  PRIMARY: '小学',
  JUNIOR_HIGH: '初中',
  SENIOR_HIGH: '高中',
  SECONDARY_VOCATIONAL: '中专',
  JUNIOR_COLLEGE: '大专',
  BACHELOR: '本科',
  POSTGRADUATE: '研究生',
};
