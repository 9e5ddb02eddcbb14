import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApplicationMove, ApplicationsService } from '@jobcode/applications';
import { type Actor } from '@jobcode/common';
import { type Contract, ContractCountersignService, ContractOfferService, ContractSigningService } from '@jobcode/contracts';
import { OutboxService } from '@jobcode/outbox';

import { type TestApp } from '../support/test-app';
import { APPLY, MOVE } from './application.builder';
import { type EmployerFixture } from './employer.builder';
import { daysFromToday, openJob, openJobThroughServices } from './job.builder';
import { selfRegisteredSeeker, type SeekerFixture, seekerThroughServices } from './job-seeker.builder';

export const CONTRACT_FIELDS = `id status applicationId employerName seekerMaskedName contentDigest pdfDigest sealedPdfDigest pdfPath activatedAt seekerSignedAt
  terms { wage wageUnit startDate endDate termKind probationMonths workplace }
  signatures { party accountId identityCheck digest signedAt }`;

export const OFFER = `mutation($input: OfferContractInput!) { offerContract(input: $input) { ${CONTRACT_FIELDS} } }`;
export const REQUEST_CODE = `mutation($input: ContractIdInput!) { requestContractSigningCode(input: $input) }`;
export const SIGN = `mutation($input: SignContractInput!) { signContract(input: $input) { ${CONTRACT_FIELDS} } }`;
export const COUNTERSIGN = `mutation($input: CountersignContractInput!) { countersignContract(input: $input) { ${CONTRACT_FIELDS} } }`;
export const VERIFICATION = `query($id: ID!) { contractVerification(contractId: $id) {
  contractId status employerName seekerMaskedName jobTitle startDate endDate contentDigest sealedPdfDigest contentValid chainValid sealValid valid } }`;
export const VERIFY = `query($input: VerifyContractInput!) { verifyContract(input: $input) { matches matched verification { valid chainValid contentValid } } }`;

export interface ContractView {
  id: string;
  status: string;
  applicationId: string;
  employerName: string;
  seekerMaskedName: string;
  contentDigest: string;
  pdfDigest: string;
  sealedPdfDigest: string | null;
  pdfPath: string;
  terms: Record<string, unknown>;
  signatures: { party: string; accountId: string; identityCheck: string; digest: string }[];
}

/** Terms that satisfy the law and the default minimum wage: two years, two months' probation. */
export function termsInput(overrides: Record<string, unknown> = {}) {
  return {
    wage: 2800,
    wageUnit: 'MONTH',
    startDate: daysFromToday(7),
    termKind: 'FIXED',
    endDate: daysFromToday(7 + 730),
    workplace: '资源县瓜里乡金江村番茄基地',
    workplaceRegionCode: '450329103201',
    workingHours: '每天 8 小时，每周 5 天',
    duties: '番茄采摘、分拣、装箱',
    probationMonths: 2,
    socialInsurance: true,
    ...overrides,
  };
}

/** The latest signing code texted to the seeker's phone, read from the dev adapter's record like a phone would. */
export async function textedCode(api: { app: Pick<INestApplicationContext, 'get'> }, accountId: string): Promise<string> {
  await api.app.get(OutboxService).drain();
  const rows = (await api.app
    .get(DataSource)
    .query(
      `SELECT body FROM notification_message WHERE account_id = $1 AND template_key = 'contract.signing-code' ORDER BY delivered_at DESC, requested_at DESC LIMIT 1`,
      [accountId],
    )) as { body: string }[];
  const match = /验证码 (\d{6})/.exec(rows[0]?.body ?? '');
  if (!match) throw new Error('No signing code was texted');
  return match[1];
}

let client = 0;

/**
 * The steps from an application to an ACTIVE contract, over GraphQL as the parties would
 * take them, for jobs of `employer`. Each request comes from its own client address (X-Forwarded-For:
 * the test apps trust the local proxy, TRUST_PROXY=127.0.0.1), so that
 * per-client rate limits count per test step, not per file.
 */
export function contractFlow(api: TestApp, employer: EmployerFixture, defaultSeeker?: SeekerFixture) {
  const call: TestApp['gql'] = (query, variables, token) => {
    client += 1;
    return api.gql(query, variables, token, { 'x-forwarded-for': `10.${7 + (process.pid % 200)}.${Math.floor(client / 250) % 250}.${client % 250}` });
  };
  const seekerOr = async (who?: SeekerFixture) => who ?? defaultSeeker ?? (await selfRegisteredSeeker(api, { name: '李秀英' }));

  /** An application of `who` to a new job of the employer, shortlisted. */
  async function shortlisted(who?: SeekerFixture): Promise<string> {
    const seeker = await seekerOr(who);
    const jobId = await openJob(api, employer.token, { employerId: employer.employerId });
    const applied = await call<{ applyToJob: { id: string } }>(APPLY, { input: { jobId } }, seeker.token);
    const id = applied.data!.applyToJob.id;
    await call(MOVE, { input: { applicationId: id, move: 'SHORTLIST' } }, employer.token);
    return id;
  }

  async function offered(terms: Record<string, unknown> = {}, who?: SeekerFixture): Promise<ContractView> {
    const seeker = await seekerOr(who);
    const result = await call<{ offerContract: ContractView }>(
      OFFER,
      { input: { applicationId: await shortlisted(seeker), terms: termsInput(terms) } },
      employer.token,
    );
    if (!result.data?.offerContract) throw new Error(JSON.stringify(result.errors));
    return result.data.offerContract;
  }

  const signInput = (contract: ContractView, code: string, who: SeekerFixture, overrides: Record<string, unknown> = {}) => ({
    contractId: contract.id,
    name: who.name,
    idNumberLast6: who.idNumber.slice(-6),
    code,
    digest: contract.contentDigest,
    confirmTerms: true,
    ...overrides,
  });

  /** A contract signed by `who` (by default a seeker of its own: each account may ask for a few codes only). */
  async function signedBySeeker(terms: Record<string, unknown> = {}, who?: SeekerFixture): Promise<ContractView & { seeker: SeekerFixture }> {
    const signer = who ?? (await selfRegisteredSeeker(api, { name: '李秀英' }));
    const contract = await offered(terms, signer);
    await call(REQUEST_CODE, { input: { contractId: contract.id } }, signer.token);
    const signed = await call<{ signContract: ContractView }>(
      SIGN,
      { input: signInput(contract, await textedCode(api, signer.accountId), signer) },
      signer.token,
    );
    if (!signed.data?.signContract) throw new Error(JSON.stringify(signed.errors));
    return { ...signed.data.signContract, seeker: signer };
  }

  async function active(who?: SeekerFixture): Promise<ContractView & { seeker: SeekerFixture }> {
    const contract = await signedBySeeker({}, who);
    const done = await call<{ countersignContract: ContractView }>(
      COUNTERSIGN,
      { input: { contractId: contract.id, digest: contract.contentDigest } },
      employer.token,
    );
    if (!done.data?.countersignContract) throw new Error(JSON.stringify(done.errors));
    return { ...done.data.countersignContract, seeker: contract.seeker };
  }

  return { call, shortlisted, offered, signInput, signedBySeeker, active };
}

export type ContractFlow = ReturnType<typeof contractFlow>;

/**
 * Service tier: the same steps as `contractFlow(…).active()` — a new seeker applies to a new job
 * of the employer, is shortlisted and offered the contract, signs it with the texted code, and the
 * employer countersigns (sealing it) — taken through the services as the parties' actors.
 */
export async function activeContractThroughServices(
  app: INestApplicationContext,
  employer: { employerId: string; actor: Actor },
): Promise<{ contract: Contract; seeker: Awaited<ReturnType<typeof seekerThroughServices>> }> {
  const seeker = await seekerThroughServices(app, { name: '李秀英' });
  const jobId = await openJobThroughServices(app, employer.actor, { employerId: employer.employerId });
  const applications = app.get(ApplicationsService);
  const application = await applications.apply(seeker.actor, { jobId });
  await applications.move(employer.actor, { applicationId: application.id, move: ApplicationMove.SHORTLIST });
  const offered = await app
    .get(ContractOfferService)
    .offer(employer.actor, { applicationId: application.id, terms: termsInput() } as unknown as Parameters<ContractOfferService['offer']>[1]);
  const signing = app.get(ContractSigningService);
  await signing.requestSigningCode(seeker.actor, offered.id);
  await signing.sign(seeker.actor, {
    contractId: offered.id,
    name: seeker.name,
    idNumberLast6: seeker.idNumber.slice(-6),
    code: await textedCode({ app }, seeker.accountId),
    digest: offered.contentDigest,
    confirmTerms: true,
  });
  const contract = await app.get(ContractCountersignService).countersign(employer.actor, { contractId: offered.id, digest: offered.contentDigest });
  return { contract, seeker };
}
