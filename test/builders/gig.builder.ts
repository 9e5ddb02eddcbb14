import { Role } from '@jobcode/common';

import { ServiceCode, type ServiceCodeTargetKind } from '@jobcode/service-codes';

import { newServiceCodeToken } from '../../libs/service-codes/src/service-code-token';
import { type TestApp } from '../support/test-app';
import { type EmployerFixture, verifiedEmployer } from './employer.builder';
import { daysFromToday, jobInput, POST_JOB } from './job.builder';
import { selfRegisteredSeeker, type SeekerFixture } from './job-seeker.builder';

export const BOOKING_FIELDS = `id status shiftId seekerId stationId shiftDate confirmedAt checkedInAt completedAt pay piecesDone hoursWorked
  employerPaidAmount seekerPaidAmount paymentDisputed paidAt cancelledBy cancelReason seekerName shift { id slots bookedCount slotsLeft } job { title }
  ratings { byParty score comment }`;

export const BOOK = `mutation($input: BookShiftInput!) { bookShift(input: $input) { ${BOOKING_FIELDS} } }`;
export const CONFIRM = `mutation($input: GigBookingActionInput!) { confirmGigBooking(input: $input) { ${BOOKING_FIELDS} } }`;
export const CANCEL = `mutation($input: CancelGigBookingInput!) { cancelGigBooking(input: $input) { ${BOOKING_FIELDS} } }`;
export const NO_SHOW = `mutation($input: GigBookingActionInput!) { markGigNoShow(input: $input) { ${BOOKING_FIELDS} } }`;
export const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { ${BOOKING_FIELDS} } }`;
export const COMPLETE = `mutation($input: CompleteGigBookingInput!) { completeGigBooking(input: $input) { ${BOOKING_FIELDS} } }`;
export const PAYMENT = `mutation($input: ConfirmGigPaymentInput!) { confirmGigPayment(input: $input) { ${BOOKING_FIELDS} } }`;
export const RATE = `mutation($input: RateGigBookingInput!) { rateGigBooking(input: $input) { byParty score comment } }`;
export const ADD_SHIFT = `mutation($input: AddJobShiftInput!) { addJobShift(input: $input) { id date startTime endTime slots bookedCount slotsLeft dayPay pieceRate meetingStationId instantHiring status } }`;
export const CHANGE_SHIFT = `mutation($input: ChangeJobShiftInput!) { changeJobShift(input: $input) { id startTime slots dayPay } }`;
export const CANCEL_SHIFT = `mutation($input: CancelJobShiftInput!) { cancelJobShift(input: $input) { id status cancelReason } }`;

export interface GigWorld {
  county: string;
  township: string;
  farm: EmployerFixture;
  other: EmployerFixture;
  stationId: string;
  stationToken: string;
  otherStationId: string;
  otherStationToken: string;
  jobId: string;
  otherJobId: string;
}

async function must<T>(promise: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const result = await promise;
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/**
 * A service code for a station or a seeker, written directly: issuing through the API needs
 * the target adapters of libs/service-codes (the lead's work, merged separately).
 */
export async function serviceCode(api: TestApp, kind: 'GIG_STATION' | 'SEEKER', targetId: string, regionCode: string): Promise<string> {
  const token = newServiceCodeToken();
  const [issuer] = (await api.dataSource.query(`SELECT id FROM account ORDER BY created_at LIMIT 1`)) as { id: string }[];
  await api.dataSource.manager.insert(ServiceCode, {
    token,
    targetKind: kind as ServiceCodeTargetKind,
    targetId,
    regionCode,
    label: null,
    issuedBy: issuer.id,
  });
  return token;
}

export async function station(api: TestApp, token: string, name: string, regionCode: string, level: string): Promise<{ id: string; token: string }> {
  const created = await must(
    api.gql<{ createGigStation: { id: string } }>(
      `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id } }`,
      { input: { name, level, regionCode, address: `${name}门口`, latitude: 26.0512, longitude: 110.6498, openingHours: '每天 6:00–18:00' } },
      token,
    ),
  );
  const code = await serviceCode(api, 'GIG_STATION', created.createGigStation.id, regionCode);
  return { id: created.createGigStation.id, token: code };
}

/** Two verified employers, two stations with codes, one open GIG job each. */
export async function gigWorld(api: TestApp): Promise<GigWorld> {
  const county = (await api.signedIn(Role.STAFF, '450329')).token;
  const township = (await api.signedIn(Role.STAFF, '450329103')).token;
  const farm = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
  const other = await verifiedEmployer(api, county, { name: '猴背百香果基地' });
  const guali = await station(api, county, '瓜里乡零工中心', '450329103', 'TOWNSHIP');
  const hekou = await station(api, county, '河口瑶族乡零工驿站', '450329202', 'TOWNSHIP');
  const post = async (employer: EmployerFixture, title: string, stationId: string) =>
    (
      await must(
        api.gql<{ postJob: { id: string } }>(
          POST_JOB,
          {
            input: jobInput({
              employerId: employer.employerId,
              kind: 'GIG',
              title,
              wageMin: 150,
              wageMax: 180,
              wageUnit: 'DAY',
              stationId,
              publish: true,
              contractTerm: '按天',
            }),
          },
          employer.token,
        ),
      )
    ).postJob.id;
  return {
    county,
    township,
    farm,
    other,
    stationId: guali.id,
    stationToken: guali.token,
    otherStationId: hekou.id,
    otherStationToken: hekou.token,
    jobId: await post(farm, '番茄采摘（日结）', guali.id),
    otherJobId: await post(other, '百香果采收（日结）', hekou.id),
  };
}

/** A SEEKER account with its own registration, both under `name`. */
export function seeker(api: TestApp, name = '李秀英'): Promise<SeekerFixture> {
  return selfRegisteredSeeker(api, { name }, name);
}

export function shiftInput(jobId: string, overrides: Record<string, unknown> = {}) {
  return {
    jobId,
    date: daysFromToday(1),
    startTime: '07:00',
    endTime: '17:00',
    slots: 3,
    dayPay: 160,
    meetingPoint: '村委门口',
    instantHiring: false,
    ...overrides,
  };
}

export async function addShift(api: TestApp, token: string, jobId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await must(api.gql<{ addJobShift: { id: string } }>(ADD_SHIFT, { input: shiftInput(jobId, overrides) }, token))).addJobShift.id;
}

/**
 * Moves a booking to today, starting `startInMinutes` from now (negative: already started),
 * for check-in and no-show tests that must not depend on the time of day they run at.
 */
export async function moveBookingToNow(api: TestApp, bookingId: string, startInMinutes: number, lengthMinutes = 480): Promise<void> {
  await api.dataSource.query(
    `UPDATE gig_booking SET shift_date = (now() AT TIME ZONE 'Asia/Shanghai')::date,
            starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $2 + $3) WHERE id = $1`,
    [bookingId, startInMinutes, lengthMinutes],
  );
}

export async function setCutoffHours(api: TestApp, countyToken: string, hours: number): Promise<void> {
  await must(
    api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { key } }`,
      { input: { countyCode: '450329', key: 'gigs.cancellationCutoffHours', valueJson: JSON.stringify(hours) } },
      countyToken,
    ),
  );
}
