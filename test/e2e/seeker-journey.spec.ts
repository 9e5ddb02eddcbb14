import { createHash } from 'node:crypto';

import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { COUNTERSIGN, OFFER, REQUEST_CODE, SIGN, termsInput, textedCode } from '../builders/contract.builder';
import { employerInput, REGISTER_EMPLOYER } from '../builders/employer.builder';
import { idNumberFor, registration } from '../builders/job-seeker.builder';
import { jobInput, POST_JOB } from '../builders/job.builder';
import { pdfPages } from '../support/pdf-text';
import { readQrFromPdfPage } from '../support/read-qr';
import { nextPhone, startTestApp, type TestApp } from '../support/test-app';
import { freshClient, requestCode } from '../support/texted-codes';

/**
 * The whole journey as the people in it take it, over HTTP only: 韦秀兰 scans a board in her
 * village, finds the job, signs up with her phone and a texted code, registers, applies; the
 * tomato cooperative, verified by the county, calls her, offers a contract; she signs it with
 * a texted code, they countersign; she downloads the sealed PDF on her phone and anyone can
 * verify it by scanning the QR printed on it.
 */
describe('a seeker finds a job by scanning, and signs a labour contract that anyone can verify', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  /** Each person on their own phone or desk. */
  const as =
    (token?: string) =>
    <T>(query: string, variables: Record<string, unknown> = {}) =>
      api.gql<T>(query, variables, token, freshClient()).then((result) => {
        if (result.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(result.errors)}`);
        return result.data as T;
      });
  const tap = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, api.url));
  const signUp = async (phone: string, name: string, role: 'SEEKER' | 'EMPLOYER') => {
    const code = await requestCode(api, phone, 'SIGN_UP');
    const { signUp: auth } = await as()<{ signUp: { accessToken: string } }>(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { phone, code, name, role },
    });
    return auth.accessToken;
  };

  it('scan → search → sign up by phone code → register → apply → offer → sign → countersign → verify', async () => {
    // The county's staff and the cooperative, which signs up by phone and is verified.
    const staff = as((await api.signedIn(Role.STAFF, '450329', '县就业局小蒋')).token);
    const employerToken = await signUp(nextPhone(), '蒋建华', 'EMPLOYER');
    const employer = as(employerToken);
    const { registerEmployer } = await employer<{ registerEmployer: { id: string } }>(REGISTER_EMPLOYER, {
      input: employerInput({ name: '资源县金江番茄种植专业合作社', legalRepresentative: '蒋建华' }),
    });
    await staff(`mutation($input: VerifyEmployerInput!) { verifyEmployer(input: $input) { status } }`, { input: { employerId: registerEmployer.id } });
    const { postJob } = await employer<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ employerId: registerEmployer.id, publish: true }) });
    const { issueServiceCode } = await staff<{ issueServiceCode: { token: string } }>(
      `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
      { input: { targetKind: 'JOB', targetId: postJob.id, label: '金江村委会信息栏' } },
    );
    await api.app.get(OutboxService).drain();

    // She scans the board, without an account.
    const anonymous = as();
    const { scan } = await anonymous<{ scan: { job: { title: string; employer: { name: string } } } }>(
      `query($token: String!) { scan(token: $token) { ... on JobScan { job { title employer { name } } } } }`,
      { token: issueServiceCode.token },
    );
    expect(scan.job).toEqual({ title: '番茄采摘工', employer: { name: '资源县金江番茄种植专业合作社' } });

    // She searches the county's open jobs for tomato work.
    const { searchJobs } = await anonymous<{ searchJobs: { edges: { node: { id: string } }[] } }>(
      `query($q: String) { searchJobs(query: $q) { edges { node { id } } } }`,
      { q: '番茄' },
    );
    expect(searchJobs.edges.map((e) => e.node.id)).toContain(postJob.id);

    // She signs up with her phone and the code texted to it (no password), and registers.
    const seekerPhone = nextPhone();
    const seeker = as(await signUp(seekerPhone, '韦秀兰', 'SEEKER'));
    const idNumber = idNumberFor('19880512', 7);
    const { registerJobSeeker } = await seeker<{ registerJobSeeker: { id: string } }>(
      `mutation($input: RegisterJobSeekerInput!) { registerJobSeeker(input: $input) { id } }`,
      { input: registration({ name: '韦秀兰', idNumber, phone: seekerPhone, supportGroupCodes: [] }) },
    );

    // She applies, and is told the cooperative will see her phone.
    const { applyToJob } = await seeker<{ applyToJob: { id: string; phoneNotice: string } }>(
      `mutation($input: ApplyToJobInput!) { applyToJob(input: $input) { id phoneNotice } }`,
      { input: { jobId: postJob.id, message: '我住金江村，可以马上上工' } },
    );
    expect(applyToJob.phoneNotice).toContain('完整手机号');

    // The cooperative sees her name as on her profile, calls her (the read is logged), shortlists and offers a contract.
    const { jobApplications } = await employer<{ jobApplications: { applicantName: string }[] }>(
      `query($jobId: ID!) { jobApplications(jobId: $jobId) { applicantName } }`,
      { jobId: postJob.id },
    );
    expect(jobApplications[0].applicantName).toBe('韦秀兰');
    const { jobSeeker } = await employer<{ jobSeeker: { phone: string } }>(`query($id: ID!) { jobSeeker(id: $id) { phone(full: true) } }`, {
      id: registerJobSeeker.id,
    });
    expect(jobSeeker.phone).toBe(seekerPhone);
    await employer(`mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { status } }`, {
      input: { applicationId: applyToJob.id, move: 'SHORTLIST' },
    });
    const { offerContract } = await employer<{ offerContract: { id: string; contentDigest: string } }>(OFFER, {
      input: { applicationId: applyToJob.id, terms: termsInput() },
    });

    // She reads it, asks for the code, and signs with her name, the last six of her ID number and the code.
    const [me] = (await api.dataSource.query(`SELECT account_id FROM job_seeker WHERE id = $1`, [registerJobSeeker.id])) as { account_id: string }[];
    await seeker(REQUEST_CODE, { input: { contractId: offerContract.id } });
    await seeker(SIGN, {
      input: {
        contractId: offerContract.id,
        name: '韦秀兰',
        idNumberLast6: idNumber.slice(-6),
        code: await textedCode(api, me.account_id),
        digest: offerContract.contentDigest,
        confirmTerms: true,
      },
    });

    // The cooperative countersigns: the contract is sealed and she is hired.
    const { countersignContract } = await employer<{ countersignContract: { status: string; sealedPdfDigest: string } }>(COUNTERSIGN, {
      input: { contractId: offerContract.id, digest: offerContract.contentDigest },
    });
    expect(countersignContract.status).toBe('ACTIVE');

    // On her phone she taps download: a short-lived link, no token in it.
    const { createDownloadLink } = await seeker<{ createDownloadLink: { url: string } }>(
      `mutation($i: CreateDownloadLinkInput!) { createDownloadLink(input: $i) { url } }`,
      { i: { kind: 'CONTRACT_PDF', id: offerContract.id } },
    );
    const pdf = Buffer.from(await (await tap(createDownloadLink.url)).arrayBuffer());
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(countersignContract.sealedPdfDigest);
    const pages = pdfPages(pdf).pages;
    expect(pages.join('\n')).toContain(idNumber);
    expect(pages.join('\n')).toContain('蒋建华');

    // Anyone scanning the QR on the audit page sees it verified, and no personal data.
    const auditPage = pages.findIndex((page) => page.includes('签署审计页'));
    const scanned = readQrFromPdfPage(pdf, auditPage + 1);
    expect(scanned).toMatch(/\/c\/[A-Za-z0-9_-]+$/);
    const { scan: contractScan } = await anonymous<{ scan: { verification: { valid: boolean; seekerMaskedName: string; employerName: string } } }>(
      `query($token: String!) { scan(token: $token) { ... on ContractScan { verification { valid seekerMaskedName employerName } } } }`,
      { token: scanned!.split('/c/')[1] },
    );
    expect(contractScan.verification).toEqual({ valid: true, seekerMaskedName: '韦**', employerName: '资源县金江番茄种植专业合作社' });

    // Her data page shows who read her phone.
    const { myPersonalData } = await seeker<{ myPersonalData: { reads: { readerRole: string; purpose: string }[]; contracts: { status: string }[] } }>(
      `{ myPersonalData { reads { readerRole purpose } contracts { status } } }`,
    );
    expect(myPersonalData.reads).toContainEqual({ readerRole: 'EMPLOYER', purpose: '联系报名人（用人单位）' });
    expect(myPersonalData.contracts).toEqual([{ status: 'ACTIVE' }]);
  });
});
