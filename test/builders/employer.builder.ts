import { type INestApplicationContext } from '@nestjs/common';

import { type Actor, creditCodeCheckChar, Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';

import { type TestApp } from '../support/test-app';
import { actingAccount } from './account.builder';

let counter = 0;

/** A check-character-valid unified social credit code, unique per test process. */
export function validCreditCode(): string {
  counter += 1;
  const first17 = `91450329${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(5, '0')}M`.slice(0, 17);
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export const REGISTER_EMPLOYER = `mutation($input: RegisterEmployerInput!) {
  registerEmployer(input: $input) { id name creditCode status contactPhone region { code fullName } }
}`;

export function employerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '资源县瓜里乡金江番茄种植专业合作社',
    creditCode: validCreditCode(),
    contactName: '蒋师傅',
    contactPhone: '13877331234',
    regionCode: '450329103201',
    address: '资源县瓜里乡金江村委旁',
    legalRepresentative: '蒋建华',
    ...overrides,
  };
}

export interface EmployerFixture {
  employerId: string;
  token: string;
  accountId: string;
}

/** An EMPLOYER account with its own employer, verified by county staff unless told otherwise. */
export async function verifiedEmployer(api: TestApp, countyToken: string, overrides: Record<string, unknown> = {}, verify = true): Promise<EmployerFixture> {
  const account = await api.signedIn(Role.EMPLOYER, null, '单位联系人');
  const registered = await api.gql<{ registerEmployer: { id: string } }>(REGISTER_EMPLOYER, { input: employerInput(overrides) }, account.token);
  if (!registered.data?.registerEmployer) throw new Error(JSON.stringify(registered.errors));
  const employerId = registered.data.registerEmployer.id;
  if (verify) {
    const verified = await api.gql(
      `mutation($input: VerifyEmployerInput!) { verifyEmployer(input: $input) { status } }`,
      { input: { employerId } },
      countyToken,
    );
    if (verified.errors) throw new Error(JSON.stringify(verified.errors));
  }
  return { employerId, token: account.token, accountId: account.accountId };
}

/** Service tier: an EMPLOYER account with its own employer, registered and verified (by `county`, staff) through EmployersService. */
export async function employerThroughServices(
  app: Pick<INestApplicationContext, 'get'>,
  county: Actor,
  overrides: Record<string, unknown> = {},
): Promise<{ employerId: string; actor: Actor }> {
  const actor = await actingAccount(app, Role.EMPLOYER, null, '单位联系人');
  const employers = app.get(EmployersService);
  const employer = await employers.register(actor, employerInput(overrides) as unknown as Parameters<EmployersService['register']>[1]);
  await employers.verify(county, employer.id);
  return { employerId: employer.id, actor };
}
