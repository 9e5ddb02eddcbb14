/** Chinese words for the employer console's enums. */
export const APPLICATION_STATUS: Record<string, string> = {
  APPLIED: '已报名',
  SHORTLISTED: '已入选',
  OFFERED: '已发录用意向',
  HIRED: '已录用',
  REJECTED: '未录用',
  WITHDRAWN: '已撤回',
};

export const BOOKING_STATUS: Record<string, string> = {
  BOOKED: '待确认',
  CONFIRMED: '已确认',
  CHECKED_IN: '已签到',
  COMPLETED: '已完工',
  PAID: '已结清',
  NO_SHOW: '未到岗',
  CANCELLED: '已取消',
};

export const EMPLOYER_STATUS: Record<string, string> = { PENDING: '待审核', VERIFIED: '已审核', REJECTED: '审核未通过' };

export const TERM_KIND: Record<string, string> = { FIXED: '固定期限', OPEN_ENDED: '无固定期限', PER_TASK: '以完成一定工作任务为期限' };

export const FAIR_KIND: Record<string, string> = { ORDINARY: '招聘会', SPRING_CAMPAIGN: '春风行动', CARAVAN: '就业大篷车' };

export const STATUS_TAG: Record<string, 'success' | 'warning' | 'info' | 'danger' | 'primary'> = {
  OPEN: 'success',
  DRAFT: 'info',
  PAUSED: 'warning',
  FILLED: 'primary',
  CLOSED: 'info',
  EXPIRED: 'danger',
};
