import { Role } from '@jobcode/common';

import { type TestApp } from '../../../../test/support/test-app';
import { jobInput, POST_JOB } from '../../../jobs/src/__tests__/job.builder';
import { registration } from '../../../seekers/src/__tests__/job-seeker.builder';

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

/** A SEEKER account that registered itself (求职登记). */
export async function selfRegisteredSeeker(api: TestApp, overrides: Record<string, unknown> = {}): Promise<SeekerFixture> {
  const account = await api.signedIn(Role.SEEKER, null, '求职者');
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

/** An OPEN job posted by `token` (an employer member, or staff for a public-welfare post). */
export async function openJob(api: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await api.gql<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ publish: true, ...overrides }) }, token);
  if (!result.data?.postJob) throw new Error(JSON.stringify(result.errors));
  return result.data.postJob.id;
}

export const APPLY = `mutation($input: ApplyToJobInput!) { applyToJob(input: $input) { id status appliedByStaff consentNote history { from to actorAccountId } } }`;
export const MOVE = `mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { id status rejectionReason history { from to reason actorAccountId } } }`;
export const WITHDRAW = `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id status } }`;
