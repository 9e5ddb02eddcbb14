import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, countyToday, CurrentActor, PUBLIC, Role } from '@jobcode/common';

import { AddJobShiftInput, CancelJobShiftInput, ChangeJobShiftInput } from './dto/job-shift.input';
import { JobShiftsService } from './job-shifts.service';
import { GigBoardEntryObject, JobShiftObject } from './job.object';
import { JobMapper } from './job.mapper';

const MANAGERS = [Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => JobShiftObject)
export class JobShiftsResolver {
  constructor(
    private readonly shifts: JobShiftsService,
    private readonly mapper: JobMapper,
  ) {}

  @Allow(...MANAGERS)
  @Mutation(() => JobShiftObject, { description: '为零工岗位添加一个班次' })
  async addJobShift(@CurrentActor() actor: Actor, @Args('input') input: AddJobShiftInput): Promise<JobShiftObject> {
    return this.mapper.shift(await this.shifts.add(actor, input));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobShiftObject, { description: '修改班次（有人预约后不能再改）' })
  async changeJobShift(@CurrentActor() actor: Actor, @Args('input') input: ChangeJobShiftInput): Promise<JobShiftObject> {
    return this.mapper.shift(await this.shifts.change(actor, input));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobShiftObject, { description: '取消班次（开始前）；已预约的求职者会收到通知' })
  async cancelJobShift(@CurrentActor() actor: Actor, @Args('input') input: CancelJobShiftInput): Promise<JobShiftObject> {
    return this.mapper.shift(await this.shifts.cancel(actor, input));
  }

  @Allow(PUBLIC)
  @Query(() => [GigBoardEntryObject], { description: '零工驿站看板：今天和明天在该站集合的班次及剩余名额' })
  async gigStationBoard(@Args('stationId', { type: () => ID }) stationId: string): Promise<GigBoardEntryObject[]> {
    const today = countyToday();
    const entries = await this.shifts.boardForStation(stationId, today, 2);
    return Promise.all(entries.map(async (e) => ({ job: await this.mapper.job(e.job, today), shift: this.mapper.shift(e.shift) })));
  }
}
