import { createHash } from 'node:crypto';

import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { APPLY, MOVE, WITHDRAW } from '../../../../test/builders/application.builder';
import {
  contractFlow,
  type ContractFlow,
  type ContractView,
  COUNTERSIGN,
  OFFER,
  REQUEST_CODE,
  SIGN,
  termsInput,
  textedCode,
  VERIFICATION,
  VERIFY,
} from '../../../../test/builders/contract.builder';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { REGISTER, registration, type SeekerFixture, selfRegisteredSeeker } from '../../../../test/builders/job-seeker.builder';
import { daysFromToday, openJob } from '../../../../test/builders/job.builder';
import { pdfPages } from '../../../../test/support/pdf-text';
import { readQrFromPdfPage } from '../../../../test/support/read-qr';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('contracts: offer, sign online, countersign, seal and verify', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  let rival: EmployerFixture;
  let seeker: SeekerFixture;

  beforeAll(async () => {
    api = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
    seeker = await selfRegisteredSeeker(api, { name: '李秀英' });
  });
  afterAll(async () => api?.close());

  let flow: ContractFlow;
  beforeAll(() => {
    flow = contractFlow(api, growers, seeker);
  });
  const call: TestApp['gql'] = (query, variables, token) => flow.call(query, variables, token);
  const shortlisted = (who?: SeekerFixture) => flow.shortlisted(who);
  const offered = (terms: Record<string, unknown> = {}, who?: SeekerFixture) => flow.offered(terms, who);
  const signInput = (contract: ContractView, code: string, who: SeekerFixture = seeker, overrides: Record<string, unknown> = {}) =>
    flow.signInput(contract, code, who, overrides);
  const signedBySeeker = (terms: Record<string, unknown> = {}, who?: SeekerFixture) => flow.signedBySeeker(terms, who);
  const active = (who?: SeekerFixture) => flow.active(who);

  const download = (path: string, token?: string) => fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('goes from offer to an ACTIVE, sealed contract the seeker can download, with the application HIRED and contract.activated published', async () => {
    const contract = await offered();
    expect(contract).toMatchObject({ status: 'SENT', employerName: '金江番茄种植专业合作社', seekerMaskedName: '李**', sealedPdfDigest: null });
    // The parties see the worker's name as on the application and the profile.
    const named = await call<{ contract: { seekerName: string } }>(`query($id: ID!) { contract(id: $id) { seekerName } }`, { id: contract.id }, growers.token);
    expect(named.data?.contract.seekerName).toBe('李秀英');
    expect(contract.contentDigest).toMatch(/^[0-9a-f]{64}$/);

    // The PDF as offered: Chinese text, the digest printed in it, and its own SHA-256 recorded.
    const draft = Buffer.from(await (await download(contract.pdfPath, seeker.token)).arrayBuffer());
    expect(sha256(draft)).toBe(contract.pdfDigest);
    const draftText = pdfPages(draft).pages.join('\n');
    expect(draftText).toContain('劳动合同');
    expect(draftText).toContain('金江番茄种植专业合作社');
    expect(draftText).toContain('李秀英');
    expect(draftText).toContain(contract.contentDigest);

    const expiresAt = await call<{ requestContractSigningCode: string }>(REQUEST_CODE, { input: { contractId: contract.id } }, seeker.token);
    expect(new Date(expiresAt.data!.requestContractSigningCode).getTime()).toBeGreaterThan(Date.now());
    const code = await textedCode(api, seeker.accountId);
    const signed = await call<{ signContract: ContractView }>(SIGN, { input: signInput(contract, code) }, seeker.token);
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.signContract).toMatchObject({
      status: 'SIGNED_BY_SEEKER',
      signatures: [{ party: 'SEEKER', accountId: seeker.accountId, identityCheck: 'NAME+ID_LAST6+SMS_OTP', digest: contract.contentDigest }],
    });
    // Signing again (a retried request) changes nothing.
    const again = await call<{ signContract: ContractView }>(SIGN, { input: signInput(contract, code) }, seeker.token);
    expect(again.data?.signContract.status).toBe('SIGNED_BY_SEEKER');
    expect(again.data?.signContract.signatures).toHaveLength(1);

    const countersigned = await call<{ countersignContract: ContractView }>(
      COUNTERSIGN,
      { input: { contractId: contract.id, digest: contract.contentDigest } },
      growers.token,
    );
    expect(countersigned.errors).toBeUndefined();
    const sealed = countersigned.data!.countersignContract;
    expect(sealed.status).toBe('ACTIVE');
    expect(sealed.signatures.map((s) => s.party)).toEqual(['SEEKER', 'EMPLOYER']);
    expect(sealed.sealedPdfDigest).toMatch(/^[0-9a-f]{64}$/);

    const application = await call<{ application: { status: string } }>(
      `query($id: ID!) { application(id: $id) { status } }`,
      { id: sealed.applicationId },
      seeker.token,
    );
    expect(application.data?.application.status).toBe('HIRED');

    const [event] = (await api.dataSource.query(`SELECT payload, idempotency_key FROM outbox_event WHERE type = 'contract.activated' AND aggregate_id = $1`, [
      contract.id,
    ])) as {
      payload: Record<string, unknown>;
      idempotency_key: string;
    }[];
    expect(event.idempotency_key).toBe(`contract.activated:${contract.id}`);
    expect(event.payload).toEqual({
      contractId: contract.id,
      applicationId: sealed.applicationId,
      jobId: expect.any(String),
      seekerId: seeker.jobSeekerId,
      employerId: growers.employerId,
      startDate: daysFromToday(7),
      endDate: daysFromToday(737),
      wage: 2800,
      wageUnit: 'MONTH',
      monthlyWage: 2800,
      termKind: 'FIXED',
      workplaceRegionCode: '450329103201',
    });

    await api.app.get(OutboxService).drain();
    const inbox = (await api.dataSource.query(`SELECT template_key FROM notification_message WHERE account_id = $1 ORDER BY delivered_at`, [
      seeker.accountId,
    ])) as { template_key: string }[];
    expect(inbox.map((m) => m.template_key)).toEqual(expect.arrayContaining(['contract.sent', 'contract.signing-code', 'contract.activated']));

    // The sealed PDF: the contract plus its audit page, its digest the one recorded and verifiable.
    const response = await download(sealed.pdfPath, seeker.token);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(sha256(pdf)).toBe(sealed.sealedPdfDigest);
    const pages = pdfPages(pdf);
    expect(pages.total).toBeGreaterThanOrEqual(2);
    const text = pages.pages.join('\n');
    expect(text).toContain('签署审计页');
    expect(text).toContain('求职者签署');
    expect(text).toContain('用人单位签署');
    expect(text).toContain(contract.contentDigest);
    expect((await download(sealed.pdfPath, growers.token)).status).toBe(200);
    expect((await download(sealed.pdfPath, county)).status).toBe(200);
    expect((await download(sealed.pdfPath, rival.token)).status).toBe(404);
    expect((await download(sealed.pdfPath)).status).toBe(401);

    // Anyone may verify: the view shows masked parties, and the sealed PDF's digest matches.
    const view = await call<{ contractVerification: Record<string, unknown> }>(VERIFICATION, { id: contract.id });
    expect(view.data?.contractVerification).toMatchObject({
      status: 'ACTIVE',
      seekerMaskedName: '李**',
      employerName: '金江番茄种植专业合作社',
      chainValid: true,
      valid: true,
    });
    const pasted = await call<{ verifyContract: { matches: boolean; matched: string } }>(VERIFY, { input: { contractId: contract.id, digest: sha256(pdf) } });
    expect(pasted.data?.verifyContract).toMatchObject({ matches: true, matched: 'SEALED_PDF' });
    const other = await call<{ verifyContract: { matches: boolean; matched: string | null } }>(VERIFY, {
      input: { contractId: contract.id, digest: sha256('另一份文件') },
    });
    expect(other.data?.verifyContract).toMatchObject({ matches: false, matched: null });

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'contract.pdf');
    const uploaded = await fetch(`${api.url}/contracts/${contract.id}/verify`, { method: 'POST', body: form });
    expect(await uploaded.json()).toMatchObject({ digest: sealed.sealedPdfDigest, matches: true, matched: 'SEALED_PDF' });
    const changed = Buffer.from(pdf);
    changed[changed.length - 10] ^= 1;
    const form2 = new FormData();
    form2.append('file', new Blob([new Uint8Array(changed)], { type: 'application/pdf' }), 'contract.pdf');
    const tampered = (await (await fetch(`${api.url}/contracts/${contract.id}/verify`, { method: 'POST', body: form2 })).json()) as Record<string, unknown>;
    expect(tampered).toMatchObject({ matches: false });
    // Issue 14, item 7: the verdict on this file comes first and says it in words; the record's own
    // state (verification.valid: true) can no longer be read as a pass.
    expect(Object.keys(tampered).slice(0, 2)).toEqual(['result', 'message']);
    expect(tampered.result).toBe('MISMATCH');
    expect(tampered.message).toContain('核验不通过');
    expect(tampered.message).toContain('不一致');
    const sealedUpload = (await (await fetch(`${api.url}/contracts/${contract.id}/verify`, { method: 'POST', body: form })).json()) as Record<string, unknown>;
    expect(sealedUpload).toMatchObject({ result: 'SEALED_ORIGINAL' });
    expect(sealedUpload.message).toContain('就是平台封存的合同');
    const verdicts = await call<{ verifyContract: { result: string; message: string } }>(
      `query($input: VerifyContractInput!) { verifyContract(input: $input) { result message } }`,
      { input: { contractId: contract.id, digest: sha256(changed) } },
    );
    expect(verdicts.data?.verifyContract.result).toBe('MISMATCH');
    expect(verdicts.data?.verifyContract.message).toContain('核验不通过');
  });

  it("names both parties in full on the parties' copies (not in the public view), and prints the verification code, issued when sent, as a QR on the sealed PDF", async () => {
    const worker = await selfRegisteredSeeker(api, { name: '韦秀兰' });
    const contract = await offered({}, worker);
    const url = `query($id: ID!) { contract(id: $id) { verificationUrl } }`;
    const sent = await call<{ contract: { verificationUrl: string | null } }>(url, { id: contract.id }, worker.token);
    expect(sent.data?.contract.verificationUrl).toMatch(/\/c\/[A-Za-z0-9_-]+$/);
    const verificationUrl = sent.data!.contract.verificationUrl!;

    // The copy as offered: the employer's art. 17 facts and the worker's name, ID number and address.
    const offeredPdf = Buffer.from(await (await download(contract.pdfPath, worker.token)).arrayBuffer());
    expect(sha256(offeredPdf)).toBe(contract.pdfDigest);
    const offeredText = pdfPages(offeredPdf).pages.join('\n');
    for (const fact of [
      '金江番茄种植专业合作社',
      '法定代表人（主要负责人）',
      '蒋建华',
      '资源县瓜里乡金江村委旁',
      '统一社会信用代码',
      '韦秀兰',
      worker.idNumber,
      '资源县瓜里乡金江村',
    ]) {
      expect(offeredText).toContain(fact);
    }
    expect(offeredText).not.toContain('韦**');
    // Nothing personal in the stored content or what anyone can see by scanning.
    const [row] = (await api.dataSource.query(`SELECT content, seeker_identity_encrypted FROM contract WHERE id = $1`, [contract.id])) as {
      content: string;
      seeker_identity_encrypted: string;
    }[];
    expect(row.content).not.toContain(worker.idNumber);
    expect(row.content).not.toContain('韦秀兰');
    expect(row.seeker_identity_encrypted).not.toContain(worker.idNumber);

    await call(REQUEST_CODE, { input: { contractId: contract.id } }, worker.token);
    const signed = await call(SIGN, { input: signInput(contract, await textedCode(api, worker.accountId), worker) }, worker.token);
    expect(signed.errors).toBeUndefined();
    const done = await call<{ countersignContract: ContractView }>(
      COUNTERSIGN,
      { input: { contractId: contract.id, digest: contract.contentDigest } },
      growers.token,
    );
    const sealed = done.data!.countersignContract;
    const pdf = Buffer.from(await (await download(sealed.pdfPath, worker.token)).arrayBuffer());
    const pages = pdfPages(pdf).pages;
    expect(pages.join('\n')).toContain(worker.idNumber);
    // On the audit page, under the instruction to scan it, a QR a phone camera reads as the code's address.
    const auditPage = pages.findIndex((page) => page.includes('签署审计页'));
    expect(pages[auditPage]).toContain(`扫码核验本合同：${verificationUrl}`);
    expect(readQrFromPdfPage(pdf, auditPage + 1)).toBe(verificationUrl);
    const token = verificationUrl.split('/c/')[1];
    const scanned = await call<{ scan: { verification: Record<string, unknown> } }>(
      `query($token: String!) { scan(token: $token) { ... on ContractScan { verification { contractId seekerMaskedName valid } } } }`,
      { token },
    );
    expect(scanned.data?.scan.verification).toEqual({ contractId: contract.id, seekerMaskedName: '韦**', valid: true });

    // The employer's download of a copy with the full ID number is a logged read; the worker's own is not.
    await download(sealed.pdfPath, growers.token);
    const reads = await call<{ jobSeekerDataReads: { field: string; channel: string; readerRole: string }[] }>(
      `query($id: ID!) { jobSeekerDataReads(jobSeekerId: $id) { field channel readerRole } }`,
      { id: worker.jobSeekerId },
      worker.token,
    );
    expect(reads.data?.jobSeekerDataReads).toEqual([{ field: 'ID_NUMBER', channel: 'GET /contracts/:id/pdf', readerRole: 'EMPLOYER' }]);
  });

  it('asks for the legal representative before the first contract of an employer without one, and keeps it', async () => {
    const bare = await verifiedEmployer(api, county, { name: '资源县无名加工厂', legalRepresentative: null });
    const bareFlow = contractFlow(api, bare);
    const worker = await selfRegisteredSeeker(api, { name: '蒋小兰' });
    const applicationId = await bareFlow.shortlisted(worker);
    const refused = await call(OFFER, { input: { applicationId, terms: termsInput() } }, bare.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPLOYER_DETAILS_MISSING', field: 'input.legalRepresentative' });
    const offeredOk = await call<{ offerContract: { id: string } }>(
      OFFER,
      { input: { applicationId, terms: termsInput(), legalRepresentative: '唐大勇' } },
      bare.token,
    );
    expect(offeredOk.errors).toBeUndefined();
    const employer = await call<{ employer: { legalRepresentative: string } }>(
      `query($id: ID!) { employer(id: $id) { legalRepresentative } }`,
      { id: bare.employerId },
      bare.token,
    );
    expect(employer.data?.employer.legalRepresentative).toBe('唐大勇');
  });

  it("lists the seeker's own contracts and the employer's, and none of another employer's", async () => {
    const mine = await call<{ myContracts: { id: string }[] }>(`{ myContracts { id status } }`, {}, seeker.token);
    const employers = await call<{ myContracts: { id: string }[] }>(`{ myContracts { id } }`, {}, growers.token);
    const rivals = await call<{ myContracts: { id: string }[] }>(`{ myContracts { id } }`, {}, rival.token);
    expect(mine.data?.myContracts.length).toBeGreaterThan(0);
    expect(employers.data?.myContracts.map((c) => c.id)).toEqual(expect.arrayContaining(mine.data!.myContracts.map((c) => c.id)));
    expect(rivals.data?.myContracts).toEqual([]);
  });

  it('tells the employer’s people in their inbox that the seeker signed and the countersignature is waiting', async () => {
    const signed = await signedBySeeker();
    expect(signed.status).toBe('SIGNED_BY_SEEKER');
    await api.app.get(OutboxService).drain();
    const inbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string; title: string; body: string } }[] } }>(
      `{ myNotifications(first: 50) { edges { node { templateKey title body } } } }`,
      {},
      growers.token,
    );
    const nodes = inbox.data!.myNotifications.edges.map((e) => e.node).filter((n) => n.templateKey === 'contract.signed-by-seeker');
    expect(nodes[0]).toEqual({
      templateKey: 'contract.signed-by-seeker',
      title: '劳动合同待盖章',
      body: expect.stringMatching(/^李\*\*已签署“.+”岗位的劳动合同，请登录就业服务码平台核对并盖章（会签），盖章后合同生效。$/),
    });
    const rivalInbox = await api.gql<{ myNotifications: { edges: { node: { templateKey: string } }[] } }>(
      `{ myNotifications(first: 50) { edges { node { templateKey } } } }`,
      {},
      rival.token,
    );
    expect(rivalInbox.data!.myNotifications.edges.filter((e) => e.node.templateKey === 'contract.signed-by-seeker')).toEqual([]);
  });

  it('a hire made by a contract in force cannot be undone by hand: the contract is ended instead', async () => {
    const contract = await active();
    const undo = await call(MOVE, { input: { applicationId: contract.applicationId, move: 'UNDO_HIRE', reason: '录错了人' } }, growers.token);
    expect(undo.errors?.[0]).toMatchObject({
      message: '这条报名的劳动合同已生效，不能直接撤销录用；如双方解除劳动关系，请终止合同',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('refuses terms below the county minimum wage, probation longer than the law allows, and an unshortlisted application', async () => {
    const refuse = async (terms: Record<string, unknown>) => {
      const result = await call(OFFER, { input: { applicationId: await shortlisted(), terms: termsInput(terms) } }, growers.token);
      return result.errors?.[0];
    };
    expect(await refuse({ wage: 1500 })).toMatchObject({
      message: '约定工资低于本县最低工资标准（1690 元/月），请提高工资',
      extensions: { code: 'BAD_USER_INPUT', reason: 'BELOW_MINIMUM_WAGE', field: 'input.terms.wage' },
    });
    expect((await refuse({ wage: 15, wageUnit: 'HOUR' }))?.extensions?.reason).toBe('BELOW_MINIMUM_WAGE');
    expect((await refuse({ wage: 120, wageUnit: 'DAY' }))?.extensions?.reason).toBe('BELOW_MINIMUM_WAGE');
    expect(await refuse({ endDate: daysFromToday(7 + 60), probationMonths: 1 })).toMatchObject({
      message: '试用期过长：合同期限不满三个月或以完成一定工作任务为期限的，不得约定试用期（《劳动合同法》第十九条）',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PROBATION_TOO_LONG' },
    });
    expect((await refuse({ endDate: daysFromToday(7 + 200), probationMonths: 2 }))?.message).toContain('试用期不得超过一个月');
    expect((await refuse({ probationMonths: 3 }))?.message).toContain('试用期不得超过两个月');
    expect((await refuse({ termKind: 'PER_TASK', endDate: null, task: '今年番茄采摘季', probationMonths: 1 }))?.extensions?.reason).toBe('PROBATION_TOO_LONG');
    expect((await refuse({ termKind: 'OPEN_ENDED', endDate: null, probationMonths: 6 })) ?? null).toBeNull();
    expect((await refuse({ termKind: 'FIXED', endDate: null }))?.extensions?.field).toBe('input.terms.endDate');
    expect((await refuse({ startDate: daysFromToday(-1) }))?.extensions?.field).toBe('input.terms.startDate');

    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const applied = (await call<{ applyToJob: { id: string } }>(APPLY, { input: { jobId } }, (await selfRegisteredSeeker(api)).token)).data!.applyToJob.id;
    const early = await call(OFFER, { input: { applicationId: applied, terms: termsInput() } }, growers.token);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect((await call(OFFER, { input: { applicationId: applied, terms: termsInput() } }, rival.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps one open contract per application: a correction is a new contract after cancelling', async () => {
    const contract = await offered();
    const second = await call(OFFER, { input: { applicationId: contract.applicationId, terms: termsInput({ wage: 3000 }) } }, growers.token);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OPEN_CONTRACT_EXISTS' });
    const cancelled = await call<{ cancelContract: { status: string } }>(
      `mutation($input: CloseContractInput!) { cancelContract(input: $input) { status } }`,
      { input: { contractId: contract.id, reason: '工资写错了，重新发' } },
      growers.token,
    );
    expect(cancelled.data?.cancelContract.status).toBe('CANCELLED');
    const corrected = await call<{ offerContract: ContractView }>(
      OFFER,
      { input: { applicationId: contract.applicationId, terms: termsInput({ wage: 3000 }) } },
      growers.token,
    );
    expect(corrected.data?.offerContract).toMatchObject({ status: 'SENT', terms: { wage: 3000 } });
    expect(corrected.data?.offerContract.contentDigest).not.toBe(contract.contentDigest);
  });

  it('checks name, the last six of the ID number and the texted code, counting failures to five', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '李秀英' });
    const contract = await offered({}, seeker);
    const noCode = await call(SIGN, { input: signInput(contract, '123456', seeker) }, seeker.token);
    expect(noCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_INVALID' });
    await call(REQUEST_CODE, { input: { contractId: contract.id } }, seeker.token);
    const code = await textedCode(api, seeker.accountId);
    const wrongCode = code === '000000' ? '000001' : '000000';

    const unconfirmed = await call(SIGN, { input: signInput(contract, code, seeker, { confirmTerms: false }) }, seeker.token);
    expect(unconfirmed.errors?.[0]).toMatchObject({ message: '请先阅读合同并勾选“我已阅读并同意合同条款”', extensions: { code: 'BAD_USER_INPUT' } });
    const otherDigest = await call(SIGN, { input: signInput(contract, code, seeker, { digest: sha256('别的内容') }) }, seeker.token);
    expect(otherDigest.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });

    const wrongName = await call(SIGN, { input: signInput(contract, code, seeker, { name: '李秀兰' }) }, seeker.token);
    expect(wrongName.errors?.[0]).toMatchObject({
      message: '姓名或身份证号后六位与求职登记不符，请核对后重试（还可尝试 4 次）',
      extensions: { code: 'BAD_USER_INPUT', reason: 'IDENTITY_MISMATCH' },
    });
    const wrongId = await call(SIGN, { input: signInput(contract, code, seeker, { idNumberLast6: '000000' }) }, seeker.token);
    expect(wrongId.errors?.[0].extensions?.reason).toBe('IDENTITY_MISMATCH');
    for (const left of [2, 1, 0]) {
      const wrong = await call(SIGN, { input: signInput(contract, wrongCode, seeker) }, seeker.token);
      expect(wrong.errors?.[0].extensions).toMatchObject({ reason: 'CODE_INVALID', details: { attemptsLeft: left } });
    }
    const locked = await call(SIGN, { input: signInput(contract, code, seeker) }, seeker.token);
    expect(locked.errors?.[0]).toMatchObject({
      message: '验证码已输错 5 次，已失效；请重新获取验证码',
      extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' },
    });

    await call(REQUEST_CODE, { input: { contractId: contract.id } }, seeker.token);
    const fresh = await textedCode(api, seeker.accountId);
    await api.dataSource.query(`UPDATE contract_signing_code SET expires_at = now() - interval '1 second' WHERE contract_id = $1 AND used_at IS NULL`, [
      contract.id,
    ]);
    const expired = await call(SIGN, { input: signInput(contract, fresh, seeker) }, seeker.token);
    expect(expired.errors?.[0]).toMatchObject({ message: '验证码已过期（10 分钟内有效），请重新获取', extensions: { reason: 'CODE_EXPIRED' } });

    await call(REQUEST_CODE, { input: { contractId: contract.id } }, seeker.token);
    const ok = await call<{ signContract: ContractView }>(SIGN, { input: signInput(contract, await textedCode(api, seeker.accountId), seeker) }, seeker.token);
    expect(ok.data?.signContract.status).toBe('SIGNED_BY_SEEKER');
    // Never returned: the ID number is not in any answer.
    expect(JSON.stringify(ok)).not.toContain(seeker.idNumber);
  });

  it('lets only the seeker sign: the employer and staff get FORBIDDEN even holding the code, another seeker gets nothing', async () => {
    const contract = await offered();
    const employerAsks = await call(REQUEST_CODE, { input: { contractId: contract.id } }, growers.token);
    expect(employerAsks.errors?.[0]).toMatchObject({
      message: '只有劳动者本人能用自己的账号获取验证码并签署合同，他人不能代签',
      extensions: { code: 'FORBIDDEN', reason: 'NOT_THE_SIGNER' },
    });
    expect((await call(REQUEST_CODE, { input: { contractId: contract.id } }, county)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await call(REQUEST_CODE, { input: { contractId: contract.id } }, seeker.token);
    const code = await textedCode(api, seeker.accountId);
    const employerSigns = await call(SIGN, { input: signInput(contract, code) }, growers.token);
    expect(employerSigns.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_SIGNER' });
    expect((await call(SIGN, { input: signInput(contract, code) }, county)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await selfRegisteredSeeker(api);
    expect((await call(SIGN, { input: signInput(contract, code) }, stranger.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await call(`query($id: ID!) { contract(id: $id) { id } }`, { id: contract.id }, rival.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const early = await call(COUNTERSIGN, { input: { contractId: contract.id, digest: contract.contentDigest } }, growers.token);
    expect(early.errors?.[0]).toMatchObject({ message: '合同当前为“待劳动者签署”，不能签署生效', extensions: { code: 'CONFLICT' } });
    const [{ status }] = (await api.dataSource.query(`SELECT status FROM contract WHERE id = $1`, [contract.id])) as { status: string }[];
    expect(status).toBe('SENT');
  });

  it('activates once when two API processes countersign at the same moment', async () => {
    const contract = await signedBySeeker();
    const second = await startTestApp({ TRUST_PROXY: '127.0.0.1' }, { databaseUrl: api.databaseUrl });
    try {
      const input = { input: { contractId: contract.id, digest: contract.contentDigest } };
      const [a, b] = await Promise.all([
        call<{ countersignContract: ContractView }>(COUNTERSIGN, input, growers.token),
        second.gql<{ countersignContract: ContractView }>(COUNTERSIGN, input, growers.token),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data?.countersignContract.status).toBe('ACTIVE');
      expect(b.data?.countersignContract.sealedPdfDigest).toBe(a.data?.countersignContract.sealedPdfDigest);
      const counts = (await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM contract_event WHERE contract_id = $1 AND kind = 'COUNTERSIGNED') AS countersigned,
                (SELECT count(*)::int FROM contract_signature WHERE contract_id = $1 AND party = 'EMPLOYER') AS signatures,
                (SELECT count(*)::int FROM outbox_event WHERE type = 'contract.activated' AND aggregate_id = $1::text) AS events`,
        [contract.id],
      )) as { countersigned: number; signatures: number; events: number }[];
      expect(counts[0]).toEqual({ countersigned: 1, signatures: 1, events: 1 });
    } finally {
      await second.close();
    }
  });

  it('detects a changed byte in the stored content or in any event, and the database refuses honest edits of a sealed contract', async () => {
    const contract = await active();
    const refused = await api.dataSource.query(`UPDATE contract SET content = content || ' ' WHERE id = $1`, [contract.id]).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain('frozen');
    expect(await api.dataSource.query(`DELETE FROM contract_event WHERE contract_id = $1`, [contract.id]).catch((e: Error) => e.message)).toContain(
      'append-only',
    );
    // Nor can a signed contract be undone, or its signing times rewritten.
    for (const [sql, message] of [
      [`UPDATE contract SET status = 'CANCELLED' WHERE id = $1`, 'cannot go from ACTIVE to CANCELLED'],
      [`UPDATE contract SET status = 'SENT' WHERE id = $1`, 'cannot go from ACTIVE to SENT'],
      [`UPDATE contract SET activated_at = now() WHERE id = $1`, 'signing record is frozen'],
      [`UPDATE contract SET seeker_signed_at = now() WHERE id = $1`, 'signing record is frozen'],
    ]) {
      expect(await api.dataSource.query(sql, [contract.id]).catch((e: Error) => e.message)).toContain(message);
    }

    // Someone with raw database access bypasses the triggers and changes one byte.
    const tamper = async (sql: string) => {
      await api.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.query(sql, [contract.id]);
      });
    };
    await tamper(`UPDATE contract SET content = replace(content, '"wage":2800', '"wage":2801') WHERE id = $1`);
    const afterContent = await call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: contract.id });
    expect(afterContent.data?.contractVerification).toMatchObject({ contentValid: false, chainValid: true, valid: false });
    const check = await call<{ verifyContract: { matches: boolean } }>(VERIFY, { input: { contractId: contract.id, digest: contract.sealedPdfDigest } });
    expect(check.data?.verifyContract.matches).toBe(false);
    await tamper(`UPDATE contract SET content = replace(content, '"wage":2801', '"wage":2800') WHERE id = $1`);
    expect((await call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: contract.id })).data?.contractVerification.valid).toBe(true);

    await tamper(
      `UPDATE contract_event SET data = jsonb_set(data, '{identityCheck}', '"EMPLOYER_MEMBER_SESSION"') WHERE contract_id = $1 AND kind = 'SIGNED_BY_SEEKER'`,
    );
    expect((await call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: contract.id })).data?.contractVerification).toMatchObject({
      chainValid: false,
      valid: false,
    });

    const other = await active();
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`DELETE FROM contract_event WHERE contract_id = $1 AND kind = 'SIGNING_CODE_SENT'`, [other.id]);
    });
    expect((await call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: other.id })).data?.contractVerification.chainValid).toBe(false);

    const third = await active();
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`UPDATE contract SET sealed_pdf = overlay(sealed_pdf placing '\\x00'::bytea from 200 for 1) WHERE id = $1`, [third.id]);
    });
    expect((await call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: third.id })).data?.contractVerification).toMatchObject({
      sealValid: false,
      valid: false,
    });
  });

  it('lets the seeker decline, and the employer end an active contract with contract.ended published', async () => {
    const contract = await offered();
    const declined = await call<{ declineContract: { status: string } }>(
      `mutation($input: CloseContractInput!) { declineContract(input: $input) { status } }`,
      { input: { contractId: contract.id, reason: '离家太远' } },
      seeker.token,
    );
    expect(declined.data?.declineContract.status).toBe('DECLINED');

    const running = await active(seeker);
    const ended = await call<{ endContract: { status: string; endedOn: string } }>(
      `mutation($input: EndContractInput!) { endContract(input: $input) { status endedOn } }`,
      { input: { contractId: running.id, endDate: daysFromToday(30), reason: '双方协商一致解除' } },
      growers.token,
    );
    expect(ended.data?.endContract).toEqual({ status: 'ENDED', endedOn: daysFromToday(30) });
    const [event] = (await api.dataSource.query(`SELECT payload FROM outbox_event WHERE type = 'contract.ended' AND aggregate_id = $1`, [running.id])) as {
      payload: unknown;
    }[];
    expect(event.payload).toEqual({ contractId: running.id, seekerId: seeker.jobSeekerId, endDate: daysFromToday(30) });
    expect((await call<{ contractVerification: Record<string, unknown> }>(VERIFICATION, { id: running.id })).data?.contractVerification).toMatchObject({
      status: 'ENDED',
      valid: true,
    });
  });

  describe('an application and its contract stay consistent', () => {
    const CONTRACT_STATE = `query($id: ID!) { contract(id: $id) { status closingReason } }`;
    const APPLICATION_STATE = `query($id: ID!) { application(id: $id) { status history { from to actorAccountId } } }`;
    const lastEvent = async (contractId: string) =>
      (
        (await api.dataSource.query(`SELECT kind, actor_account_id, data FROM contract_event WHERE contract_id = $1 ORDER BY seq DESC LIMIT 1`, [
          contractId,
        ])) as { kind: string; actor_account_id: string | null; data: Record<string, unknown> }[]
      )[0];

    it('cancels a sent contract in the same transaction when the seeker withdraws, and the signing code stops working', async () => {
      const who = await selfRegisteredSeeker(api, { name: '李秀英' });
      const contract = await offered({}, who);
      await call(REQUEST_CODE, { input: { contractId: contract.id } }, who.token);
      const code = await textedCode(api, who.accountId);

      const withdrawn = await call<{ withdrawApplication: { status: string } }>(WITHDRAW, { input: { applicationId: contract.applicationId } }, who.token);
      expect(withdrawn.errors).toBeUndefined();
      expect(withdrawn.data?.withdrawApplication.status).toBe('WITHDRAWN');
      expect((await call<{ contract: unknown }>(CONTRACT_STATE, { id: contract.id }, who.token)).data?.contract).toEqual({
        status: 'CANCELLED',
        closingReason: '求职者撤回了报名',
      });
      expect(await lastEvent(contract.id)).toMatchObject({
        kind: 'CANCELLED',
        actor_account_id: who.accountId,
        data: { cause: 'APPLICATION_WITHDRAWN', applicationId: contract.applicationId, signingCodesInvalidated: 1 },
      });
      const [{ live }] = (await api.dataSource.query(
        `SELECT count(*)::int AS live FROM contract_signing_code WHERE contract_id = $1 AND used_at IS NULL AND expires_at > now()`,
        [contract.id],
      )) as { live: number }[];
      expect(live).toBe(0);
      const late = await call(SIGN, { input: signInput(contract, code, who) }, who.token);
      expect(late.errors?.[0]).toMatchObject({ message: '合同当前为“已撤销”，不能签署', extensions: { code: 'CONFLICT' } });
      expect((await call<{ contractVerification: { valid: boolean } }>(VERIFICATION, { id: contract.id })).data?.contractVerification.valid).toBe(true);
    });

    it('cancels a contract the seeker has signed when the employer rejects the application, and it can no longer be countersigned', async () => {
      const contract = await signedBySeeker();
      const rejected = await call<{ moveApplication: { status: string } }>(
        MOVE,
        { input: { applicationId: contract.applicationId, move: 'REJECT', reason: '岗位已招满' } },
        growers.token,
      );
      expect(rejected.data?.moveApplication.status).toBe('REJECTED');
      expect((await call<{ contract: unknown }>(CONTRACT_STATE, { id: contract.id }, growers.token)).data?.contract).toEqual({
        status: 'CANCELLED',
        closingReason: '用人单位不录用：岗位已招满',
      });
      expect(await lastEvent(contract.id)).toMatchObject({ kind: 'CANCELLED', actor_account_id: growers.accountId, data: { cause: 'APPLICATION_REJECTED' } });
      const countersigned = await call(COUNTERSIGN, { input: { contractId: contract.id, digest: contract.contentDigest } }, growers.token);
      expect(countersigned.errors?.[0]).toMatchObject({ message: '合同当前为“已撤销”，不能签署生效', extensions: { code: 'CONFLICT' } });
    });

    it('refuses withdrawing once the contract is ACTIVE (the way out is ending the contract), and hiring by hand while a contract is being signed', async () => {
      const contract = await active();
      const refused = await call(WITHDRAW, { input: { applicationId: contract.applicationId } }, contract.seeker.token);
      expect(refused.errors?.[0]).toMatchObject({
        message: '您已被录用，报名不能再撤回；如不再继续工作，请与用人单位协商解除或终止劳动合同（合同终止后会记录在“我的合同”里）',
        extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
      });
      expect(
        (await call<{ application: { status: string } }>(APPLICATION_STATE, { id: contract.applicationId }, contract.seeker.token)).data?.application.status,
      ).toBe('HIRED');
      expect((await call<{ contract: { status: string } }>(CONTRACT_STATE, { id: contract.id }, contract.seeker.token)).data?.contract.status).toBe('ACTIVE');

      const pending = await offered({}, await selfRegisteredSeeker(api));
      const byHand = await call(MOVE, { input: { applicationId: pending.applicationId, move: 'HIRE' } }, growers.token);
      expect(byHand.errors?.[0]).toMatchObject({
        message: '这条报名有一份在线劳动合同正在签署，双方签署后会自动录用，不必手动录用；如不再在线签约，请先撤销合同',
        extensions: { code: 'CONFLICT', reason: 'OPEN_CONTRACT_EXISTS' },
      });
      expect((await call<{ application: { status: string } }>(APPLICATION_STATE, { id: pending.applicationId }, growers.token)).data?.application.status).toBe(
        'OFFERED',
      );
    });

    it('lets exactly one of a withdrawal and a countersign made at the same moment from two API processes win, leaving both records agreeing', async () => {
      const second = await startTestApp({ TRUST_PROXY: '127.0.0.1' }, { databaseUrl: api.databaseUrl });
      try {
        const winners: string[] = [];
        for (let round = 0; round < 4; round += 1) {
          const contract = await signedBySeeker();
          const countersign = { input: { contractId: contract.id, digest: contract.contentDigest } };
          const withdraw = { input: { applicationId: contract.applicationId } };
          // Alternate which process gets which request, so that neither always starts first.
          const [w, c] = await Promise.all(
            round % 2 === 0
              ? [second.gql(WITHDRAW, withdraw, contract.seeker.token), call(COUNTERSIGN, countersign, growers.token)]
              : [call(WITHDRAW, withdraw, contract.seeker.token), second.gql(COUNTERSIGN, countersign, growers.token)],
          );
          expect([w.errors, c.errors].filter((e) => e !== undefined)).toHaveLength(1);
          const [state] = (await api.dataSource.query(
            `SELECT a.status AS application, c.status AS contract,
                    (SELECT count(*)::int FROM contract_signature s WHERE s.contract_id = c.id AND s.party = 'EMPLOYER') AS countersignatures,
                    (SELECT count(*)::int FROM outbox_event o WHERE o.type = 'contract.activated' AND o.aggregate_id = c.id::text) AS activated
               FROM contract c JOIN application a ON a.id = c.application_id WHERE c.id = $1`,
            [contract.id],
          )) as { application: string; contract: string; countersignatures: number; activated: number }[];
          if (w.errors) {
            winners.push('countersign');
            expect(w.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
            expect(state).toEqual({ application: 'HIRED', contract: 'ACTIVE', countersignatures: 1, activated: 1 });
          } else {
            winners.push('withdraw');
            expect(c.errors?.[0]).toMatchObject({ message: '合同当前为“已撤销”，不能签署生效', extensions: { code: 'CONFLICT' } });
            expect(state).toEqual({ application: 'WITHDRAWN', contract: 'CANCELLED', countersignatures: 0, activated: 0 });
          }
          expect((await call<{ contractVerification: { chainValid: boolean } }>(VERIFICATION, { id: contract.id })).data?.contractVerification.chainValid).toBe(
            true,
          );
        }
        expect(winners).toHaveLength(4);
      } finally {
        await second.close();
      }
    });
  });

  describe('every refusal, and what stays available', () => {
    it('refuses moves out of turn and by the wrong hands: decline or a new code after signing, ending before ACTIVE or before the start, a wrong digest, cancelling an ACTIVE contract', async () => {
      const signed = await signedBySeeker();
      const decline = await call(
        `mutation($input: CloseContractInput!) { declineContract(input: $input) { status } }`,
        { input: { contractId: signed.id, reason: '不想去了' } },
        signed.seeker.token,
      );
      expect(decline.errors?.[0]).toMatchObject({ message: '合同当前为“劳动者已签署，待用人单位盖章”，不能拒签', extensions: { code: 'CONFLICT' } });
      const code = await call(REQUEST_CODE, { input: { contractId: signed.id } }, signed.seeker.token);
      expect(code.errors?.[0]).toMatchObject({ message: '合同当前为“劳动者已签署，待用人单位盖章”，不能获取签署验证码', extensions: { code: 'CONFLICT' } });
      const endEarly = await call(
        `mutation($input: EndContractInput!) { endContract(input: $input) { status } }`,
        { input: { contractId: signed.id, endDate: daysFromToday(30), reason: '协商解除' } },
        growers.token,
      );
      expect(endEarly.errors?.[0]).toMatchObject({ message: '合同当前为“劳动者已签署，待用人单位盖章”，不能终止', extensions: { code: 'CONFLICT' } });
      const wrongDigest = await call(COUNTERSIGN, { input: { contractId: signed.id, digest: sha256('别的合同') } }, growers.token);
      expect(wrongDigest.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
      expect((await call(COUNTERSIGN, { input: { contractId: signed.id, digest: signed.contentDigest } }, rival.token)).errors?.[0].extensions?.code).toBe(
        'NOT_FOUND',
      );

      const running = await active();
      const cancel = await call(
        `mutation($input: CloseContractInput!) { cancelContract(input: $input) { status } }`,
        { input: { contractId: running.id, reason: '改主意了' } },
        growers.token,
      );
      expect(cancel.errors?.[0]).toMatchObject({ message: '合同当前为“已生效”，不能撤销', extensions: { code: 'CONFLICT' } });
      const beforeStart = await call(
        `mutation($input: EndContractInput!) { endContract(input: $input) { status } }`,
        { input: { contractId: running.id, endDate: daysFromToday(1), reason: '协商解除' } },
        growers.token,
      );
      expect(beforeStart.errors?.[0]).toMatchObject({ message: `终止日期不能早于合同开始日期 ${daysFromToday(7)}`, extensions: { field: 'input.endDate' } });
      const byRival = await call(
        `mutation($input: EndContractInput!) { endContract(input: $input) { status } }`,
        { input: { contractId: running.id, endDate: daysFromToday(30), reason: '协商解除' } },
        rival.token,
      );
      expect(byRival.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const declineByEmployer = await call(
        `mutation($input: CloseContractInput!) { declineContract(input: $input) { status } }`,
        { input: { contractId: running.id, reason: '代拒' } },
        growers.token,
      );
      expect(declineByEmployer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses to activate a contract whose application was closed behind its back (records from before withdrawals cancelled contracts)', async () => {
      const contract = await signedBySeeker();
      await api.dataSource.query(`UPDATE application SET status = 'WITHDRAWN' WHERE id = $1`, [contract.applicationId]);
      const refused = await call(COUNTERSIGN, { input: { contractId: contract.id, digest: contract.contentDigest } }, growers.token);
      expect(refused.errors?.[0]).toMatchObject({
        message: '这条报名已撤回或未录用，合同不能生效；请先撤销这份合同',
        extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
      });
      const [{ status }] = (await api.dataSource.query(`SELECT status FROM contract WHERE id = $1`, [contract.id])) as { status: string }[];
      expect(status).toBe('SIGNED_BY_SEEKER');
    });

    it('refuses a verification upload that is not multipart or carries no file', async () => {
      const contract = await offered();
      const json = await fetch(`${api.url}/contracts/${contract.id}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ digest: contract.pdfDigest }),
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', message: '请以 multipart/form-data 上传 PDF，文件放在 file 字段' } });
      const form = new FormData();
      form.append('note', '没有文件');
      const empty = await fetch(`${api.url}/contracts/${contract.id}/verify`, { method: 'POST', body: form });
      expect(empty.status).toBe(400);
      expect(await empty.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', message: '没有收到文件：请在 file 字段上传合同 PDF' } });
    });

    it('refuses an online contract for a seeker registered at the desk who has no account of their own', async () => {
      const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
      const registered = await call<{ registerJobSeeker: { id: string } }>(REGISTER, { input: registration({ name: '王桂兰' }) }, county);
      const applied = await call<{ applyToJob: { id: string } }>(
        APPLY,
        { input: { jobId, jobSeekerId: registered.data!.registerJobSeeker.id, consentNote: '本人到场口头同意' } },
        county,
      );
      expect(applied.errors).toBeUndefined();
      await call(MOVE, { input: { applicationId: applied.data!.applyToJob.id, move: 'SHORTLIST' } }, growers.token);
      const refused = await call(OFFER, { input: { applicationId: applied.data!.applyToJob.id, terms: termsInput() } }, growers.token);
      expect(refused.errors?.[0]).toMatchObject({
        message: '这位求职者还没有绑定自己的账号，无法在线签署；请先请本人用手机注册并“认领登记”，或线下签订书面合同',
        extensions: { code: 'CONFLICT', reason: 'SEEKER_HAS_NO_ACCOUNT' },
      });
    });

    it('keeps the PDF free to download at any time: as offered after cancelling, sealed after ending; and tells the seeker where on ACTIVE', async () => {
      const who = await selfRegisteredSeeker(api);
      const cancelled = await offered({}, who);
      await call(
        `mutation($input: CloseContractInput!) { cancelContract(input: $input) { status } }`,
        { input: { contractId: cancelled.id, reason: '岗位调整' } },
        growers.token,
      );
      const offeredPdf = await download(cancelled.pdfPath, who.token);
      expect(offeredPdf.status).toBe(200);
      expect(sha256(Buffer.from(await offeredPdf.arrayBuffer()))).toBe(cancelled.pdfDigest);

      const running = await active();
      await call(
        `mutation($input: EndContractInput!) { endContract(input: $input) { status } }`,
        { input: { contractId: running.id, endDate: daysFromToday(30), reason: '双方协商一致解除' } },
        growers.token,
      );
      const endedPdf = await download(running.pdfPath, running.seeker.token);
      expect(endedPdf.status).toBe(200);
      expect(sha256(Buffer.from(await endedPdf.arrayBuffer()))).toBe(running.sealedPdfDigest);

      await api.app.get(OutboxService).drain();
      const [message] = (await api.dataSource.query(`SELECT body FROM notification_message WHERE account_id = $1 AND template_key = 'contract.activated'`, [
        running.seeker.accountId,
      ])) as { body: string }[];
      expect(message.body).toContain('可随时免费查看、下载和打印');
      // The page, not the file: a phone opens it, signs in and taps download (a short-lived link).
      expect(message.body).toContain(`/m/contracts/${running.id}`);
    });

    it("opens the verification view from the contract's service code, and checks a digest by the code's token", async () => {
      const running = await active();
      const issued = await call<{ issueServiceCode: { token: string } }>(
        `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
        { input: { targetKind: 'CONTRACT', targetId: running.id } },
        running.seeker.token,
      );
      expect(issued.errors).toBeUndefined();
      const token = issued.data!.issueServiceCode.token;
      const scanned = await call<{ scan: { verification: Record<string, unknown> } }>(
        `query($token: String!) { scan(token: $token) { ... on ContractScan { verification { contractId status seekerMaskedName valid sealedBy } } } }`,
        { token },
      );
      expect(scanned.data?.scan.verification).toEqual({
        contractId: running.id,
        status: 'ACTIVE',
        seekerMaskedName: '李**',
        valid: true,
        sealedBy: 'DIGEST_AND_CHAIN',
      });
      const byToken = await call<{ verifyContract: { matches: boolean; matched: string } }>(VERIFY, { input: { token, digest: running.sealedPdfDigest } });
      expect(byToken.data?.verifyContract).toMatchObject({ matches: true, matched: 'SEALED_PDF' });
      expect(
        (
          await call<{ issueServiceCode: unknown }>(
            `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
            { input: { targetKind: 'CONTRACT', targetId: running.id } },
            rival.token,
          )
        ).errors?.[0].extensions?.code,
      ).toMatch(/NOT_FOUND|FORBIDDEN/);
    });
  });
});
