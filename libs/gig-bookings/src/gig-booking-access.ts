import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { type Actor, isStaffOrAdmin, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { EmployersService } from '@jobcode/employers';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';

import { GigBooking } from './gig-booking.entity';
import { GigParty } from './gig-booking.enums';
import { bookingNotFound } from './gig-bookings.exception';

/** Who the caller is to a booking: its seeker, its employer, staff whose region holds the workplace, or nobody. */
@Injectable()
export class GigBookingAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly scope: RegionScope,
  ) {}

  async partyOf(actor: Actor, booking: GigBooking, manager: EntityManager = this.dataSource.manager): Promise<GigParty | null> {
    switch (actor.role) {
      case Role.SEEKER: {
        const mine = await manager.exists(JobSeeker, { where: { id: booking.seekerId, accountId: actor.accountId } });
        return mine ? GigParty.SEEKER : null;
      }
      case Role.EMPLOYER:
        return booking.employerId !== null && (await this.employers.isMember(actor.accountId, booking.employerId, manager)) ? GigParty.EMPLOYER : null;
      default:
        return isStaffOrAdmin(actor) && this.scope.covers(actor, booking.regionCode) ? GigParty.STAFF : null;
    }
  }

  /** The caller's party, or NOT_FOUND (never say that someone else's booking exists). */
  async requireParty(actor: Actor, booking: GigBooking | null, manager?: EntityManager): Promise<GigParty> {
    const party = booking ? await this.partyOf(actor, booking, manager) : null;
    if (!booking || !party) throw bookingNotFound();
    return party;
  }

  /** Runs one step on a booking in a transaction, with its row locked and the caller's party known (NOT_FOUND for anyone else). */
  async withBooking<T>(actor: Actor, bookingId: string, work: (booking: GigBooking, party: GigParty, manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await manager.findOne(GigBooking, { where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
      const party = await this.requireParty(actor, booking, manager);
      return work(booking as GigBooking, party, manager);
    });
  }
}
