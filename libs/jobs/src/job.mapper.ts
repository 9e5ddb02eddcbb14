import { Injectable } from '@nestjs/common';

import { countyToday } from '@jobcode/common';
import { RegionsService } from '@jobcode/regions';

import { JobShift } from './job-shift.entity';
import { Job } from './job.entity';
import { JobObject, JobShiftObject } from './job.object';
import { JobsService } from './jobs.service';

@Injectable()
export class JobMapper {
  constructor(
    private readonly regions: RegionsService,
    private readonly jobs: JobsService,
  ) {}

  async job(job: Job, today = countyToday()): Promise<JobObject> {
    return {
      id: job.id,
      employerId: job.employerId,
      stationId: job.stationId,
      workshopId: job.workshopId,
      fairId: job.fairId,
      regionCode: job.regionCode,
      screeningFlags: job.flags,
      title: job.title,
      occupation: job.occupation,
      occupationCode: job.occupationCode,
      description: job.description,
      kind: job.kind,
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      wageUnit: job.wageUnit,
      monthlyWageMin: job.monthlyWageMin,
      monthlyWageMax: job.monthlyWageMax,
      headcount: job.headcount,
      region: await this.regions.requireObject(job.regionCode),
      address: job.address,
      latitude: job.latitude,
      longitude: job.longitude,
      workingHours: job.workingHours,
      benefits: { board: job.providesBoard, lodging: job.providesLodging, transport: job.providesTransport, socialInsurance: job.socialInsurance },
      requirements: job.requirements,
      contractTerm: job.contractTerm,
      validFrom: job.validFrom,
      validTo: job.validTo,
      status: this.jobs.effectiveStatus(job, today),
      publishedAt: job.publishedAt,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    };
  }

  shift(s: JobShift): JobShiftObject {
    return {
      id: s.id,
      jobId: s.jobId,
      date: s.date,
      startTime: s.startTime.slice(0, 5),
      endTime: s.endTime.slice(0, 5),
      slots: s.slots,
      bookedCount: s.bookedCount,
      slotsLeft: Math.max(0, s.slots - s.bookedCount),
      dayPay: s.dayPay,
      pieceRate: s.pieceRate,
      meetingStationId: s.meetingStationId,
      meetingPoint: s.meetingPoint,
      instantHiring: s.instantHiring,
      status: s.status,
      cancelReason: s.cancelReason,
    };
  }
}
