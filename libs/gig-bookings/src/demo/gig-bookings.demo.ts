import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { COUNTY_TODAY_SQL } from '@jobcode/common';
import { demoAdmin, type DemoRandomSource, type LibraryDemoStep } from '@jobcode/employers';
import { JobShift } from '@jobcode/jobs';
import { JobSeeker } from '@jobcode/seekers';

import { GigBooking } from '../gig-booking.entity';
import { GigBookingStatus } from '../gig-booking.enums';
import { GigBookingsService } from '../gig-bookings.service';

/**
 * Seekers from the demo villages booked onto the coming gig shifts (as station staff do at
 * the desk), some confirmed by the employer, so that boards show slots filling up.
 */
export const gigBookingsDemo: LibraryDemoStep = {
  name: 'gig bookings',
  async run(app: INestApplicationContext, random: DemoRandomSource): Promise<string> {
    const dataSource = app.get(DataSource);
    if (await dataSource.manager.exists(GigBooking)) return 'already loaded';
    const admin = await demoAdmin(app);
    const bookings = app.get(GigBookingsService);
    const shifts = await dataSource.manager
      .createQueryBuilder(JobShift, 's')
      .innerJoin('job', 'j', "j.id = s.job_id AND j.status = 'OPEN'")
      .where(`s.status = 'OPEN' AND s.date > ${COUNTY_TODAY_SQL}`)
      .orderBy('s.date')
      .addOrderBy('s.id')
      .limit(40)
      .getMany();
    const seekers = await dataSource.manager.find(JobSeeker, { select: { id: true }, order: { id: 'ASC' }, take: 400 });
    if (shifts.length === 0 || seekers.length === 0) return 'no open shifts or seekers: run the jobs and seekers steps first';
    let booked = 0;
    let confirmed = 0;
    for (const shift of shifts) {
      const wanted = random.int(0, Math.min(shift.slots, 6));
      for (let i = 0; i < wanted; i++) {
        const seeker = random.pick(seekers);
        try {
          const booking = await bookings.book(admin, shift.id, seeker.id);
          booked += 1;
          if (booking.status === GigBookingStatus.BOOKED && random.chance(0.6)) {
            await bookings.confirm(admin, booking.id);
            confirmed += 1;
          }
        } catch {
          // The same person drawn twice, or an overlapping shift: refused, as at the desk.
        }
      }
    }
    return `${booked} bookings on ${shifts.length} coming shifts, ${confirmed} confirmed by hand`;
  },
};
