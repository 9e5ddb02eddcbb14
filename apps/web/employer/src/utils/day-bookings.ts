import { Bookings } from '../api/roster';
import type { BookingsQuery } from '../gql/graphql';
import { request } from '../session';

export type DayBooking = BookingsQuery['gigBookings']['edges'][number]['node'];

/** Every booking on one county day (YYYY-MM-DD), page after page, without the cancelled ones. */
export async function bookingsOn(day: string): Promise<DayBooking[]> {
  const all: DayBooking[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result: BookingsQuery = await request(Bookings, { on: day, after });
    all.push(...result.gigBookings.edges.map((e) => e.node));
    const { hasNextPage, endCursor } = result.gigBookings.pageInfo;
    if (!hasNextPage || !endCursor) break;
    after = endCursor;
  }
  return all.filter((b) => b.status !== 'CANCELLED');
}
