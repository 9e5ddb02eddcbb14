import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  addShift,
  BOOK,
  CANCEL,
  CHECK_IN,
  COMPLETE,
  gigWorld,
  type GigWorld,
  moveBookingToNow,
  NO_SHOW,
  PAYMENT,
  RATE,
  seeker,
  serviceCode,
} from '../../../../test/builders/gig.builder';
import { type SeekerFixture } from '../../../../test/builders/job-seeker.builder';
import { daysFromToday } from '../../../../test/builders/job.builder';

interface Booking {
  id: string;
  status: string;
  checkedInAt: string | null;
  pay: number | null;
  paymentDisputed: boolean;
  paidAt: string | null;
  ratings: { byParty: string; score: number; comment: string }[];
}

/** The day itself: check-in by scan, no-show, completion, pay confirmation, ratings. */
describe('gig day: check-in by scan, completion, pay and ratings', () => {
  let api: TestApp;
  let world: GigWorld;
  /** Each booked shift on its own day (days 3–5 are used by the wrong-day test). */
  let nextDay = 9;

  const book = async (who: SeekerFixture, overrides: Record<string, unknown> = {}, employer = world.farm, jobId = world.jobId) => {
    nextDay += 1;
    const shiftId = await addShift(api, employer.token, jobId, { date: daysFromToday(nextDay), instantHiring: true, ...overrides });
    const result = await api.gql<{ bookShift: Booking }>(BOOK, { input: { shiftId } }, who.token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.bookShift;
  };
  const checkIn = (token: string, input: Record<string, unknown>) => api.gql<{ checkIn: Booking }>(CHECK_IN, { input }, token);
  const read = async (token: string, id: string) =>
    (
      await api.gql<{ gigBooking: Booking }>(
        `query($id: ID!) { gigBooking(id: $id) { id status pay paymentDisputed paidAt ratings { byParty score comment } } }`,
        { id },
        token,
      )
    ).data?.gigBooking;

  beforeAll(async () => {
    api = await startTestApp();
    world = await gigWorld(api);
  });
  afterAll(async () => api?.close());

  it('a seeker checks in by scanning today’s meeting station; a second scan says when they checked in', async () => {
    const worker = await seeker(api, '黄翠兰');
    const booking = await book(worker);
    await moveBookingToNow(api, booking.id, 30);
    const scanned = await checkIn(worker.token, { token: world.stationToken });
    expect(scanned.errors).toBeUndefined();
    expect(scanned.data?.checkIn).toMatchObject({ id: booking.id, status: 'CHECKED_IN' });
    expect(scanned.data?.checkIn.checkedInAt).not.toBeNull();
    const again = await checkIn(worker.token, { token: world.stationToken });
    expect(again.errors?.[0].message).toMatch(/^已于 \d\d:\d\d 签到，不用重复签到$/);
  });

  it('scanning at the wrong station says which station and time the booking is for', async () => {
    const worker = await seeker(api, '邓金花');
    const booking = await book(worker, { startTime: '07:00' });
    await moveBookingToNow(api, booking.id, 45);
    const wrong = await checkIn(worker.token, { token: world.otherStationToken });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CHECK_IN' });
    expect(wrong.errors?.[0].message).toMatch(/^您今天预约的是瓜里乡零工中心 \d\d:\d\d 的班次，不是这里（河口瑶族乡零工驿站）$/);
  });

  it('scanning on the wrong day names the day of the booking; scanning too early or unconfirmed explains why', async () => {
    const worker = await seeker(api, '赵福英');
    await book(worker, { date: daysFromToday(3), startTime: '06:30', endTime: '07:30' });
    const noneToday = await checkIn(worker.token, { token: world.stationToken });
    expect(noneToday.errors?.[0].message).toMatch(
      /^您今天（\d{4}-\d\d-\d\d）没有预约零工班次；预约的"番茄采摘（日结）"是\d+月\d+日 06:30开工，请当天再来签到$/,
    );

    const early = await book(worker, { date: daysFromToday(4) });
    await moveBookingToNow(api, early.id, 300);
    const tooEarly = await checkIn(worker.token, { token: world.stationToken });
    expect(tooEarly.errors?.[0].message).toMatch(/^签到从开工前 2 小时开始（这个班次 \d\d:\d\d 开工），请稍后再扫$/);

    const other = await seeker(api, '钟桂兰');
    const unconfirmed = await book(other, { date: daysFromToday(5), instantHiring: false });
    await moveBookingToNow(api, unconfirmed.id, 10);
    const notYet = await checkIn(other.token, { token: world.stationToken });
    expect(notYet.errors?.[0]).toMatchObject({
      message: '用人单位还没有确认这个预约，请联系用人单位或驿站工作人员确认后再签到',
      extensions: { code: 'CONFLICT' },
    });

    const personal = await serviceCode(api, 'SEEKER', other.jobSeekerId, '450329103201');
    const wrongCode = await checkIn(other.token, { token: personal });
    expect(wrongCode.errors?.[0].message).toBe('签到请扫零工驿站张贴的驿站码');
  });

  it('staff at the station scan the seeker’s personal code; staff of another township cannot', async () => {
    const worker = await seeker(api, '刘凤莲');
    const booking = await book(worker);
    await moveBookingToNow(api, booking.id, -20);
    const personal = await serviceCode(api, 'SEEKER', worker.jobSeekerId, '450329103201');
    const noStation = await checkIn(world.township, { token: personal });
    expect(noStation.errors?.[0].message).toBe('请填写您所在的零工驿站（stationId）');
    const outsider = await checkIn((await api.signedIn(Role.STAFF, '450329202')).token, { token: personal, stationId: world.stationId });
    expect(outsider.errors?.[0].message).toBe('瓜里乡零工中心不在您的辖区内');
    const done = await checkIn(world.township, { token: personal, stationId: world.stationId });
    expect(done.data?.checkIn).toMatchObject({ id: booking.id, status: 'CHECKED_IN' });
  });

  it('no-show only after the start; it counts against the seeker’s reliability, which the employer who booked them can read', async () => {
    const worker = await seeker(api, '廖秀珍');
    const booking = await book(worker);
    const early = await api.gql(NO_SHOW, { input: { bookingId: booking.id } }, world.farm.token);
    expect(early.errors?.[0].message).toMatch(/^班次\d+月\d+日 07:00开工，开工后才能标记未到岗$/);
    await moveBookingToNow(api, booking.id, -60);
    const marked = await api.gql<{ markGigNoShow: Booking }>(NO_SHOW, { input: { bookingId: booking.id } }, world.farm.token);
    expect(marked.data?.markGigNoShow.status).toBe('NO_SHOW');
    const reliability = await api.gql<{ seekerGigReliability: Record<string, unknown> }>(
      `query($id: ID!) { seekerGigReliability(seekerId: $id) { noShows completedGigs reliability } }`,
      { id: worker.jobSeekerId },
      world.farm.token,
    );
    expect(reliability.data?.seekerGigReliability).toEqual({ noShows: 1, completedGigs: 0, reliability: 0 });
    const stranger = await api.gql(`query($id: ID!) { seekerGigReliability(seekerId: $id) { noShows } }`, { id: worker.jobSeekerId }, world.other.token);
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('completion needs a check-in, records the pay due and publishes gig.booking.completed; matching pay confirmations make it PAID', async () => {
    const worker = await seeker(api, '蒋玉梅');
    const booking = await book(worker);
    const early = await api.gql(COMPLETE, { input: { bookingId: booking.id } }, world.farm.token);
    expect(early.errors?.[0].message).toBe('预约当前为"已确认"，不能确认完工；需先到岗签到');
    await moveBookingToNow(api, booking.id, -120);
    await checkIn(worker.token, { token: world.stationToken });
    const completed = await api.gql<{ completeGigBooking: Booking }>(COMPLETE, { input: { bookingId: booking.id, hoursWorked: 2 } }, world.farm.token);
    expect(completed.data?.completeGigBooking).toMatchObject({ status: 'COMPLETED', pay: 160 });

    const [event] = (await api.dataSource.query(
      `SELECT type, payload, idempotency_key FROM outbox_event WHERE aggregate_id = $1 AND type = 'gig.booking.completed'`,
      [booking.id],
    )) as { payload: Record<string, unknown>; idempotency_key: string }[];
    expect(event.idempotency_key).toBe(`gig.booking.completed:${booking.id}`);
    expect(event.payload).toEqual({
      bookingId: booking.id,
      shiftId: expect.any(String),
      jobId: world.jobId,
      seekerId: worker.jobSeekerId,
      employerId: world.farm.employerId,
      shiftDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      pay: 160,
      workplaceRegionCode: '450329103201',
    });

    const paidAt = new Date().toISOString();
    const byEmployer = await api.gql<{ confirmGigPayment: Booking }>(PAYMENT, { input: { bookingId: booking.id, amount: 160, paidAt } }, world.farm.token);
    expect(byEmployer.data?.confirmGigPayment).toMatchObject({ status: 'COMPLETED', paymentDisputed: false });
    const bySeeker = await api.gql<{ confirmGigPayment: Booking }>(PAYMENT, { input: { bookingId: booking.id, amount: 160, paidAt } }, worker.token);
    expect(bySeeker.data?.confirmGigPayment).toMatchObject({ status: 'PAID', paymentDisputed: false, paidAt });
  });

  it('no completion before the shift started, and no more hours than have passed since it started', async () => {
    const worker = await seeker(api, '覃丽娟');
    const booking = await book(worker);
    await moveBookingToNow(api, booking.id, 32);
    const checkedIn = await checkIn(worker.token, { token: world.stationToken });
    expect(checkedIn.data?.checkIn.status).toBe('CHECKED_IN');
    const tooEarly = await api.gql(COMPLETE, { input: { bookingId: booking.id, hoursWorked: 5 } }, world.farm.token);
    expect(tooEarly.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^班次\d+月\d+日 \d\d:\d\d开工，开工后才能确认完工$/),
      extensions: { code: 'CONFLICT' },
    });
    expect((await read(world.farm.token, booking.id))?.status).toBe('CHECKED_IN');

    await moveBookingToNow(api, booking.id, -120);
    const tooLong = await api.gql(COMPLETE, { input: { bookingId: booking.id, hoursWorked: 5 } }, world.farm.token);
    expect(tooLong.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/开工，到现在不足 5 小时；请按实际工时填写$/),
      extensions: { field: 'input.hoursWorked' },
    });
    const done = await api.gql<{ completeGigBooking: Booking }>(COMPLETE, { input: { bookingId: booking.id, hoursWorked: 1.75 } }, world.farm.token);
    expect(done.data?.completeGigBooking.status).toBe('COMPLETED');
  });

  it('tells the employer’s people of a booking, a cancellation by the seeker and a check-in, in their inbox', async () => {
    const worker = await seeker(api, '韦小燕');
    const later = await book(worker, { startTime: '09:00', endTime: '11:00' });
    const cancelled = await api.gql(CANCEL, { input: { bookingId: later.id, reason: '家里有事' } }, worker.token);
    expect(cancelled.errors).toBeUndefined();
    const byFarm = await book(worker, { startTime: '13:00', endTime: '15:00' });
    expect((await api.gql(CANCEL, { input: { bookingId: byFarm.id } }, world.farm.token)).errors).toBeUndefined();
    const byStaff = await book(worker, { startTime: '16:00', endTime: '18:00' });
    expect((await api.gql(CANCEL, { input: { bookingId: byStaff.id } }, world.township)).errors).toBeUndefined();
    const today = await book(worker);
    await moveBookingToNow(api, today.id, 20);
    expect((await checkIn(worker.token, { token: world.stationToken })).data?.checkIn.status).toBe('CHECKED_IN');
    await api.app.get(OutboxService).drain();
    const inbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string; body: string } }[] } }>(
      `{ myNotifications(first: 100) { edges { node { templateKey body } } } }`,
      {},
      world.farm.token,
    );
    const mine = inbox.data!.myNotifications.edges.map((e) => e.node).filter((n) => n.body.startsWith('韦**'));
    // Four bookings; cancelled by the seeker and by staff (the employer's own cancellation is not echoed back); one check-in.
    expect(mine.map((n) => n.templateKey).sort()).toEqual([
      'gig.booking.cancelled-to-employer',
      'gig.booking.cancelled-to-employer',
      'gig.booking.checked-in',
      'gig.booking.received',
      'gig.booking.received',
      'gig.booking.received',
      'gig.booking.received',
    ]);
    const bodies = mine.map((n) => n.body);
    expect(bodies).toContainEqual(expect.stringMatching(/^韦\*\*的“.+”\d+月\d+日 09:00开工的班次预约已被本人取消（原因：家里有事），名额已空出。$/));
    expect(bodies).toContainEqual(expect.stringMatching(/^韦\*\*的“.+”\d+月\d+日 16:00开工的班次预约已被工作人员取消（未说明原因），名额已空出。$/));
    // The seeker hears of the employer's cancellation even without a reason.
    const seekerInbox = await api.gql<{ myNotifications: { edges: { node: { body: string } }[] } }>(
      `{ myNotifications(first: 20) { edges { node { body } } } }`,
      {},
      worker.token,
    );
    expect(seekerInbox.data!.myNotifications.edges.map((e) => e.node.body)).toContainEqual(expect.stringMatching(/已被用人单位取消，未说明原因。$/));
    expect(mine.find((n) => n.templateKey === 'gig.booking.checked-in')?.body).toMatch(/^韦\*\*已于\d\d:\d\d在.+签到“.+”\d+月\d+日 \d\d:\d\d开工的班次。$/);
    expect(mine.filter((n) => n.templateKey === 'gig.booking.received')[0].body).toContain('（即时录用，已自动确认）');
    // Another employer hears nothing of it.
    const other = await api.gql<{ myNotifications: { edges: { node: { body: string } }[] } }>(
      `{ myNotifications(first: 100) { edges { node { body } } } }`,
      {},
      world.other.token,
    );
    expect(other.data!.myNotifications.edges.filter((e) => e.node.body.startsWith('韦**'))).toEqual([]);
  });

  it('piece work is paid by the piece; different amounts are flagged to staff until a side corrects it', async () => {
    const worker = await seeker(api, '秦小红');
    const booking = await book(worker, { dayPay: null, pieceRate: 0.6 });
    await moveBookingToNow(api, booking.id, -300);
    await checkIn(worker.token, { token: world.stationToken });
    const noPieces = await api.gql(COMPLETE, { input: { bookingId: booking.id } }, world.farm.token);
    expect(noPieces.errors?.[0]).toMatchObject({
      message: '计件的班次请填写完成件数（piecesDone），或直接填写应付工钱（pay）',
      extensions: { field: 'input.piecesDone' },
    });
    const completed = await api.gql<{ completeGigBooking: Booking }>(COMPLETE, { input: { bookingId: booking.id, piecesDone: 250 } }, world.farm.token);
    expect(completed.data?.completeGigBooking.pay).toBe(150);

    const paidAt = new Date().toISOString();
    await api.gql(PAYMENT, { input: { bookingId: booking.id, amount: 150, paidAt } }, world.farm.token);
    const disputed = await api.gql<{ confirmGigPayment: Booking }>(PAYMENT, { input: { bookingId: booking.id, amount: 120, paidAt } }, worker.token);
    expect(disputed.data?.confirmGigPayment).toMatchObject({ status: 'COMPLETED', paymentDisputed: true });
    const flagged = await api.gql<{ gigBookings: { edges: { node: { id: string } }[] } }>(
      `{ gigBookings(paymentDisputed: true, first: 20) { edges { node { id } } } }`,
      {},
      world.township,
    );
    expect(flagged.data?.gigBookings.edges.map((e) => e.node.id)).toEqual([booking.id]);
    const elsewhere = await api.gql<{ gigBookings: { edges: unknown[] } }>(
      `{ gigBookings(paymentDisputed: true, first: 20) { edges { node { id } } } }`,
      {},
      (await api.signedIn(Role.STAFF, '450329202')).token,
    );
    expect(elsewhere.data?.gigBookings.edges).toEqual([]);
    const corrected = await api.gql<{ confirmGigPayment: Booking }>(PAYMENT, { input: { bookingId: booking.id, amount: 150, paidAt } }, worker.token);
    expect(corrected.data?.confirmGigPayment).toMatchObject({ status: 'PAID', paymentDisputed: false });
  });

  it('ratings stay hidden until both sides rated (or 7 days passed); averages come from published ratings only', async () => {
    const rated = async (who: SeekerFixture) => {
      const booking = await book(who);
      await moveBookingToNow(api, booking.id, -300);
      await checkIn(who.token, { token: world.stationToken });
      await api.gql(COMPLETE, { input: { bookingId: booking.id } }, world.farm.token);
      return booking.id;
    };
    const worker = await seeker(api, '雷春燕');
    const first = await rated(worker);
    const tooSoon = await api.gql(RATE, { input: { bookingId: (await book(worker)).id, score: 5 } }, worker.token);
    expect(tooSoon.errors?.[0].message).toBe('预约当前为"已确认"，完工后才能评价');

    expect((await api.gql(RATE, { input: { bookingId: first, score: 4, comment: '老板准时结钱' } }, worker.token)).errors).toBeUndefined();
    expect((await read(worker.token, first))?.ratings).toEqual([]);
    const twice = await api.gql(RATE, { input: { bookingId: first, score: 1 } }, worker.token);
    expect(twice.errors?.[0]).toMatchObject({ message: '您已经评价过这次零工，评价提交后不能修改', extensions: { code: 'CONFLICT' } });
    const bad = await api.gql(RATE, { input: { bookingId: first, score: 6 } }, world.farm.token);
    expect(bad.errors?.[0]).toMatchObject({ message: '评分应为 1 到 5 的整数', extensions: { code: 'BAD_USER_INPUT' } });
    await api.gql(RATE, { input: { bookingId: first, score: 5, comment: '手脚麻利' } }, world.farm.token);
    expect((await read(world.farm.token, first))?.ratings).toEqual([
      { byParty: 'SEEKER', score: 4, comment: '老板准时结钱' },
      { byParty: 'EMPLOYER', score: 5, comment: '手脚麻利' },
    ]);

    const picker = await seeker(api, '莫小芳');
    const second = await rated(picker);
    await api.gql(RATE, { input: { bookingId: second, score: 2 } }, picker.token);
    const reputation = `query($id: ID!) { employerGigReputation(employerId: $id) { averageScore ratingCount completedGigs } }`;
    expect(
      (await api.gql<{ employerGigReputation: unknown }>(reputation, { id: world.farm.employerId }, worker.token)).data?.employerGigReputation,
    ).toMatchObject({
      averageScore: 4,
      ratingCount: 1,
    });
    await api.dataSource.query(`UPDATE gig_booking SET completed_at = now() - interval '8 days' WHERE id = $1`, [second]);
    expect(
      (await api.gql<{ employerGigReputation: unknown }>(reputation, { id: world.farm.employerId }, worker.token)).data?.employerGigReputation,
    ).toMatchObject({
      averageScore: 3,
      ratingCount: 2,
    });
  });
});
