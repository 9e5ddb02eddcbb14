import { registerEnumType } from '@nestjs/graphql';

/** What an annual target (年度任务数) counts. Each metric's definition is shown beside its figure. */
export enum TargetMetric {
  PUBLIC_WELFARE_PLACEMENTS = 'PUBLIC_WELFARE_PLACEMENTS',
  IN_COUNTY_PLACEMENTS = 'IN_COUNTY_PLACEMENTS',
  IN_PROVINCE_PLACEMENTS = 'IN_PROVINCE_PLACEMENTS',
  OUT_OF_PROVINCE_PLACEMENTS = 'OUT_OF_PROVINCE_PLACEMENTS',
  LIFTED_OUT_PLACEMENTS = 'LIFTED_OUT_PLACEMENTS',
  MONITORED_PLACEMENTS = 'MONITORED_PLACEMENTS',
  NEW_WORKSHOPS = 'NEW_WORKSHOPS',
}

export const TARGET_METRIC_LABEL: Record<TargetMetric, string> = {
  PUBLIC_WELFARE_PLACEMENTS: '公益性岗位安置人数',
  IN_COUNTY_PLACEMENTS: '县内务工人数',
  IN_PROVINCE_PLACEMENTS: '区内县外务工人数',
  OUT_OF_PROVINCE_PLACEMENTS: '区外务工人数',
  LIFTED_OUT_PLACEMENTS: '脱贫人口务工人数',
  MONITORED_PLACEMENTS: '监测对象务工人数',
  NEW_WORKSHOPS: '新认定就业帮扶车间数',
};

registerEnumType(TargetMetric, {
  name: 'TargetMetric',
  valuesMap: Object.fromEntries(Object.entries(TARGET_METRIC_LABEL).map(([k, v]) => [k, { description: v }])),
});
