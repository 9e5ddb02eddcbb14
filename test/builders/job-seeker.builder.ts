import { type INestApplicationContext } from '@nestjs/common';

import { type Actor, idNumberCheckChar, Role } from '@jobcode/common';
import { SeekersService } from '@jobcode/seekers';

import { type TestApp } from '../support/test-app';
import { actingAccount } from './account.builder';
import { JINJIANG } from './regions';

let sequence = 0;

/** A valid 18-character ID number of the demo county (450329), unique per call within a test file. */
export function idNumberFor(birth = '19880512', sexDigit = 1): string {
  sequence += 1;
  const first17 = `450329${birth}${String(sequence % 100).padStart(2, '0')}${sexDigit}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** The same ID number with its check character changed to a wrong one. */
export function withWrongCheckDigit(idNumber: string): string {
  const wrong = idNumber[17] === '0' ? '1' : '0';
  return `${idNumber.slice(0, 17)}${wrong}`;
}

let phoneSequence = 0;
export function seekerPhone(): string {
  phoneSequence += 1;
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(phoneSequence).padStart(4, '0')}`;
}

export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '李秀英',
    idNumber: idNumberFor(),
    phone: seekerPhone(),
    regionCode: JINJIANG,
    supportGroupCodes: ['LIFTED_OUT', 'LEFT_BEHIND_WOMAN'],
    laborCapacity: 'FULL',
    education: 'JUNIOR_HIGH',
    skills: ['缝纫'],
    wantedOccupations: ['车间普工'],
    wantedWage: 3000,
    wantedWageUnit: 'MONTH',
    willingOutsideCounty: false,
    willingOutsideProvince: false,
    mustStayNearHome: true,
    availableFrom: '2026-12-01',
    trainingWanted: ['电商直播'],
    consentToRecommend: true,
    ...overrides,
  };
}

export const REGISTER = `mutation($input: RegisterJobSeekerInput!) {
  registerJobSeeker(input: $input) { id name birthDate sex idNumber phone regionCode laborCapacity employmentStatus channel claimed
    supportGroups { code name } region { fullName } wantsTraining }
}`;

export const READ = `query($id: ID!, $full: Boolean!, $purpose: String) {
  jobSeeker(id: $id) { id name idNumber(full: $full, purpose: $purpose) phone(full: $full, purpose: $purpose) fullAccess }
}`;

/** One job seeker with an account of their own, as the tests of every feature use them. */
export interface SeekerFixture {
  token: string;
  accountId: string;
  jobSeekerId: string;
  name: string;
  idNumber: string;
  phone: string;
  /** The phone the account signs in with (the registration may give another). */
  accountPhone: string;
}

/** A SEEKER account (named `accountName`) that registered itself (求职登记). */
export async function selfRegisteredSeeker(api: TestApp, overrides: Record<string, unknown> = {}, accountName = '求职者'): Promise<SeekerFixture> {
  const account = await api.signedIn(Role.SEEKER, null, accountName);
  const input = registration(overrides);
  const result = await api.gql<{ registerJobSeeker: { id: string } }>(
    `mutation($input: RegisterJobSeekerInput!) { registerJobSeeker(input: $input) { id } }`,
    { input },
    account.token,
  );
  if (!result.data?.registerJobSeeker) throw new Error(JSON.stringify(result.errors));
  return {
    token: account.token,
    accountId: account.accountId,
    jobSeekerId: result.data.registerJobSeeker.id,
    name: input.name as string,
    idNumber: input.idNumber as string,
    phone: input.phone as string,
    accountPhone: account.phone,
  };
}

/** Service tier: a SEEKER account that registered itself (求职登记) through SeekersService. */
export async function seekerThroughServices(
  app: Pick<INestApplicationContext, 'get'>,
  overrides: Record<string, unknown> = {},
  accountName = '求职者',
): Promise<Omit<SeekerFixture, 'token'> & { actor: Actor }> {
  const actor = await actingAccount(app, Role.SEEKER, null, accountName);
  const input = registration(overrides);
  const seeker = await app.get(SeekersService).register(actor, input as unknown as Parameters<SeekersService['register']>[1]);
  return {
    actor,
    accountId: actor.accountId,
    jobSeekerId: seeker.id,
    name: input.name as string,
    idNumber: input.idNumber as string,
    phone: input.phone as string,
    accountPhone: actor.phone,
  };
}
