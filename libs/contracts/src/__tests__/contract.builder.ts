import { OutboxService } from '@jobcode/outbox';

import { type TestApp } from '../../../../test/support/test-app';
import { daysFromToday } from '../../../jobs/src/__tests__/job.builder';

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
export async function textedCode(api: TestApp, accountId: string): Promise<string> {
  await api.app.get(OutboxService).drain();
  const rows = (await api.dataSource.query(
    `SELECT body FROM notification_message WHERE account_id = $1 AND template_key = 'contract.signing-code' ORDER BY delivered_at DESC, requested_at DESC LIMIT 1`,
    [accountId],
  )) as { body: string }[];
  const match = /验证码 (\d{6})/.exec(rows[0]?.body ?? '');
  if (!match) throw new Error('No signing code was texted');
  return match[1];
}
