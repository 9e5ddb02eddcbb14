import { declareCountySetting, listOf } from '@jobcode/county-settings';

/**
 * Support groups (DESIGN.md glossary `SupportGroup`) as their codes; the seekers library owns
 * the enum, this list only validates the setting's value.
 */
export const SUPPORT_GROUP_CODES = ['LIFTED_OUT', 'MONITORED', 'RELOCATED', 'RETURNEE', 'GRADUATE', 'YULU_GRADUATE'] as const;
export type SupportGroupCode = (typeof SUPPORT_GROUP_CODES)[number];

/** Which support groups may take this county's public-welfare posts (公益性岗位). */
export const PUBLIC_WELFARE_SUPPORT_GROUPS = declareCountySetting<SupportGroupCode[]>({
  key: 'jobs.publicWelfareSupportGroups',
  description:
    '可以申请本县公益性岗位的帮扶群体（LIFTED_OUT 脱贫人口、MONITORED 防止返贫监测对象、RELOCATED 易地搬迁群众、RETURNEE 返乡回流人员、GRADUATE 高校毕业生、YULU_GRADUATE 雨露计划毕业生）',
  defaultValue: ['LIFTED_OUT', 'MONITORED'],
  parse: (raw) => {
    const parsed = listOf(SUPPORT_GROUP_CODES, '公益性岗位的帮扶群体')(raw);
    if ('value' in parsed && parsed.value.length === 0) return { error: '至少选择一个帮扶群体' };
    return parsed;
  },
});
