import { AccountsService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';
import { NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { ScanEventRecorder } from '@jobcode/service-codes';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { selfRegisteredSeeker, type SeekerFixture } from '../../../../test/builders/job-seeker.builder';
import { contractFlow, COUNTERSIGN } from '../../../../test/builders/contract.builder';
import { verifiedEmployer } from '../../../../test/builders/employer.builder';
import { addShift, BOOK, CANCEL, CHECK_IN, COMPLETE, gigWorld, type GigWorld, moveBookingToNow, NO_SHOW, RATE } from '../../../../test/builders/gig.builder';
import { daysFromToday } from '../../../../test/builders/job.builder';
import { DataDeletionSweeper } from '../data-deletion-sweeper';
import { DataErasure } from '../data-erasure';
import { PrivacyService } from '../privacy.service';

const DELETE = `mutation($input: RequestDataDeletionInput!) { requestDataDeletion(input: $input) { outcome retained retainedUntil answer erasedAt erased } }`;
const RECORD_FOLLOW_UP = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`;
const SCAN = `query($token: String!) { scan(token: $token) { __typename } }`;

interface Answer {
  outcome: string;
  retained: string[];
  retainedUntil: string | null;
  answer: string;
  erasedAt: string | null;
  erased: string[];
}

/** Noon in China on a given day: what the sweep sees as "today". */
const chinaNoon = (day: string) => new Date(`${day}T12:00:00+08:00`);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

describe('deletion: follow-up notes, scans and gig bookings, and the sweep that finishes a request when its retention ends', () => {
  let api: TestApp;
  let county: string;
  let world: GigWorld;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    world = await gigWorld(api);
  }, 180_000);
  afterAll(async () => api?.close());

  const rows = async (sql: string, params: unknown[]) => (await api.dataSource.query(sql, params)) as Record<string, unknown>[];
  const count = async (sql: string, params: unknown[]) => Number((await rows(sql, params))[0].n);
  const ask = async (seeker: SeekerFixture) => {
    const answered = await api.gql<{ requestDataDeletion: Answer }>(DELETE, { input: {} }, seeker.token);
    expect(answered.errors).toBeUndefined();
    return answered.data!.requestDataDeletion;
  };
  let nextDay = 3;
  const book = async (seeker: SeekerFixture) => {
    nextDay += 1;
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(nextDay), instantHiring: true });
    const booked = await api.gql<{ bookShift: { id: string } }>(BOOK, { input: { shiftId } }, seeker.token);
    expect(booked.errors).toBeUndefined();
    return { bookingId: booked.data!.bookShift.id, shiftId };
  };
  const followUp = (seeker: SeekerFixture) =>
    api.gql(
      RECORD_FOLLOW_UP,
      {
        input: {
          jobSeekerId: seeker.jobSeekerId,
          visitedOn: daysFromToday(-1),
          way: 'VISIT',
          needs: '想在县城附近找活，家里老人要照顾',
          nextStep: '下周再电话问',
        },
      },
      county,
    );

  it('with nothing kept: follow-up visits deleted, scans untied from the account (still counted), open gigs cancelled and cancelled ones deleted, a no-show kept as a counted seat of nobody', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '黄桂英' });
    expect((await followUp(seeker)).errors).toBeUndefined();
    expect((await api.gql(SCAN, { token: world.stationToken }, seeker.token)).errors).toBeUndefined();
    await api.app.get(ScanEventRecorder).flush();
    const scansBefore = await count(`SELECT count(*)::int AS n FROM scan_event`, []);
    expect(await count(`SELECT count(*)::int AS n FROM scan_event WHERE account_id = $1`, [seeker.accountId])).toBe(1);
    const open = await book(seeker);
    const cancelled = await book(seeker);
    expect((await api.gql(CANCEL, { input: { bookingId: cancelled.bookingId } }, seeker.token)).errors).toBeUndefined();
    const missed = await book(seeker);
    await moveBookingToNow(api, missed.bookingId, -60);
    expect((await api.gql(NO_SHOW, { input: { bookingId: missed.bookingId } }, world.farm.token)).errors).toBeUndefined();

    const answer = await ask(seeker);
    expect(answer).toMatchObject({ outcome: 'DELETED', retained: [], retainedUntil: null });
    expect(answer.erasedAt).not.toBeNull();

    expect(await count(`SELECT count(*)::int AS n FROM follow_up WHERE job_seeker_id = $1`, [seeker.jobSeekerId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM scan_event WHERE account_id = $1`, [seeker.accountId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM scan_event`, [])).toBe(scansBefore);
    // The open booking was cancelled through its own rules (its seat freed), then deleted like the one cancelled before.
    expect(await rows(`SELECT id, status FROM gig_booking WHERE seeker_id = $1`, [seeker.jobSeekerId])).toEqual([{ id: missed.bookingId, status: 'NO_SHOW' }]);
    expect(await rows(`SELECT booked_count FROM job_shift WHERE id = $1`, [open.shiftId])).toEqual([{ booked_count: 0 }]);
    // The no-show points to nobody: the seeker row behind it is anonymised.
    expect(await rows(`SELECT name, account_id FROM job_seeker WHERE id = $1`, [seeker.jobSeekerId])).toEqual([{ name: '已删除', account_id: null }]);
  });

  it('keeps a gig with work and pay on it three years after the shift (pay claims), erasing the ratings’ comments about the person', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '莫翠花' });
    const { bookingId } = await book(seeker);
    await moveBookingToNow(api, bookingId, -120);
    expect((await api.gql(CHECK_IN, { input: { token: world.stationToken } }, seeker.token)).errors).toBeUndefined();
    expect((await api.gql(COMPLETE, { input: { bookingId, hoursWorked: 2 } }, world.farm.token)).errors).toBeUndefined();
    expect((await api.gql(RATE, { input: { bookingId, score: 2, comment: '迟到半小时，干活慢' } }, world.farm.token)).errors).toBeUndefined();
    const [{ shift_date: shiftDate }] = (await rows(`SELECT to_char(shift_date, 'YYYY-MM-DD') AS shift_date FROM gig_booking WHERE id = $1`, [bookingId])) as {
      shift_date: string;
    }[];

    const answer = await ask(seeker);
    expect(answer.outcome).toBe('RESTRICTED');
    expect(answer.retained.join('')).toContain('零工记录 1 条');
    expect(answer.retainedUntil).toBe(addYears(shiftDate, 3));
    expect(answer.answer).toContain('民法典第一百八十八条');
    expect(await rows(`SELECT status FROM gig_booking WHERE id = $1`, [bookingId])).toEqual([{ status: 'COMPLETED' }]);
    expect(await rows(`SELECT score, comment FROM gig_rating WHERE booking_id = $1`, [bookingId])).toEqual([{ score: 2, comment: '' }]);
  });

  it('finishes a kept request the day after its retention date: contract and visits erased, placements still counted, the account closed, the person texted, the request marked erased — by one of two sweepers at once', async () => {
    const growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    const seeker = await selfRegisteredSeeker(api, { name: '唐秋菊' });
    const contract = await contractFlow(api, growers, seeker).active(seeker);
    await api.app.get(OutboxService).drain();
    expect((await followUp(seeker)).errors).toBeUndefined();
    const placements = () => count(`SELECT count(*)::int AS n FROM placement WHERE job_seeker_id = $1`, [seeker.jobSeekerId]);
    expect(await placements()).toBe(1);

    const answer = await ask(seeker);
    expect(answer).toMatchObject({ outcome: 'RESTRICTED', erasedAt: null });
    const until = answer.retainedUntil!;
    // Kept with the placement for the subsidy checks, without the staff's notes about the person.
    expect(await rows(`SELECT needs, next_step FROM follow_up WHERE job_seeker_id = $1`, [seeker.jobSeekerId])).toEqual([{ needs: null, next_step: null }]);

    const sweeper = api.app.get(DataDeletionSweeper);
    // On the last day of the retention nothing happens.
    await sweeper.sweep(chinaNoon(until));
    expect(await count(`SELECT count(*)::int AS n FROM contract WHERE id = $1`, [contract.id])).toBe(1);

    // Two API processes sweep at once: each request is erased by one of them.
    const other = new DataDeletionSweeper(
      api.dataSource,
      api.app.get(AccountsService),
      api.app.get(NotificationsService),
      api.app.get(NotificationTemplates),
      api.app.get(DataErasure),
    );
    const due = await count(
      `SELECT count(*)::int AS n FROM data_deletion_request WHERE outcome = 'RESTRICTED' AND erased_at IS NULL AND retained_until <= $1`,
      [until],
    );
    const [a, b] = await Promise.all([sweeper.sweep(chinaNoon(dayAfter(until))), other.sweep(chinaNoon(dayAfter(until)))]);
    expect(a.erased + b.erased).toBe(due);
    expect(await count(`SELECT count(*)::int AS n FROM data_deletion_request WHERE job_seeker_id = $1 AND erased_at IS NOT NULL`, [seeker.jobSeekerId])).toBe(
      1,
    );

    expect(await count(`SELECT count(*)::int AS n FROM contract WHERE id = $1`, [contract.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM contract_event WHERE contract_id = $1`, [contract.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM contract_signature WHERE contract_id = $1`, [contract.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM follow_up WHERE job_seeker_id = $1`, [seeker.jobSeekerId])).toBe(0);
    expect(await placements()).toBe(1);
    expect(await rows(`SELECT name, account_id FROM job_seeker WHERE id = $1`, [seeker.jobSeekerId])).toEqual([{ name: '已删除', account_id: null }]);
    expect((await api.gql(`{ me { id } }`, {}, seeker.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Recorded on the request, and texted to the phone it was sent to before the account was closed.
    const request = await api.app.get(PrivacyService).deletionRequestOf(seeker.accountId);
    expect(request?.erasedAt).toBeInstanceOf(Date);
    expect(request?.erased.join('')).toContain('劳动合同 1 份');
    expect(request?.retainedUntil).toBe(until);
    await api.app.get(OutboxService).drain();
    const cipher = api.app.get(PersonalDataCipher);
    const texts = (await rows(`SELECT body, phone_encrypted FROM notification_message WHERE template_key = 'privacy.deletion-finished'`, [])) as {
      body: string;
      phone_encrypted: string;
    }[];
    expect(texts.find((t) => cipher.decrypt(t.phone_encrypted) === seeker.accountPhone)?.body).toContain('保存期满删除');

    // A later sweep finds nothing more to do.
    expect(await sweeper.sweep(chinaNoon(dayAfter(dayAfter(until))))).toEqual({ erased: 0, dated: 0 });
  });

  it('dates a request kept until a running contract ends, once it has ended, and erases nothing before that date', async () => {
    const growers = await verifiedEmployer(api, county, { name: '车田竹艺合作社' });
    const seeker = await selfRegisteredSeeker(api, { name: '蒋春梅' });
    const flow = contractFlow(api, growers, seeker);
    const signed = await flow.signedBySeeker({ termKind: 'OPEN_ENDED', endDate: null }, seeker);
    expect((await api.gql(COUNTERSIGN, { input: { contractId: signed.id, digest: signed.contentDigest } }, growers.token)).errors).toBeUndefined();

    const answer = await ask(seeker);
    expect(answer).toMatchObject({ outcome: 'RESTRICTED', retainedUntil: null });
    expect(answer.answer).toContain('仍在履行的劳动合同解除或终止后二年');
    const sweeper = api.app.get(DataDeletionSweeper);
    const request = () => api.app.get(PrivacyService).deletionRequestOf(seeker.accountId);
    await sweeper.sweep();
    expect(await request()).toMatchObject({ retainedUntil: null, erasedAt: null });

    const lastDay = daysFromToday(37);
    const ended = await api.gql(
      `mutation($input: EndContractInput!) { endContract(input: $input) { id status } }`,
      { input: { contractId: signed.id, endDate: lastDay, reason: '合同到期不再续签' } },
      growers.token,
    );
    expect(ended.errors).toBeUndefined();
    expect((await sweeper.sweep()).dated).toBeGreaterThanOrEqual(1);
    expect(await request()).toMatchObject({ retainedUntil: addYears(lastDay, 2), erasedAt: null });
    expect(await count(`SELECT count(*)::int AS n FROM contract WHERE id = $1`, [signed.id])).toBe(1);
  });
});
