/** The national support groups (帮扶人员类别), seeded by the migration; a county may add its own. */
export const BUILTIN_SUPPORT_GROUPS = {
  LIFTED_OUT: '脱贫人口',
  MONITORED: '监测对象',
  RELOCATED: '易地搬迁',
  RETURNEE: '返乡回流',
  GRADUATE: '高校毕业生',
  YULU_GRADUATE: '雨露计划毕业生',
  DISABLED: '残疾人',
  LEFT_BEHIND_WOMAN: '留守妇女',
} as const;

export type BuiltinSupportGroup = keyof typeof BUILTIN_SUPPORT_GROUPS;

export const SUPPORT_GROUP_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
