/**
 * Published when a shift is cancelled — by the employer, or because its job was closed; the
 * bookings library cancels the shift's bookings and tells the seekers.
 */
export const JOB_SHIFT_CANCELLED = 'job.shift.cancelled';

export interface JobShiftCancelledPayload {
  shiftId: string;
  jobId: string;
  reason: string;
}
