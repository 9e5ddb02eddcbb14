import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum JobSourcesExceptionCode {
  SOURCE_NOT_FOUND = 'SOURCE_NOT_FOUND',
  WRONG_STATION_LEVEL = 'WRONG_STATION_LEVEL',
  WORKSHOP_NOT_IN_VILLAGE = 'WORKSHOP_NOT_IN_VILLAGE',
  WORKSHOP_STATUS = 'WORKSHOP_STATUS',
  WORKSHOP_DATE = 'WORKSHOP_DATE',
  FAIR_TIME = 'FAIR_TIME',
  CARAVAN_TOWNSHIP_TAKEN = 'CARAVAN_TOWNSHIP_TAKEN',
  CARAVAN_OUTSIDE_COUNTY = 'CARAVAN_OUTSIDE_COUNTY',
  BOOTH_TAKEN = 'BOOTH_TAKEN',
  FAIR_OVER = 'FAIR_OVER',
}

const CODE_OF: Record<JobSourcesExceptionCode, ErrorCode> = {
  SOURCE_NOT_FOUND: ErrorCode.NOT_FOUND,
  WRONG_STATION_LEVEL: ErrorCode.BAD_USER_INPUT,
  WORKSHOP_NOT_IN_VILLAGE: ErrorCode.BAD_USER_INPUT,
  WORKSHOP_STATUS: ErrorCode.CONFLICT,
  WORKSHOP_DATE: ErrorCode.BAD_USER_INPUT,
  FAIR_TIME: ErrorCode.BAD_USER_INPUT,
  CARAVAN_TOWNSHIP_TAKEN: ErrorCode.CONFLICT,
  CARAVAN_OUTSIDE_COUNTY: ErrorCode.BAD_USER_INPUT,
  BOOTH_TAKEN: ErrorCode.CONFLICT,
  FAIR_OVER: ErrorCode.CONFLICT,
};

export class JobSourcesException extends AppError {
  constructor(reason: JobSourcesExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
