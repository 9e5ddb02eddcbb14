/** Chinese words for the API's enums, shown beside icons on every surface. */
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
  EXPIRED: '已过期',
};

export const WAGE_UNIT: Record<string, string> = { MONTH: '按月', DAY: '按天（日结）', HOUR: '按小时', PIECE: '计件' };
