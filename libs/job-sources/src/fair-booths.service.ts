import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor } from '@jobcode/common';
import { isUniqueViolation } from '@jobcode/database';
import { EmployersService } from '@jobcode/employers';

import { BookFairBoothInput } from './dto/job-sources.inputs';
import { FairBooth } from './fair-booth.entity';
import { JobFairsService } from './job-fairs.service';
import { JobSourcesException, JobSourcesExceptionCode } from './job-sources.exception';

/** Employers' booths at job fairs. */
@Injectable()
export class FairBoothsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly fairs: JobFairsService,
  ) {}

  /** An employer (verified) takes a booth at a fair that has not ended; one booth per employer and fair. */
  async bookBooth(actor: Actor, input: BookFairBoothInput): Promise<FairBooth> {
    const employer = await this.employers.requireManageable(actor, input.employerId);
    this.employers.assertVerified(employer);
    const fair = await this.fairs.requireFair(input.fairId);
    if (fair.endsAt <= new Date()) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_OVER, `${fair.name}已经结束，不能再预订展位`);
    try {
      return await this.dataSource.manager.save(
        this.dataSource.manager.create(FairBooth, {
          fairId: fair.id,
          employerId: employer.id,
          boothNumber: input.boothNumber?.trim() || null,
          declaredPosts: input.declaredPosts ?? null,
          createdBy: actor.accountId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new JobSourcesException(JobSourcesExceptionCode.BOOTH_TAKEN, `${employer.name}已在${fair.name}订了展位，无需重复预订`);
      throw error;
    }
  }
}
