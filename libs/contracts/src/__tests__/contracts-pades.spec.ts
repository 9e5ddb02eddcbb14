import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { ApplicationsModule } from '@jobcode/applications';
import { AuditModule } from '@jobcode/audit';
import { type Actor, ConfigError, type RequestContext, RequestLoaders, Role } from '@jobcode/common';
import { EmployersModule } from '@jobcode/employers';
import { JobsModule } from '@jobcode/jobs';
import { OutboxModule } from '@jobcode/outbox';
import { PersonalDataModule } from '@jobcode/personal-data';
import { RateLimitModule } from '@jobcode/rate-limit';
import { SeekersModule } from '@jobcode/seekers';

import { actingAccount } from '../../../../test/builders/account.builder';
import { activeContractThroughServices } from '../../../../test/builders/contract.builder';
import { employerThroughServices } from '../../../../test/builders/employer.builder';
import { pdfPages } from '../../../../test/support/pdf-text';
import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { ContractVerificationService } from '../contract-verification.service';
import { ContractsModule } from '../contracts.module';
import { ContractsService } from '../contracts.service';
import { contractSignerFor, ContractSignerKind, PadesSigner } from '../signers';
import { lastPdfSignature, throwawayP12, verifyDetachedCms } from './pdf-signature';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const PASSPHRASE = 'county-test-passphrase';

// The seal, its signature and verification through the services; the routes and GraphQL fields around them are contracts.spec.ts's.
describe('contracts sealed with a PAdES signature (CONTRACT_SIGNING_P12)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jobcode-p12-'));
  const p12File = join(folder, 'county.p12');
  const { p12, certificateSha256 } = throwawayP12(PASSPHRASE);
  writeFileSync(p12File, p12);

  let api: TestModule;
  let growers: { employerId: string; actor: Actor };
  let verification: ContractVerificationService;
  const active = () => activeContractThroughServices(api.app, growers);

  beforeAll(async () => {
    // The contracts module and what a contract's way from application to seal needs: no HTTP server, no GraphQL.
    api = await startTestModule(
      [
        ContractsModule,
        EmployersModule,
        JobsModule,
        SeekersModule,
        ApplicationsModule,
        OutboxModule,
        PersonalDataModule,
        AccountsModule,
        AuditModule,
        RateLimitModule,
      ],
      { env: { CONTRACT_SIGNING_P12: p12File, CONTRACT_SIGNING_P12_PASSPHRASE: PASSPHRASE } },
    );
    verification = api.app.get(ContractVerificationService);
    const county = await actingAccount(api.app, Role.STAFF, '450329');
    growers = await employerThroughServices(api.app, county, { name: '金江番茄种植专业合作社' });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The PDF the party downloads (ContractsService.pdf, behind GET /contracts/:id/pdf). */
  const download = async (contractId: string, actor: Actor) => {
    const context: RequestContext = { actor, clientKey: 'pades-spec', loaders: new RequestLoaders(() => context) };
    return (await api.app.get(ContractsService).pdf(actor, contractId, context, 'GET /contracts/:id/pdf')).pdf;
  };

  it('signs the sealed PDF: the ByteRange covers all but the signature, the CMS verifies with the certificate, and the digest is of the signed bytes', async () => {
    const { contract, seeker } = await active();
    const pdf = await download(contract.id, seeker.actor);
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

    const view = await verification.verificationView(contract.id);
    expect(view).toMatchObject({
      valid: true,
      sealValid: true,
      chainValid: true,
      sealedBy: 'PADES',
      signingCertificateSubject: 'CN=就业服务码平台测试签章,O=资源县人力资源和社会保障局,C=CN',
      signingCertificateSha256: certificateSha256,
      sealedPdfDigest: sha256(pdf),
    });
    const pasted = await verification.checkDigest({ contractId: contract.id }, sha256(pdf));
    expect(pasted).toMatchObject({ matches: true, matched: 'SEALED_PDF' });
  });

  it('fails verification when one byte changes, in the signed bytes or in the signature', async () => {
    const { contract, seeker } = await active();
    const pdf = await download(contract.id, seeker.actor);
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

    // An uploaded file is checked by its digest (POST /contracts/:id/verify hashes it; contracts.spec.ts uploads).
    for (const bytes of [inContent, inSignature]) {
      const uploaded = await verification.checkDigest({ contractId: contract.id }, sha256(bytes));
      expect(uploaded.matches).toBe(false);
    }

    // The stored file changed by someone with raw database access: the seal no longer verifies.
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`UPDATE contract SET sealed_pdf = overlay(sealed_pdf placing '\\x20'::bytea from 400 for 1) WHERE id = $1`, [contract.id]);
    });
    expect(await verification.verificationView(contract.id)).toMatchObject({
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
