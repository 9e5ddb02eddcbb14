import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';

import { DashboardArgs } from './dto/dashboard.args';
import { StatPeriodObject } from './placement-stats.object';

export enum FunnelGroupBy {
  TARGET_KIND = 'TARGET_KIND',
  TARGET = 'TARGET',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(FunnelGroupBy, {
  name: 'FunnelGroupBy',
  valuesMap: {
    TARGET_KIND: { description: '按渠道：零工驿站、帮扶车间、招聘会、直接发布的岗位' },
    TARGET: { description: '按具体的驿站、车间、招聘会或岗位（扫码最多的前 100 个）' },
    TOWNSHIP: { description: '按码、岗位、合同所在的乡镇' },
  },
});

@ArgsType()
export class ScanFunnelArgs extends DashboardArgs {
  @Field(() => FunnelGroupBy, { nullable: true, description: '分组方式；不填只给合计' })
  @IsOptional()
  @IsEnum(FunnelGroupBy, { message: '分组方式取值不正确' })
  groupBy?: FunnelGroupBy | null;
}

@ObjectType('FigureChange', { description: '一个数字与上年同期相比' })
export class FigureChangeObject {
  @Field(() => String, { description: '字段名，例如 scans、attendance、peopleEmployed' })
  figure: string;

  @Field(() => String, { description: '中文名称' })
  label: string;

  @Field(() => Int)
  current: number;

  @Field(() => Int, { description: '上年同期' })
  previous: number;

  @Field(() => Float, { nullable: true, description: '同比变化（%，两位小数）；上年同期为 0 时为空' })
  changePercent: number | null;
}

/** What every dashboard figure carries: its definition, where and when, and the change from a year earlier. */
@ObjectType({ isAbstract: true })
export abstract class DashboardHead {
  @Field(() => String, { description: '统计口径' })
  definition: string;

  @Field(() => String, { nullable: true })
  regionCode: string | null;

  @Field(() => String)
  regionName: string;

  @Field(() => StatPeriodObject)
  period: StatPeriodObject;

  @Field(() => StatPeriodObject, { description: '上年同期' })
  previousPeriod: StatPeriodObject;

  @Field(() => [FigureChangeObject], { description: '合计中各数字的同比变化' })
  changes: FigureChangeObject[];
}

@ObjectType('ScanFunnelFigure', { description: '扫码 → 报名 → 合同，每一步的次数与人数' })
export class ScanFunnelFigureObject {
  @Field(() => Int, { description: '扫码次数（按次计，含未登录扫码）' })
  scans: number;

  @Field(() => Int, { description: '扫码人数（已登录账号去重；未登录扫码无法识别人，不计入）' })
  scanners: number;

  @Field(() => Int, { description: '报名次数：统计期内跟在同一人扫码之后 7 天内的报名（扫了该岗位或其驿站、车间、招聘会的码）' })
  applications: number;

  @Field(() => Int, { description: '报名人数：上述报名的账号去重（是扫码人数的子集）' })
  applicants: number;

  @Field(() => Int, { description: '发出的合同份数：上述报名在统计期末前发给求职者签署的合同' })
  contractsSent: number;

  @Field(() => Int, { description: '生效的合同份数：发出的合同中统计期末前双方签署生效的' })
  contractsActive: number;

  @Field(() => Int, { description: '签约人数：有生效合同的账号去重（是报名人数的子集）' })
  peopleContracted: number;

  @Field(() => Float, { nullable: true, description: '报名人数 / 扫码人数（%，两位小数，不超过 100）；无已登录扫码时为空' })
  applicationRate: number | null;

  @Field(() => Float, { nullable: true, description: '生效合同 / 报名次数（%，两位小数）；无报名时为空' })
  contractRate: number | null;
}

@ObjectType('ScanFunnelGroup')
export class ScanFunnelGroupObject extends ScanFunnelFigureObject {
  @Field(() => String, { description: '渠道（GIG_STATION、WORKSHOP、JOB_FAIR、JOB）、渠道:对象 id，或乡镇区划代码' })
  key: string;

  @Field(() => String, { description: '中文名称' })
  label: string;
}

@ObjectType('ScanFunnel', { description: '扫码转化：扫码 → 报名 → 合同' })
export class ScanFunnelObject extends DashboardHead {
  @Field(() => ScanFunnelFigureObject)
  total: ScanFunnelFigureObject;

  @Field(() => ScanFunnelFigureObject, { description: '上年同期的合计（同一口径、同一区域）' })
  previousTotal: ScanFunnelFigureObject;

  @Field(() => [ScanFunnelGroupObject])
  groups: ScanFunnelGroupObject[];
}

@ObjectType('FairFigure', { description: '招聘会数字' })
export class FairFigureObject {
  @Field(() => Int, { description: '参会用人单位（展位数）' })
  employers: number;

  @Field(() => Int, { description: '提供岗位数：该招聘会岗位的招聘人数之和，加上未录入岗位的展位申报的岗位数' })
  posts: number;

  @Field(() => Int, { description: '到场求职者人数（现场扫个人码登记，每场每人计一次）' })
  attendance: number;

  @Field(() => Int, { description: '录用人数：该招聘会岗位的报名中状态为“已录用”的求职者（去重）' })
  hires: number;
}

@ObjectType('FairStatsRow')
export class FairStatsRowObject extends FairFigureObject {
  @Field(() => String)
  fairId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '举办日期（县时间）' })
  date: string;

  @Field(() => String)
  venue: string;

  @Field(() => String)
  regionCode: string;
}

@ObjectType('FairStatsTotal')
export class FairStatsTotalObject extends FairFigureObject {
  @Field(() => Int, { description: '举办场次' })
  fairs: number;

  @Field(() => Int, { description: '参会用人单位（去重：一家单位参加多场只计一次）' })
  distinctEmployers: number;

  @Field(() => Int, { description: '到场求职者（去重：一人参加多场只计一次）' })
  distinctAttendees: number;
}

@ObjectType('FairStats', { description: '招聘会统计：每场及合计' })
export class FairStatsObject extends DashboardHead {
  @Field(() => FairStatsTotalObject, { description: '合计（employers、attendance 为各场之和；去重人数见 distinct 字段）' })
  total: FairStatsTotalObject;

  @Field(() => FairStatsTotalObject, { description: '上年同期的合计（同一口径、同一区域）' })
  previousTotal: FairStatsTotalObject;

  @Field(() => [FairStatsRowObject])
  fairs: FairStatsRowObject[];
}

@ObjectType('WorkshopFigure')
export class WorkshopFigureObject {
  @Field(() => Int, { description: '吸纳就业人数：统计期内在该车间有务工记录的人（去重）' })
  peopleEmployed: number;

  @Field(() => Int, { description: '其中脱贫人口（帮扶类别 LIFTED_OUT）' })
  liftedOut: number;

  @Field(() => Float, { nullable: true, description: '脱贫人口占比（%，两位小数）' })
  liftedOutPercent: number | null;
}

@ObjectType('WorkshopStatsRow')
export class WorkshopStatsRowObject extends WorkshopFigureObject {
  @Field(() => String)
  workshopId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String, { description: '认定状态：PENDING、CERTIFIED、REVOKED' })
  status: string;

  @Field(() => String, { nullable: true, description: '认定日期' })
  certifiedOn: string | null;
}

@ObjectType('WorkshopStatsTotal')
export class WorkshopStatsTotalObject extends WorkshopFigureObject {
  @Field(() => Int, { description: '统计期末仍在认定状态的帮扶车间数（认定日期不晚于期末且未被撤销）' })
  workshops: number;

  @Field(() => Int, { description: '统计期内新认定的帮扶车间数' })
  newlyCertified: number;
}

@ObjectType('WorkshopStats', { description: '就业帮扶车间统计：车间数、吸纳就业人数、其中脱贫人口' })
export class WorkshopStatsObject extends DashboardHead {
  @Field(() => WorkshopStatsTotalObject)
  total: WorkshopStatsTotalObject;

  @Field(() => WorkshopStatsTotalObject, { description: '上年同期的合计（同一口径、同一区域）' })
  previousTotal: WorkshopStatsTotalObject;

  @Field(() => [WorkshopStatsRowObject], { description: '每个车间（认定中的，及统计期内有人务工的）' })
  workshops: WorkshopStatsRowObject[];
}
