import { createUnionType } from '@nestjs/graphql';

import { GigStationObject, JobFairObject, WorkshopObject } from '@jobcode/job-sources';

/** Where a job comes from: at most one station, workshop or fair. */
export const JobSourceUnion = createUnionType({
  name: 'JobSource',
  description: '岗位来源：零工站点、就业帮扶车间或招聘会',
  types: () => [GigStationObject, WorkshopObject, JobFairObject] as const,
  resolveType(value: object) {
    if ('openingHours' in value) return GigStationObject;
    if ('certifiedOn' in value) return WorkshopObject;
    return JobFairObject;
  },
});
