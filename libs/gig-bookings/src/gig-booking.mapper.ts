import { type GigBooking } from './gig-booking.entity';
import { type GigBookingObject } from './gig-booking.object';

export function toGigBookingObject(b: GigBooking): GigBookingObject {
  return {
    id: b.id,
    shiftId: b.shiftId,
    jobId: b.jobId,
    seekerId: b.seekerId,
    employerId: b.employerId,
    stationId: b.stationId,
    shiftDate: b.shiftDate,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    status: b.status,
    confirmedAt: b.confirmedAt,
    checkedInAt: b.checkedInAt,
    completedAt: b.completedAt,
    hoursWorked: b.hoursWorked,
    piecesDone: b.piecesDone,
    pay: b.pay,
    employerPaidAmount: b.employerPaidAmount,
    employerPaidAt: b.employerPaidAt,
    seekerPaidAmount: b.seekerPaidAmount,
    seekerPaidAt: b.seekerPaidAt,
    paymentDisputed: b.paymentDisputed,
    paidAt: b.paidAt,
    cancelledAt: b.cancelledAt,
    cancelledBy: b.cancelledBy,
    cancelReason: b.cancelReason,
    completedAtForRatings: b.completedAt,
    createdAt: b.createdAt,
  };
}
