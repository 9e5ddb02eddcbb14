/** Chinese words for the staff console's enums. */
export const LABOR_CAPACITY: Record<string, string> = { FULL: '有劳动能力', WEAK: '弱劳动能力', NONE: '无劳动能力' };
export const EMPLOYMENT_STATUS: Record<string, string> = { EMPLOYED: '已就业', UNEMPLOYED: '未就业', UNKNOWN: '未知' };
export const SEX: Record<string, string> = { MALE: '男', FEMALE: '女' };
export const EMPLOYER_STATUS: Record<string, string> = { PENDING: '待审核', VERIFIED: '已审核', REJECTED: '未通过' };
export const CODE_STATUS: Record<string, string> = { ACTIVE: '有效', REVOKED: '已停用', REPLACED: '已更换', EXPIRED: '已过期' };
export const TARGET_KIND: Record<string, string> = {
  GIG_STATION: '零工站点',
  WORKSHOP: '帮扶车间',
  JOB_FAIR: '招聘会',
  JOB: '岗位',
  SEEKER: '求职者个人码',
  CONTRACT: '劳动合同',
};
export const DESTINATION: Record<string, string> = { IN_COUNTY: '县内', IN_PROVINCE: '区内县外', OUT_OF_PROVINCE: '区外' };
export const PLACEMENT_SOURCE: Record<string, string> = {
  SELF_FOUND: '自主务工',
  TRANSFERRED_OUT: '返岗直通车输出',
  PUBLIC_WELFARE: '公益性岗位',
  WORKSHOP: '帮扶车间',
  CONTRACT: '平台签约',
  GIG: '零工',
};
export const FOLLOW_UP_WAY: Record<string, string> = { VISIT: '上门走访', PHONE: '电话回访', WECHAT: '微信回访' };
export const EDUCATION: Record<string, string> = {
  NONE: '未上学',
  PRIMARY: '小学',
  JUNIOR_HIGH: '初中',
  SENIOR_HIGH: '高中',
  SECONDARY_VOCATIONAL: '中专/职高',
  JUNIOR_COLLEGE: '大专',
  BACHELOR: '本科',
  POSTGRADUATE: '研究生',
};
export const STATION_LEVEL: Record<string, string> = { COUNTY: '零工市场（县）', TOWNSHIP: '零工中心（乡镇）', VILLAGE: '零工驿站（村）' };
export const WORKSHOP_STATUS: Record<string, string> = { PENDING: '待认定', CERTIFIED: '已认定', REVOKED: '已撤销' };
export const FAIR_KIND: Record<string, string> = { ORDINARY: '招聘会', SPRING_CAMPAIGN: '春风行动', CARAVAN: '大篷车一站' };
export const ROLE: Record<string, string> = { STAFF: '工作人员', ADMIN: '管理员', EMPLOYER: '用人单位', SEEKER: '求职者' };
export const SECURITY_LOG_KIND: Record<string, string> = {
  SIGN_IN: '登录',
  SIGN_IN_FAILED: '登录失败',
  ACCOUNT_LOCKED: '账号锁定',
  SECOND_FACTOR_RESET: '重置身份验证器',
  SECOND_FACTOR_ENABLED: '绑定身份验证器',
  PERSONAL_DATA_READ: '查看完整个人信息',
  ACCESS_DENIED: '越权被拒',
  RATE_LIMITED: '操作过频',
  PASSWORD_CHANGED: '修改密码',
  ACCOUNT_CREATED: '创建账号',
  ACCOUNT_DISABLED: '停用账号',
  ACCOUNT_ENABLED: '恢复账号',
  PASSWORD_RESET: '设临时密码',
  REGION_CHANGED: '调整管辖区域',
  SIGN_OUT: '退出登录',
  SIGN_UP: '注册',
};
