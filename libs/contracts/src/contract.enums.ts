import { registerEnumType } from '@nestjs/graphql';

/** SENT → SIGNED_BY_SEEKER → ACTIVE | DECLINED | CANCELLED; ACTIVE → ENDED. A contract is created SENT. */
export enum ContractStatus {
  SENT = 'SENT',
  SIGNED_BY_SEEKER = 'SIGNED_BY_SEEKER',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  ENDED = 'ENDED',
}

/** 合同期限: fixed term, open-ended, or until a task is done (以完成一定工作任务为期限). */
export enum ContractTermKind {
  FIXED = 'FIXED',
  OPEN_ENDED = 'OPEN_ENDED',
  PER_TASK = 'PER_TASK',
}

/** The words people read for each status, in the terms of 《劳动合同法》 (劳动者, 用人单位); the web's labels.ts says the same (a test compares them). */
export const CONTRACT_STATUS_WORD: Record<ContractStatus, string> = {
  SENT: '待劳动者签署',
  SIGNED_BY_SEEKER: '劳动者已签署，待用人单位盖章',
  ACTIVE: '已生效',
  DECLINED: '劳动者已拒签',
  CANCELLED: '已撤销',
  ENDED: '已终止',
};

export const TERM_KIND_WORD: Record<ContractTermKind, string> = { FIXED: '固定期限', OPEN_ENDED: '无固定期限', PER_TASK: '以完成一定工作任务为期限' };

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: '劳动合同状态',
  valuesMap: {
    SENT: { description: '已发给求职者，待签署' },
    SIGNED_BY_SEEKER: { description: '求职者已签署，待用人单位盖章' },
    ACTIVE: { description: '双方签署，已生效（内容封存，不再改动）' },
    DECLINED: { description: '求职者拒签' },
    CANCELLED: { description: '已撤销：用人单位撤销，或报名被撤回、未录用' },
    ENDED: { description: '已终止' },
  },
});
registerEnumType(ContractTermKind, {
  name: 'ContractTermKind',
  valuesMap: {
    FIXED: { description: '固定期限（须填终止日期）' },
    OPEN_ENDED: { description: '无固定期限' },
    PER_TASK: { description: '以完成一定工作任务为期限（不得约定试用期）' },
  },
});
