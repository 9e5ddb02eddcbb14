import { registerEnumType } from '@nestjs/graphql';

/** What a service code can point to (DESIGN.md §3 ServiceCode). */
export enum ServiceCodeTargetKind {
  GIG_STATION = 'GIG_STATION',
  WORKSHOP = 'WORKSHOP',
  JOB_FAIR = 'JOB_FAIR',
  JOB = 'JOB',
  SEEKER = 'SEEKER',
  CONTRACT = 'CONTRACT',
}

registerEnumType(ServiceCodeTargetKind, {
  name: 'ServiceCodeTargetKind',
  description: '就业服务码指向的对象',
  valuesMap: {
    GIG_STATION: { description: '零工市场 / 零工驿站' },
    WORKSHOP: { description: '就业帮扶车间' },
    JOB_FAIR: { description: '招聘会' },
    JOB: { description: '岗位' },
    SEEKER: { description: '求职者个人码' },
    CONTRACT: { description: '劳动合同（核验）' },
  },
});

export const TARGET_KIND_NAMES: Record<ServiceCodeTargetKind, string> = {
  GIG_STATION: '零工驿站',
  WORKSHOP: '就业帮扶车间',
  JOB_FAIR: '招聘会',
  JOB: '岗位',
  SEEKER: '求职者',
  CONTRACT: '劳动合同',
};
