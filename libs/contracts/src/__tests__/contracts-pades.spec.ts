import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

import { ConfigError, Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { contractFlow, type ContractFlow, VERIFICATION, VERIFY } from '../../../../test/builders/contract.builder';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { pdfPages } from '../../../../test/support/pdf-text';
import { contractSignerFor, ContractSignerKind, PadesSigner } from '../signers';
import { lastPdfSignature, throwawayP12, verifyDetachedCms } from './pdf-signature';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const PASSPHRASE = 'county-test-passphrase';

describe('contracts sealed with a PAdES signature (CONTRACT_SIGNING_P12)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jobcode-p12-'));
  const p12File = join(folder, 'county.p12');
  const { p12, certificateSha256 } = throwawayP12(PASSPHRASE);
  writeFileSync(p12File, p12);

  let api: TestApp;
  let growers: EmployerFixture;
  let flow: ContractFlow;

  beforeAll(async () => {
    api = await startTestApp({ CONTRACT_SIGNING_P12: p12File, CONTRACT_SIGNING_P12_PASSPHRASE: PASSPHRASE, TRUST_PROXY: '127.0.0.1' });
    const county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    flow = contractFlow(api, growers);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const download = async (path: string, token: string) =>
    Buffer.from(await (await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());

  it('signs the sealed PDF: the ByteRange covers all but the signature, the CMS verifies with the certificate, and the digest is of the signed bytes', async () => {
    const contract = await flow.active();
    const pdf = await download(contract.pdfPath, contract.seeker.token);
    expect(sha256(pdf)).toBe(contract.sealedPdfDigest);

    const signature = lastPdfSignature(pdf);
    const [start, before, after, rest] = signature.byteRange;
    expect(start).toBe(0);
    expect(after + rest).toBe(pdf.length);
    expect(signature.contentsSpan).toEqual({ start: before, end: after });
    expect(signature.subFilter).toBe('adbe.pkcs7.detached');
    const cms = verifyDetachedCms(signature.cms, signature.signedBytes);
    expect(cms).toMatchObject({ valid: true, signerIsCertificate: true, digestMatches: true, signatureValid: true, certificateSha256 });

    // Still the contract with its audit page, readable as text.
    const text = pdfPages(pdf).pages.join('\n');
    expect(text).toContain('签署审计页');
    expect(text).toContain(contract.contentDigest);

    // The chain records which signer sealed it, with the certificate.
    const [sealed] = (await api.dataSource.query(`SELECT data FROM contract_event WHERE contract_id = $1 AND kind = 'SEALED'`, [contract.id])) as {
      data: Record<string, string>;
    }[];
    expect(sealed.data).toEqual({
      sealedPdfDigest: contract.sealedPdfDigest,
      signer: 'PADES',
      subFilter: 'adbe.pkcs7.detached',
      certificateSubject: 'CN=就业服务码平台测试签章,O=资源县人力资源和社会保障局,C=CN',
      certificateSha256,
    });

    const view = await flow.call<{ contractVerification: Record<string, unknown> }>(
      `query($id: ID!) { contractVerification(contractId: $id) { valid sealValid chainValid sealedBy signingCertificateSubject signingCertificateSha256 sealedPdfDigest } }`,
      { id: contract.id },
    );
    expect(view.data?.contractVerification).toEqual({
      valid: true,
      sealValid: true,
      chainValid: true,
      sealedBy: 'PADES',
      signingCertificateSubject: 'CN=就业服务码平台测试签章,O=资源县人力资源和社会保障局,C=CN',
      signingCertificateSha256: certificateSha256,
      sealedPdfDigest: sha256(pdf),
    });
    const pasted = await flow.call<{ verifyContract: { matches: boolean; matched: string } }>(VERIFY, {
      input: { contractId: contract.id, digest: sha256(pdf) },
    });
    expect(pasted.data?.verifyContract).toMatchObject({ matches: true, matched: 'SEALED_PDF' });
  });

  it('fails verification when one byte changes, in the signed bytes or in the signature', async () => {
    const contract = await flow.active();
    const pdf = await download(contract.pdfPath, contract.seeker.token);
    const signature = lastPdfSignature(pdf);

    const inContent = Buffer.from(pdf);
    inContent[400] ^= 1;
    const changed = lastPdfSignature(inContent);
    expect(verifyDetachedCms(changed.cms, changed.signedBytes)).toMatchObject({ valid: false, digestMatches: false });

    const inSignature = Buffer.from(pdf);
    // A hex digit inside the RSA signature value at the end of the CMS (before the zero padding).
    const at = signature.contentsSpan.start + 1 + 2 * signature.cms.length - 10;
    inSignature[at] = inSignature[at] === 0x30 ? 0x31 : 0x30;
    const forged = lastPdfSignature(inSignature);
    expect(verifyDetachedCms(forged.cms, forged.signedBytes)).toMatchObject({ valid: false, signatureValid: false });

    for (const bytes of [inContent, inSignature]) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'contract.pdf');
      const uploaded = (await (await fetch(`${api.url}/contracts/${contract.id}/verify`, { method: 'POST', body: form })).json()) as { matches: boolean };
      expect(uploaded.matches).toBe(false);
    }

    // The stored file changed by someone with raw database access: the seal no longer verifies.
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`UPDATE contract SET sealed_pdf = overlay(sealed_pdf placing '\\x20'::bytea from 400 for 1) WHERE id = $1`, [contract.id]);
    });
    expect((await flow.call<{ contractVerification: Record<string, boolean> }>(VERIFICATION, { id: contract.id })).data?.contractVerification).toMatchObject({
      sealValid: false,
      valid: false,
    });
  });
});

describe('choosing the contract signer at boot', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jobcode-p12-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());
  const write = (name: string, bytes: Buffer) => {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    return file;
  };
  const refusal = async (promise: Promise<unknown>): Promise<string[]> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  };

  it('seals with the digest and the chain when no certificate is configured', async () => {
    expect((await contractSignerFor({})).kind).toBe(ContractSignerKind.DIGEST_AND_CHAIN);
  });

  it('opens a good .p12 and reads its certificate', async () => {
    const { p12, certificateSha256 } = throwawayP12('right', { commonName: 'Jobcode test seal' });
    const signer = await contractSignerFor({ CONTRACT_SIGNING_P12: write('good.p12', p12), CONTRACT_SIGNING_P12_PASSPHRASE: 'right' });
    expect(signer).toBeInstanceOf(PadesSigner);
    expect((signer as PadesSigner).certificate).toMatchObject({ commonName: 'Jobcode test seal', sha256: certificateSha256 });
  });

  it('seals by digest and chain, and says so, when the certificate has expired since the boot', async () => {
    const { p12 } = throwawayP12('right', { notAfter: new Date(Date.now() + 60_000) });
    const signer = await PadesSigner.open(write('short-lived.p12', p12), 'right');
    const pdf = Buffer.from('%PDF-1.3 not signed\n');
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sealed = await signer.seal(pdf, { contractId: 'c-1', sealedAt: new Date(Date.now() + 120_000) });
    expect(sealed).toEqual({ pdf, record: { signer: ContractSignerKind.DIGEST_AND_CHAIN } });
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('sealed by digest and chain only'));
  });

  it('refuses to start with a wrong passphrase, a file that is not a .p12, or an expired certificate, naming the setting', async () => {
    const good = write('county.p12', throwawayP12('right').p12);
    expect(await refusal(PadesSigner.open(good, 'wrong'))).toEqual(['CONTRACT_SIGNING_P12_PASSPHRASE: does not open CONTRACT_SIGNING_P12 (wrong passphrase)']);
    const text = write('not-a-p12.p12', Buffer.from('-----BEGIN CERTIFICATE-----\nnot really\n'));
    expect((await refusal(PadesSigner.open(text, 'right')))[0]).toMatch(/^CONTRACT_SIGNING_P12=".*not-a-p12\.p12": is not a PKCS#12/);
    const expired = write('expired.p12', throwawayP12('right', { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') }).p12);
    expect((await refusal(PadesSigner.open(expired, 'right')))[0]).toMatch(/^CONTRACT_SIGNING_P12=".*expired\.p12": the certificate expired on 2021-01-01/);
    expect((await refusal(PadesSigner.open(join(folder, 'gone.p12'), 'right')))[0]).toMatch(/^CONTRACT_SIGNING_P12=".*gone\.p12": cannot be read \(ENOENT\)/);
  });
});
