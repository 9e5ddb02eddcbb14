import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum PlacementsExceptionCode {
  PLACEMENT_NOT_FOUND = 'PLACEMENT_NOT_FOUND',
  SEEKER_NOT_FOUND = 'SEEKER_NOT_FOUND',
  INVALID_PLACEMENT = 'INVALID_PLACEMENT',
  ALREADY_ENDED = 'ALREADY_ENDED',
}

const CODE_OF: Record<PlacementsExceptionCode, ErrorCode> = {
  PLACEMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  SEEKER_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVALID_PLACEMENT: ErrorCode.BAD_USER_INPUT,
  ALREADY_ENDED: ErrorCode.CONFLICT,
};

export class PlacementsException extends AppError {
  constructor(reason: PlacementsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const placementNotFound = () => new PlacementsException(PlacementsExceptionCode.PLACEMENT_NOT_FOUND, '找不到这条务工记录，或它不在您的管辖范围内');
