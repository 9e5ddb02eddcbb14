import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  ADD_SHIFT,
  addShift,
  BOOK,
  CANCEL,
  CANCEL_SHIFT,
  CHANGE_SHIFT,
  CONFIRM,
  gigWorld,
  type GigWorld,
  moveBookingToNow,
  seeker,
  setCutoffHours,
  shiftInput,
} from '../../../../test/builders/gig.builder';
import { daysFromToday, jobInput, POST_JOB } from '../../../../test/builders/job.builder';

interface Booking {
  id: string;
  status: string;
  cancelledBy: string | null;
  seekerName: string;
  shift: { slots: number; bookedCount: number; slotsLeft: number };
  job: { title: string };
}

describe('gig bookings: shifts, booking within slots, confirmation, cancellation cutoff', () => {
  let api: TestApp;
  let world: GigWorld;

  const book = (token: string, shiftId: string, seekerId?: string) => api.gql<{ bookShift: Booking }>(BOOK, { input: { shiftId, seekerId } }, token);

  beforeAll(async () => {
    api = await startTestApp();
    world = await gigWorld(api);
  });
  afterAll(async () => api?.close());

  it('adds a shift meeting at the job’s station by default; pay by the day or by the piece, never neither', async () => {
    const added = await api.gql<{ addJobShift: Record<string, unknown> }>(
      ADD_SHIFT,
      { input: shiftInput(world.jobId, { startTime: '06:00', endTime: '06:30' }) },
      world.farm.token,
    );
    expect(added.data?.addJobShift).toMatchObject({ meetingStationId: world.stationId, slots: 3, bookedCount: 0, slotsLeft: 3, dayPay: 160, status: 'OPEN' });
    const piece = await api.gql<{ addJobShift: Record<string, unknown> }>(
      ADD_SHIFT,
      { input: shiftInput(world.jobId, { startTime: '13:00', endTime: '13:30', dayPay: null, pieceRate: 0.5 }) },
      world.farm.token,
    );
    expect(piece.data?.addJobShift).toMatchObject({ dayPay: null, pieceRate: 0.5 });
    const neither = await api.gql(ADD_SHIFT, { input: shiftInput(world.jobId, { startTime: '14:00', endTime: '14:30', dayPay: null }) }, world.farm.token);
    expect(neither.errors?.[0]).toMatchObject({
      message: '请填写日薪（dayPay，日结）或计件单价（pieceRate，计件）',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.dayPay' },
    });
    const foreign = await api.gql(ADD_SHIFT, { input: shiftInput(world.jobId, { startTime: '15:00', endTime: '15:30' }) }, world.other.token);
    expect(foreign.errors?.[0]).toMatchObject({ message: '只能修改本单位发布的岗位', extensions: { code: 'FORBIDDEN' } });
  });

  it('a shift can be changed until someone books it, then only cancelled', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(2) });
    const changed = await api.gql<{ changeJobShift: { slots: number; dayPay: number } }>(
      CHANGE_SHIFT,
      { input: { ...shiftInput(world.jobId, { date: daysFromToday(2), slots: 5, dayPay: 170 }), jobId: undefined, shiftId } },
      world.farm.token,
    );
    expect(changed.data?.changeJobShift).toMatchObject({ slots: 5, dayPay: 170 });
    const worker = await seeker(api, '韦小燕');
    expect((await book(worker.token, shiftId)).errors).toBeUndefined();
    const refused = await api.gql(
      CHANGE_SHIFT,
      { input: { ...shiftInput(world.jobId, { date: daysFromToday(2), slots: 6 }), jobId: undefined, shiftId } },
      world.farm.token,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: '已有 1 人预约这个班次，不能再修改；如需调整请取消班次（会通知已预约的人）后重新添加',
      extensions: { code: 'CONFLICT', reason: 'SHIFT_BOOKED' },
    });
  });

  it('instant hiring confirms at once; otherwise the employer confirms, and another employer sees nothing', async () => {
    const instant = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(3), instantHiring: true });
    const manual = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(4) });
    const worker = await seeker(api, '蒋春花');
    const fast = await book(worker.token, instant);
    expect(fast.data?.bookShift).toMatchObject({ status: 'CONFIRMED', job: { title: '番茄采摘（日结）' }, shift: { bookedCount: 1, slotsLeft: 2 } });
    const slow = await book(worker.token, manual);
    expect(slow.data?.bookShift.status).toBe('BOOKED');
    const id = slow.data!.bookShift.id;

    const stranger = await api.gql(CONFIRM, { input: { bookingId: id } }, world.other.token);
    expect(stranger.errors?.[0]).toMatchObject({ message: '零工预约不存在，或不在您可查看的范围内', extensions: { code: 'NOT_FOUND' } });
    const byWorker = await api.gql(CONFIRM, { input: { bookingId: id } }, worker.token);
    expect(byWorker.errors?.[0]).toMatchObject({ message: '此操作仅限用人单位、工作人员、管理员使用', extensions: { code: 'FORBIDDEN' } });
    const confirmed = await api.gql<{ confirmGigBooking: Booking }>(CONFIRM, { input: { bookingId: id } }, world.farm.token);
    expect(confirmed.data?.confirmGigBooking).toMatchObject({ status: 'CONFIRMED', seekerName: '蒋春花' });
    const again = await api.gql(CONFIRM, { input: { bookingId: id } }, world.farm.token);
    expect(again.errors?.[0]).toMatchObject({ message: '预约当前为"已确认"，不能确认', extensions: { code: 'CONFLICT' } });

    const list = await api.gql<{ gigBookings: { edges: { node: { id: string } }[] } }>(
      `{ gigBookings(first: 50) { edges { node { id } } } }`,
      {},
      world.other.token,
    );
    expect(list.data?.gigBookings.edges).toEqual([]);
    const mine = await api.gql<{ gigBookings: { edges: { node: { id: string } }[] } }>(
      `{ gigBookings(first: 50) { edges { node { id } } } }`,
      {},
      worker.token,
    );
    expect(mine.data?.gigBookings.edges.map((e) => e.node.id).sort()).toEqual([fast.data!.bookShift.id, id].sort());
  });

  it('never books past the slots: the last caller is told the shift is full; a seeker cannot book twice', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(5), slots: 2 });
    const [a, b, c] = [await seeker(api, '甲'), await seeker(api, '乙'), await seeker(api, '丙')];
    expect((await book(a.token, shiftId)).data?.bookShift.shift).toMatchObject({ bookedCount: 1, slotsLeft: 1 });
    const twice = await book(a.token, shiftId);
    expect(twice.errors?.[0]).toMatchObject({ message: '已经预约了这个班次，不用重复预约', extensions: { code: 'CONFLICT', reason: 'ALREADY_BOOKED' } });
    expect((await book(b.token, shiftId)).data?.bookShift.shift).toMatchObject({ bookedCount: 2, slotsLeft: 0 });
    const full = await book(c.token, shiftId);
    expect(full.errors?.[0]).toMatchObject({ message: '这个班次的 2 个名额已经约满，请另选班次', extensions: { code: 'CONFLICT', reason: 'SHIFT_FULL' } });
  });

  it('refuses a second shift that overlaps one the seeker holds, naming it', async () => {
    const morning = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(6), startTime: '07:00', endTime: '12:00' });
    const overlapping = await addShift(api, world.other.token, world.otherJobId, { date: daysFromToday(6), startTime: '11:00', endTime: '17:00' });
    const afternoon = await addShift(api, world.other.token, world.otherJobId, { date: daysFromToday(6), startTime: '12:00', endTime: '17:30' });
    const worker = await seeker(api, '石玉兰');
    expect((await book(worker.token, morning)).errors).toBeUndefined();
    const clash = await book(worker.token, overlapping);
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAPPING_SHIFT' });
    expect(clash.errors?.[0].message).toMatch(/^已预约了\d+月\d+日 07:00开始的"番茄采摘（日结）"，与这个班次时间重叠；请先取消那个预约$/);
    expect((await book(worker.token, afternoon)).data?.bookShift.status).toBe('BOOKED');
  });

  it('staff book for a seeker in their region; an employer cannot book; a seeker must register first', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(7) });
    const desk = await seeker(api, '杨桂芝');
    const byStaff = await book(world.township, shiftId, desk.jobSeekerId);
    expect(byStaff.data?.bookShift).toMatchObject({ status: 'BOOKED', seekerName: '杨桂芝' });
    const outside = await book((await api.signedIn(Role.STAFF, '450329202')).token, shiftId, desk.jobSeekerId);
    expect(outside.errors?.[0]).toMatchObject({ message: '求职登记不存在，或不在您的辖区内', extensions: { code: 'BAD_USER_INPUT' } });
    const employer = await book(world.farm.token, shiftId);
    expect(employer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unregistered = await book((await api.signedIn(Role.SEEKER)).token, shiftId);
    expect(unregistered.errors?.[0]).toMatchObject({
      message: '请先完成求职登记（registerJobSeeker），再预约零工班次',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('cancellation: refused within the county’s cutoff, allowed before it, and the seat is freed; staff are not bound by it', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(1), startTime: '08:00', endTime: '09:00', slots: 1 });
    const worker = await seeker(api, '潘小妹');
    const booked = (await book(worker.token, shiftId)).data!.bookShift;

    await setCutoffHours(api, world.county, 72);
    const late = await api.gql(CANCEL, { input: { bookingId: booked.id } }, worker.token);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CANCELLATION_CUTOFF' });
    expect(late.errors?.[0].message).toMatch(
      /^开工前 72 小时内不能再取消（本班次\d+月\d+日 08:00开工，取消截止到\d+月\d+日 08:00）；确实去不了请联系用人单位或驿站工作人员$/,
    );

    await setCutoffHours(api, world.county, 0);
    const cancelled = await api.gql<{ cancelGigBooking: Booking }>(CANCEL, { input: { bookingId: booked.id, reason: '家里有事' } }, worker.token);
    expect(cancelled.data?.cancelGigBooking).toMatchObject({ status: 'CANCELLED', cancelledBy: 'SEEKER', shift: { bookedCount: 0, slotsLeft: 1 } });
    const rebooked = await book(worker.token, shiftId);
    expect(rebooked.data?.bookShift.status).toBe('BOOKED');

    await setCutoffHours(api, world.county, 72);
    const byStaff = await api.gql<{ cancelGigBooking: Booking }>(
      CANCEL,
      { input: { bookingId: rebooked.data!.bookShift.id, reason: '道路塌方' } },
      world.township,
    );
    expect(byStaff.data?.cancelGigBooking).toMatchObject({ status: 'CANCELLED', cancelledBy: 'STAFF' });
    await api.app.get(OutboxService).drain();
    const inbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string; body: string } }[] } }>(
      `{ myNotifications(first: 10) { edges { node { templateKey body } } } }`,
      {},
      worker.token,
    );
    expect(inbox.data?.myNotifications.edges.map((e) => e.node)).toContainEqual({
      templateKey: 'gig.booking.cancelled',
      body: expect.stringMatching(/^您预约的番茄采摘（日结）（\d+月\d+日 08:00）已被工作人员取消，原因：道路塌方。$/),
    });
    await setCutoffHours(api, world.county, 12);
  });

  it('cancelling a booked shift cancels its bookings and tells each booked seeker', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(8), instantHiring: true });
    const [x, y] = [await seeker(api, '唐秋菊'), await seeker(api, '奉冬梅')];
    const bx = (await book(x.token, shiftId)).data!.bookShift;
    await book(y.token, shiftId);
    const cancelled = await api.gql<{ cancelJobShift: { status: string } }>(
      CANCEL_SHIFT,
      { input: { shiftId, reason: '番茄未熟，推迟采摘' } },
      world.farm.token,
    );
    expect(cancelled.data?.cancelJobShift).toEqual({ id: shiftId, status: 'CANCELLED', cancelReason: '番茄未熟，推迟采摘' });
    const tooLate = await book((await seeker(api, '后来者')).token, shiftId);
    expect(tooLate.errors?.[0]).toMatchObject({ message: '这个班次已被用人单位取消（番茄未熟，推迟采摘），请另选班次', extensions: { code: 'CONFLICT' } });

    await api.app.get(OutboxService).drain();
    const after = await api.gql<{ gigBooking: Booking }>(
      `query($id: ID!) { gigBooking(id: $id) { id status cancelledBy shift { bookedCount } } }`,
      { id: bx.id },
      x.token,
    );
    expect(after.data?.gigBooking).toMatchObject({ status: 'CANCELLED', cancelledBy: 'EMPLOYER', shift: { bookedCount: 0 } });
    for (const who of [x, y]) {
      const inbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string; body: string } }[] } }>(
        `{ myNotifications(first: 10) { edges { node { templateKey body } } } }`,
        {},
        who.token,
      );
      expect(inbox.data?.myNotifications.edges.map((e) => e.node)).toContainEqual({
        templateKey: 'gig.shift.cancelled',
        body: expect.stringMatching(/^您预约的番茄采摘（日结）（\d+月\d+日 07:00）已被用人单位取消，原因：番茄未熟，推迟采摘。可以在零工驿站看板另选班次。$/),
      });
    }
  });

  it('closing a gig job cancels its shifts that have not started, frees their bookings and tells each seeker', async () => {
    const posted = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      {
        input: jobInput({
          employerId: world.farm.employerId,
          kind: 'GIG',
          title: '砂糖橘分拣（日结）',
          wageMin: 150,
          wageMax: 170,
          wageUnit: 'DAY',
          stationId: world.stationId,
          publish: true,
          contractTerm: '按天',
        }),
      },
      world.farm.token,
    );
    const jobId = posted.data!.postJob.id;
    const [soon, later] = [
      await addShift(api, world.farm.token, jobId, { date: daysFromToday(3), instantHiring: true }),
      await addShift(api, world.farm.token, jobId, { date: daysFromToday(4), instantHiring: true }),
    ];
    const picker = await seeker(api, '蒋春兰');
    const held = (await book(picker.token, soon)).data!.bookShift;
    const closed = await api.gql<{ closeJob: { status: string } }>(
      `mutation($input: JobTransitionInput!) { closeJob(input: $input) { status } }`,
      { input: { jobId } },
      world.farm.token,
    );
    expect(closed.data?.closeJob.status).toBe('CLOSED');
    const shifts = (await api.dataSource.query(`SELECT id, status, cancel_reason FROM job_shift WHERE job_id = $1 ORDER BY date`, [jobId])) as {
      id: string;
      status: string;
      cancel_reason: string;
    }[];
    expect(shifts).toEqual([
      { id: soon, status: 'CANCELLED', cancel_reason: '岗位已关闭' },
      { id: later, status: 'CANCELLED', cancel_reason: '岗位已关闭' },
    ]);

    await api.app.get(OutboxService).drain();
    const after = await api.gql<{ gigBooking: Booking }>(
      `query($id: ID!) { gigBooking(id: $id) { status cancelledBy shift { bookedCount } } }`,
      { id: held.id },
      picker.token,
    );
    expect(after.data?.gigBooking).toMatchObject({ status: 'CANCELLED', cancelledBy: 'EMPLOYER', shift: { bookedCount: 0 } });
    const inbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string; body: string } }[] } }>(
      `{ myNotifications(first: 10) { edges { node { templateKey body } } } }`,
      {},
      picker.token,
    );
    expect(inbox.data?.myNotifications.edges.map((e) => e.node.body)).toContainEqual(expect.stringContaining('原因：岗位已关闭'));
  });

  it('refuses moving a gig job’s end date before shifts people have booked', async () => {
    const jobFields = {
      employerId: world.farm.employerId,
      kind: 'GIG',
      title: '沙田柚采收（日结）',
      wageMin: 150,
      wageMax: 170,
      wageUnit: 'DAY',
      stationId: world.stationId,
      contractTerm: '按天',
    };
    const jobId = (await api.gql<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ ...jobFields, publish: true }) }, world.farm.token)).data!.postJob
      .id;
    const shiftId = await addShift(api, world.farm.token, jobId, { date: daysFromToday(6), instantHiring: true });
    await book((await seeker(api, '莫小翠')).token, shiftId);
    const {
      publish: _p,
      employerId: _e,
      kind: _k,
      stationId: _s,
      ...content
    } = jobInput({ ...jobFields, validTo: daysFromToday(5) }) as Record<string, unknown>;
    const refused = await api.gql(`mutation($input: UpdateJobInput!) { updateJob(input: $input) { id } }`, { input: { ...content, jobId } }, world.farm.token);
    expect(refused.errors?.[0]).toMatchObject({
      message: `${daysFromToday(6)} 还有已被预约的班次，有效期止不能早于这一天；请先取消这些班次（会通知已预约的人）`,
      extensions: { code: 'CONFLICT', field: 'input.validTo' },
    });
  });

  it('the station board shows today’s and tomorrow’s shifts of open gig jobs there, with slots left', async () => {
    const tomorrow = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(1), startTime: '16:00', endTime: '18:00', slots: 4 });
    await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(9), startTime: '16:00', endTime: '18:00' });
    await book((await seeker(api, '看板')).token, tomorrow);
    const board = await api.gql<{ gigStationBoard: { job: { title: string }; shift: { id: string; date: string; slotsLeft: number } }[] }>(
      `query($id: ID!) { gigStationBoard(stationId: $id) { job { title } shift { id date slotsLeft } } }`,
      { id: world.stationId },
    );
    const shown = board.data!.gigStationBoard;
    expect(shown.every((e) => e.shift.date <= daysFromToday(1))).toBe(true);
    expect(shown.find((e) => e.shift.id === tomorrow)).toEqual({
      job: { title: '番茄采摘（日结）' },
      shift: { id: tomorrow, date: daysFromToday(1), slotsLeft: 3 },
    });
    const elsewhere = await api.gql<{ gigStationBoard: unknown[] }>(`query($id: ID!) { gigStationBoard(stationId: $id) { shift { id } } }`, {
      id: world.otherStationId,
    });
    expect(elsewhere.data?.gigStationBoard.find((e) => (e as { shift: { id: string } }).shift.id === tomorrow)).toBeUndefined();
  });
  it('lists one day’s bookings with `on`, even when more than a page of later bookings come first', async () => {
    const shiftId = await addShift(api, world.other.token, world.otherJobId, { date: daysFromToday(2), slots: 1 });
    const todays = (await book((await seeker(api, '今天到岗')).token, shiftId)).data!.bookShift.id;
    await moveBookingToNow(api, todays, 60);
    const [{ shift_date: today }] = (await api.dataSource.query(`SELECT shift_date::text FROM gig_booking WHERE id = $1`, [todays])) as {
      shift_date: string;
    }[];
    // 100 bookings of the same employer on later days: the list is newest shift first, so today's falls off the first page.
    const columns = (
      (await api.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'gig_booking'`)) as { column_name: string }[]
    )
      .map((c) => c.column_name)
      .filter((c) => !['id', 'status', 'shift_date', 'starts_at', 'ends_at'].includes(c));
    await api.dataSource.query(
      `INSERT INTO gig_booking (id, status, shift_date, starts_at, ends_at, ${columns.join(', ')})
       SELECT gen_random_uuid(), 'CANCELLED', shift_date + 1 + n % 5, starts_at + make_interval(days => 1 + n % 5), ends_at + make_interval(days => 1 + n % 5), ${columns.join(', ')}
       FROM gig_booking, generate_series(1, 100) AS n WHERE id = $1`,
      [todays],
    );
    type Page = { gigBookings: { totalCount: number; edges: { node: { id: string; shiftDate: string } }[] } };
    const list = `query($on: String) { gigBookings(first: 100, on: $on) { totalCount edges { node { id shiftDate } } } }`;
    const firstPage = await api.gql<Page>(list, {}, world.other.token);
    expect(firstPage.data?.gigBookings.totalCount).toBeGreaterThan(100);
    expect(firstPage.data?.gigBookings.edges.map((e) => e.node.id)).not.toContain(todays);
    const onToday = await api.gql<Page>(list, { on: today }, world.other.token);
    expect(onToday.data?.gigBookings).toEqual({ totalCount: 1, edges: [{ node: { id: todays, shiftDate: today } }] });
    const badDay = await api.gql(list, { on: '2026-02-30' }, world.other.token);
    expect(badDay.errors?.[0]).toMatchObject({ message: expect.stringContaining('日期应为 YYYY-MM-DD'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
