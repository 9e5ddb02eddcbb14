import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

import { forwardRef, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';

import { Application, type ApplicationMoveEvent, ApplicationsService, ApplicationStatus } from '@jobcode/applications';
import { type Actor, AppConfig, countyToday, maskName, type RequestContext, Role } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { PdfRenderer } from '@jobcode/documents';
import { Employer, employerMemberAccountIds } from '@jobcode/employers';
import { Job, monthlyEquivalent } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { PersonalDataAccessLog, PersonalDataCipher, PersonalDataField } from '@jobcode/personal-data';
import { RegionsService } from '@jobcode/regions';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';
import { JobSeeker } from '@jobcode/seekers';

import { canonicalJson, sha256Hex } from './canonical';
import { chainIsValid, eventHash, GENESIS_HASH } from './contract-chain';
import { CONTRACT_TEMPLATE_VERSION, type ContractContent, contractDocument, type SeekerIdentity, sealedContractDocument } from './contract-document';
import { ContractEvent, ContractEventKind } from './contract-event.entity';
import { ContractSignature, SignatureParty } from './contract-signature.entity';
import { validateTerms } from './contract-terms';
import { Contract } from './contract.entity';
import { CONTRACT_STATUS_WORD, ContractStatus } from './contract.enums';
import { ContractFileCheckResult, MatchedDigest } from './contract.object';
import { CONTRACT_ACTIVATED, CONTRACT_ENDED, type ContractActivatedPayload, type ContractEndedPayload } from './contracts.events';
import { contractNotFound, ContractsException, ContractsExceptionCode } from './contracts.exception';
import { MINIMUM_HOURLY_WAGE, MINIMUM_MONTHLY_WAGE } from './contracts.settings';
import { type CountersignContractInput, type EndContractInput, type OfferContractInput, type SignContractInput } from './dto/contract.inputs';
import { CONTRACT_SIGNER, type ContractSigner, type ContractSignerKind, type SealRecord } from './signers';
import { SigningCode } from './signing-code.entity';

export const SIGNING_CODE_TTL_MS = 10 * 60 * 1000;
export const SIGNING_CODE_MAX_ATTEMPTS = 5;
export const SEEKER_IDENTITY_CHECK = 'NAME+ID_LAST6+SMS_OTP';
const CODE_PURPOSE = 'contract-signing-code';

export interface ContractVerification {
  contractId: string;
  status: ContractStatus;
  employerName: string;
  seekerMaskedName: string;
  jobTitle: string;
  startDate: string;
  endDate: string | null;
  seekerSignedAt: Date | null;
  activatedAt: Date | null;
  contentDigest: string;
  pdfDigest: string;
  sealedPdfDigest: string | null;
  sealedBy: ContractSignerKind | null;
  signingCertificateSubject: string | null;
  signingCertificateSha256: string | null;
  contentValid: boolean;
  chainValid: boolean;
  sealValid: boolean;
  valid: boolean;
}

const OPEN_STATUSES = [ContractStatus.SENT, ContractStatus.SIGNED_BY_SEEKER];

/**
 * Labour contracts signed online (在线签约): offered from an application, signed by the
 * seeker after an identity check, countersigned by the employer, then sealed: the final
 * PDF with its audit page is stored with its digest, and every event is chained by hash.
 */
@Injectable()
export class ContractsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly settings: CountySettingsService,
    private readonly renderer: PdfRenderer,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly outbox: OutboxService,
    private readonly cipher: PersonalDataCipher,
    @Inject(forwardRef(() => ServiceCodesService)) private readonly serviceCodes: ServiceCodesService,
    @Inject(CONTRACT_SIGNER) private readonly signer: ContractSigner,
    private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly personalDataLog: PersonalDataAccessLog,
  ) {}

  onModuleInit(): void {
    this.applications.onMove((manager, move) => this.onApplicationMove(manager, move));
    this.templates.register({
      key: 'contract.sent',
      title: '劳动合同待签署',
      text: '{employer}向您发送了“{job}”岗位的劳动合同，请登录就业服务码平台查看条款并签署。',
    });
    this.templates.register({
      key: 'contract.signing-code',
      title: '合同签署验证码',
      text: '您正在签署{employer}的劳动合同，验证码 {code}，10 分钟内有效。请勿告诉任何人，工作人员和用人单位不会向您索要。',
    });
    this.templates.register({
      key: 'contract.signed-by-seeker',
      title: '劳动合同待盖章',
      text: '{seeker}已签署“{job}”岗位的劳动合同，请登录就业服务码平台核对并盖章（会签），盖章后合同生效。',
    });
    this.templates.register({
      key: 'contract.activated',
      title: '劳动合同已生效',
      text: '您与{employer}的劳动合同已双方签署生效，可随时免费查看、下载和打印（登录后打开）：{link}',
    });
  }

  static contentOf(contract: Pick<Contract, 'content'>): ContractContent {
    return JSON.parse(contract.content) as ContractContent;
  }

  // ---- offering ----

  async offer(actor: Actor, input: OfferContractInput): Promise<Contract> {
    // The division names are read into memory now: inside the transaction only its own connection may be used.
    await this.regions.find('');
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const application = await this.applications.requireManageable(actor, input.applicationId, manager, true);
        if (application.status === ApplicationStatus.SHORTLISTED) {
          await this.applications.transition(
            manager,
            application,
            [ApplicationStatus.SHORTLISTED],
            ApplicationStatus.OFFERED,
            '发出合同',
            actor.accountId,
            null,
          );
        } else if (application.status !== ApplicationStatus.OFFERED) {
          throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, '只能向已入选或已发录用意向的报名发出合同；请先在报名列表中将其设为“入选”', {
            field: 'input.applicationId',
            details: { applicationStatus: application.status },
          });
        }
        const job = await manager.findOneOrFail(Job, { where: { id: application.jobId } });
        const seeker = await manager.findOneOrFail(JobSeeker, { where: { id: application.jobSeekerId } });
        if (!seeker.accountId) {
          throw new ContractsException(
            ContractsExceptionCode.SEEKER_HAS_NO_ACCOUNT,
            '这位求职者还没有绑定自己的账号，无法在线签署；请先请本人用手机注册并“认领登记”，或线下签订书面合同',
          );
        }
        const minimum = {
          monthly: await this.settings.get(MINIMUM_MONTHLY_WAGE, input.terms.workplaceRegionCode, manager),
          hourly: await this.settings.get(MINIMUM_HOURLY_WAGE, input.terms.workplaceRegionCode, manager),
        };
        const terms = validateTerms(input.terms, minimum, countyToday());
        const employer = job.employerId ? await manager.findOneOrFail(Employer, { where: { id: job.employerId }, lock: { mode: 'pessimistic_write' } }) : null;
        const legalRepresentative = input.legalRepresentative?.trim() || employer?.legalRepresentative || null;
        if (employer && !legalRepresentative) {
          throw new ContractsException(
            ContractsExceptionCode.EMPLOYER_DETAILS_MISSING,
            '劳动合同须写明用人单位的法定代表人或主要负责人（劳动合同法第十七条）：请填写后再发出，它会记入单位信息',
            { field: 'input.legalRepresentative' },
          );
        }
        if (employer && legalRepresentative !== employer.legalRepresentative) {
          employer.legalRepresentative = legalRepresentative;
          await manager.update(Employer, { id: employer.id }, { legalRepresentative });
        }
        const contractId = randomUUID();
        const seekerAddress = await this.fullAddress(seeker.regionCode);
        const identity: SeekerIdentity = {
          salt: randomBytes(16).toString('hex'),
          name: seeker.name,
          idNumber: this.cipher.decrypt(seeker.idNumberEncrypted),
          address: seekerAddress,
        };
        const content: ContractContent = {
          contractId,
          templateVersion: CONTRACT_TEMPLATE_VERSION,
          job: { id: job.id, title: job.title },
          parties: {
            employer: employer
              ? { id: employer.id, name: employer.name, creditCode: employer.creditCode, address: employer.address, legalRepresentative }
              : { id: null, name: '县人力资源和社会保障局（公益性岗位）', creditCode: null, address: null, legalRepresentative: null },
            seeker: { id: seeker.id, maskedName: maskName(seeker.name), identityDigest: sha256Hex(canonicalJson(identity)) },
          },
          terms,
        };
        const canonical = canonicalJson(content);
        const contentDigest = sha256Hex(canonical);
        const createdAt = new Date();
        const pdf = await this.renderer.render(contractDocument(content, contentDigest, createdAt, identity));
        const contract = manager.create(Contract, {
          id: contractId,
          applicationId: application.id,
          jobId: job.id,
          jobSeekerId: seeker.id,
          employerId: job.employerId,
          regionCode: job.regionCode,
          status: ContractStatus.SENT,
          templateVersion: CONTRACT_TEMPLATE_VERSION,
          content: canonical,
          contentDigest,
          pdfDigest: sha256Hex(pdf),
          wage: terms.wage,
          wageUnit: terms.wageUnit,
          termKind: terms.termKind,
          startDate: terms.startDate,
          endDate: terms.endDate,
          workplaceRegionCode: terms.workplaceRegionCode,
          seekerIdentityEncrypted: this.cipher.encrypt(JSON.stringify(identity)),
          sealedPdf: null,
          sealedPdfDigest: null,
          chainHead: GENESIS_HASH,
          eventCount: 0,
          createdBy: actor.accountId,
          createdAt,
          seekerSignedAt: null,
          activatedAt: null,
          endedOn: null,
          closingReason: null,
        });
        await manager.insert(Contract, contract);
        await this.append(
          manager,
          contract,
          ContractEventKind.OFFERED,
          actor.accountId,
          { contentDigest, pdfDigest: contract.pdfDigest, templateVersion: CONTRACT_TEMPLATE_VERSION },
          createdAt,
        );
        await this.append(manager, contract, ContractEventKind.SENT, actor.accountId, { to: 'SEEKER' });
        // Its verification code exists from the moment it is sent; the sealed PDF prints it as a QR.
        await this.serviceCodes.issueWithin(
          manager,
          actor.accountId,
          { targetKind: ServiceCodeTargetKind.CONTRACT, targetId: contractId, label: '劳动合同核验' },
          job.regionCode,
        );
        await this.notifications.send(manager, {
          to: { accountId: seeker.accountId },
          channel: NotificationChannel.IN_APP,
          template: 'contract.sent',
          params: { employer: content.parties.employer.name, job: job.title },
          idempotencyKey: `contract:${contractId}:sent`,
        });
        return contract;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'contract_one_open_per_application')) {
        throw new ContractsException(
          ContractsExceptionCode.OPEN_CONTRACT_EXISTS,
          '这条报名已有一份未完成或已生效的合同；如需修改条款，请先撤销原合同再重新发出',
          {
            field: 'input.applicationId',
          },
        );
      }
      throw error;
    }
  }

  // ---- the seeker signs ----

  /** Sends a 6-digit code to the seeker's phone. Only the seeker's own account may ask. */
  async requestSigningCode(actor: Actor, contractId: string): Promise<Date> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await this.lock(manager, contractId);
      const seeker = await this.requireSigner(actor, contract, manager);
      this.assertStatus(contract, [ContractStatus.SENT], '获取签署验证码');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(Date.now() + SIGNING_CODE_TTL_MS);
      // A new code replaces any earlier one.
      await manager.update(SigningCode, { contractId: contract.id, usedAt: IsNull() }, { expiresAt: new Date() });
      const saved = await manager.save(
        manager.create(SigningCode, { contractId: contract.id, accountId: actor.accountId, codeHash: this.codeHash(contract.id, code), expiresAt }),
      );
      await this.notifications.send(manager, {
        to: { accountId: actor.accountId, phone: this.cipher.decrypt(seeker.phoneEncrypted) },
        channel: NotificationChannel.SMS,
        template: 'contract.signing-code',
        params: { employer: ContractsService.contentOf(contract).parties.employer.name, code },
        idempotencyKey: `contract:${contract.id}:code:${saved.id}`,
      });
      await this.append(manager, contract, ContractEventKind.SIGNING_CODE_SENT, actor.accountId, { channel: 'SMS', expiresAt: expiresAt.toISOString() });
      return expiresAt;
    });
  }

  private codeHash(contractId: string, code: string): string {
    return this.cipher.hash(`${contractId}:${code}`, CODE_PURPOSE);
  }

  /**
   * SENT → SIGNED_BY_SEEKER after the identity check (name, last six of the ID number, the
   * one-time code) and the explicit confirmation. Signing again is idempotent. A failed
   * check is counted even though the request fails.
   */
  async sign(actor: Actor, input: SignContractInput): Promise<Contract> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const contract = await this.lock(manager, input.contractId);
      const seeker = await this.requireSigner(actor, contract, manager);
      const previous = await manager.findOne(ContractSignature, { where: { contractId: contract.id, party: SignatureParty.SEEKER } });
      if (previous) {
        if (previous.digest !== input.digest) throw this.digestMismatch();
        return { contract };
      }
      this.assertStatus(contract, [ContractStatus.SENT], '签署');
      if (input.digest !== contract.contentDigest) throw this.digestMismatch();

      const code = await manager.findOne(SigningCode, {
        where: { contractId: contract.id, accountId: actor.accountId },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!code || code.usedAt) {
        throw new ContractsException(ContractsExceptionCode.CODE_INVALID, '请先点击“获取验证码”，用手机收到的验证码签署', { field: 'input.code' });
      }
      if (code.attempts >= SIGNING_CODE_MAX_ATTEMPTS) {
        throw new ContractsException(ContractsExceptionCode.TOO_MANY_ATTEMPTS, `验证码已输错 ${SIGNING_CODE_MAX_ATTEMPTS} 次，已失效；请重新获取验证码`, {
          field: 'input.code',
        });
      }
      if (code.expiresAt.getTime() <= Date.now()) {
        throw new ContractsException(ContractsExceptionCode.CODE_EXPIRED, '验证码已过期（10 分钟内有效），请重新获取', { field: 'input.code' });
      }
      const failure = this.identityFailure(seeker, input) ?? (this.sameHash(code.codeHash, this.codeHash(contract.id, input.code)) ? null : 'code');
      if (failure) {
        code.attempts += 1;
        await manager.save(code);
        const left = SIGNING_CODE_MAX_ATTEMPTS - code.attempts;
        const what = failure === 'code' ? '验证码不正确' : '姓名或身份证号后六位与求职登记不符';
        return {
          error: new ContractsException(
            failure === 'code' ? ContractsExceptionCode.CODE_INVALID : ContractsExceptionCode.IDENTITY_MISMATCH,
            `${what}，请核对后重试${left > 0 ? `（还可尝试 ${left} 次）` : '；验证码已失效，请重新获取'}`,
            { field: failure === 'code' ? 'input.code' : 'input.name', details: { attemptsLeft: left } },
          ),
        };
      }
      code.usedAt = new Date();
      await manager.save(code);
      const signedAt = new Date();
      await manager.insert(ContractSignature, {
        contractId: contract.id,
        party: SignatureParty.SEEKER,
        accountId: actor.accountId,
        identityCheck: SEEKER_IDENTITY_CHECK,
        digest: contract.contentDigest,
        signedAt,
      });
      contract.status = ContractStatus.SIGNED_BY_SEEKER;
      contract.seekerSignedAt = signedAt;
      await this.append(
        manager,
        contract,
        ContractEventKind.SIGNED_BY_SEEKER,
        actor.accountId,
        { identityCheck: SEEKER_IDENTITY_CHECK, digest: contract.contentDigest, confirmedTerms: true, signingCodeId: code.id },
        signedAt,
      );
      // The employer's people countersign next: tell them, in this transaction.
      const job = await manager.findOne(Job, { where: { id: contract.jobId }, select: { id: true, title: true } });
      await this.notifications.sendToAccounts(manager, await employerMemberAccountIds(manager, contract.employerId), {
        template: 'contract.signed-by-seeker',
        params: { seeker: maskName(seeker.name), job: job?.title ?? '招聘' },
        idempotencyKey: `contract:${contract.id}:signed-by-seeker`,
      });
      return { contract };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.contract;
  }

  private identityFailure(seeker: JobSeeker, input: SignContractInput): 'identity' | null {
    const idNumber = this.cipher.decrypt(seeker.idNumberEncrypted).toUpperCase();
    const nameOk = seeker.name.trim() === input.name.trim();
    const idOk = idNumber.slice(-6) === input.idNumberLast6.toUpperCase();
    return nameOk && idOk ? null : 'identity';
  }

  private sameHash(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }

  private digestMismatch() {
    return new ContractsException(ContractsExceptionCode.DIGEST_MISMATCH, '合同内容与您看到的不一致（摘要不符），请刷新后重新阅读合同再签署', {
      field: 'input.digest',
    });
  }

  /** The seeker of the contract, if the actor is that seeker's own account; FORBIDDEN for anyone else who may see it. */
  private async requireSigner(actor: Actor, contract: Contract, manager: EntityManager): Promise<JobSeeker> {
    const seeker = await manager.findOneOrFail(JobSeeker, { where: { id: contract.jobSeekerId } });
    if (actor.role === Role.SEEKER && seeker.accountId === actor.accountId) return seeker;
    if (actor.role === Role.SEEKER) throw contractNotFound();
    throw new ContractsException(ContractsExceptionCode.NOT_THE_SIGNER, '只有劳动者本人能用自己的账号获取验证码并签署合同，他人不能代签');
  }

  async decline(actor: Actor, contractId: string, reason: string): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await this.lock(manager, contractId);
      await this.requireSigner(actor, contract, manager);
      this.assertStatus(contract, [ContractStatus.SENT], '拒签');
      await this.close(manager, contract, ContractStatus.DECLINED, actor.accountId, reason.trim());
      return contract;
    });
  }

  // ---- the employer countersigns ----

  /**
   * SIGNED_BY_SEEKER → ACTIVE under a row lock: a second countersign (even from another API
   * process at the same moment) finds it ACTIVE and returns it unchanged. Seals the contract,
   * marks the application HIRED, publishes `contract.activated` and tells the seeker.
   */
  async countersign(actor: Actor, input: CountersignContractInput): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      // Application first, then contract: the order every path that touches both takes (see onApplicationMove).
      const found = await manager.findOne(Contract, { where: { id: input.contractId }, select: { id: true, applicationId: true } });
      if (!found) throw contractNotFound();
      const application = await manager.findOneOrFail(Application, { where: { id: found.applicationId }, lock: { mode: 'pessimistic_write' } });
      const contract = await this.lock(manager, input.contractId);
      await this.requireEmployerSide(actor, contract, manager);
      if (input.digest !== contract.contentDigest) throw this.digestMismatch();
      if (contract.status === ContractStatus.ACTIVE || contract.status === ContractStatus.ENDED) return contract;
      this.assertStatus(contract, [ContractStatus.SIGNED_BY_SEEKER], '签署生效');
      if (application.status !== ApplicationStatus.OFFERED && application.status !== ApplicationStatus.HIRED) {
        throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, '这条报名已撤回或未录用，合同不能生效；请先撤销这份合同', {
          details: { applicationStatus: application.status },
        });
      }
      const signedAt = new Date();
      const identityCheck = actor.role === Role.EMPLOYER ? 'EMPLOYER_MEMBER_SESSION' : 'STAFF_SESSION';
      await manager.insert(ContractSignature, {
        contractId: contract.id,
        party: SignatureParty.EMPLOYER,
        accountId: actor.accountId,
        identityCheck,
        digest: contract.contentDigest,
        signedAt,
      });
      await this.append(manager, contract, ContractEventKind.COUNTERSIGNED, actor.accountId, { identityCheck, digest: contract.contentDigest }, signedAt);
      await this.seal(manager, contract, signedAt, actor.accountId);

      if (application.status === ApplicationStatus.OFFERED) {
        await this.applications.transition(manager, application, [ApplicationStatus.OFFERED], ApplicationStatus.HIRED, '录用', actor.accountId, null);
      }
      const content = ContractsService.contentOf(contract);
      const payload: ContractActivatedPayload = {
        contractId: contract.id,
        applicationId: contract.applicationId,
        jobId: contract.jobId,
        seekerId: contract.jobSeekerId,
        employerId: contract.employerId ?? '',
        startDate: contract.startDate,
        endDate: contract.endDate,
        wage: contract.wage,
        wageUnit: contract.wageUnit,
        monthlyWage: monthlyEquivalent(contract.wage, contract.wageUnit),
        termKind: contract.termKind,
        workplaceRegionCode: contract.workplaceRegionCode,
      };
      await this.outbox.publish(manager, {
        type: CONTRACT_ACTIVATED,
        aggregateId: contract.id,
        payload: { ...payload },
        idempotencyKey: `${CONTRACT_ACTIVATED}:${contract.id}`,
      });
      const seeker = await manager.findOneOrFail(JobSeeker, { where: { id: contract.jobSeekerId } });
      if (seeker.accountId) {
        await this.notifications.send(manager, {
          to: { accountId: seeker.accountId },
          channel: NotificationChannel.IN_APP,
          template: 'contract.activated',
          params: { employer: content.parties.employer.name, link: `${this.config.publicUrl}/m/contracts/${contract.id}` },
          idempotencyKey: `contract:${contract.id}:activated`,
        });
      }
      return contract;
    });
  }

  /** `广西壮族自治区桂林市资源县瓜里乡金江村`: every division name from the top down (the in-memory tree). */
  private async fullAddress(code: string): Promise<string> {
    const names: string[] = [];
    for (let region = await this.regions.find(code); region; region = region.parentCode ? await this.regions.find(region.parentCode) : undefined) {
      names.unshift(region.name);
    }
    return names.join('');
  }

  /** The worker as the parties' copies print them; null for contracts made before labour-2026.2. */
  private identityOf(contract: Pick<Contract, 'seekerIdentityEncrypted'>): SeekerIdentity | null {
    return contract.seekerIdentityEncrypted ? (JSON.parse(this.cipher.decrypt(contract.seekerIdentityEncrypted)) as SeekerIdentity) : null;
  }

  /** Renders the final PDF with the audit page, has the signer seal it, and stores it with its digest: the contract is ACTIVE and frozen. */
  private async seal(manager: EntityManager, contract: Contract, sealedAt: Date, sealedBy: string): Promise<void> {
    const events = await manager.find(ContractEvent, { where: { contractId: contract.id }, order: { seq: 'ASC' } });
    // Contracts sent before codes were issued on sending get theirs now.
    const code = await this.serviceCodes.issueWithin(
      manager,
      sealedBy,
      { targetKind: ServiceCodeTargetKind.CONTRACT, targetId: contract.id, label: '劳动合同核验' },
      contract.regionCode,
    );
    const document = sealedContractDocument(
      ContractsService.contentOf(contract),
      contract.createdAt,
      sealedAt,
      {
        events,
        contentDigest: contract.contentDigest,
        pdfDigest: contract.pdfDigest,
        chainHead: contract.chainHead,
        verificationUrl: this.serviceCodes.scanUrl(code.token),
      },
      this.identityOf(contract),
    );
    const rendered = await this.renderer.render(document);
    // The signer may add a PDF signature: the digest is always that of the final bytes.
    const { pdf, record } = await this.signer.seal(rendered, { contractId: contract.id, sealedAt });
    contract.sealedPdf = pdf;
    contract.sealedPdfDigest = sha256Hex(pdf);
    contract.status = ContractStatus.ACTIVE;
    contract.activatedAt = sealedAt;
    await this.append(manager, contract, ContractEventKind.SEALED, null, { sealedPdfDigest: contract.sealedPdfDigest, ...record }, sealedAt);
  }

  async cancel(actor: Actor, contractId: string, reason: string): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await this.lock(manager, contractId);
      await this.requireEmployerSide(actor, contract, manager);
      this.assertStatus(contract, OPEN_STATUSES, '撤销');
      await this.close(manager, contract, ContractStatus.CANCELLED, actor.accountId, reason.trim());
      return contract;
    });
  }

  /**
   * Keeps a contract and its application consistent, in the transaction of a move made by a
   * person (the application's row is locked; the contract's is locked here, in that order as
   * everywhere). Withdrawing or rejecting the application cancels its open contract; hiring by
   * hand while a contract is being signed is refused, since countersigning hires.
   */
  private async onApplicationMove(manager: EntityManager, move: ApplicationMoveEvent): Promise<void> {
    if (move.from === ApplicationStatus.HIRED) {
      const active = await manager.findOne(Contract, { where: { applicationId: move.application.id, status: ContractStatus.ACTIVE } });
      if (active) {
        throw new ContractsException(
          ContractsExceptionCode.OPEN_CONTRACT_EXISTS,
          '这条报名的劳动合同已生效，不能直接撤销录用；如双方解除劳动关系，请终止合同',
          { field: 'input.move', details: { contractId: active.id, contractStatus: active.status } },
        );
      }
      return;
    }
    const cause = move.to === ApplicationStatus.WITHDRAWN ? 'APPLICATION_WITHDRAWN' : move.to === ApplicationStatus.REJECTED ? 'APPLICATION_REJECTED' : null;
    if (!cause && move.to !== ApplicationStatus.HIRED) return;
    const contract = await manager.findOne(Contract, {
      where: { applicationId: move.application.id, status: In(OPEN_STATUSES) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!contract) return;
    if (!cause) {
      throw new ContractsException(
        ContractsExceptionCode.OPEN_CONTRACT_EXISTS,
        '这条报名有一份在线劳动合同正在签署，双方签署后会自动录用，不必手动录用；如不再在线签约，请先撤销合同',
        { field: 'input.move', details: { contractId: contract.id, contractStatus: contract.status } },
      );
    }
    const reason = cause === 'APPLICATION_WITHDRAWN' ? '求职者撤回了报名' : `用人单位不录用：${move.reason ?? ''}`;
    await this.close(manager, contract, ContractStatus.CANCELLED, move.actorAccountId, [...reason].slice(0, 200).join(''), {
      cause,
      applicationId: move.application.id,
    });
  }

  /**
   * DECLINED or CANCELLED, in the caller's transaction with the contract locked: the reason is
   * kept, the event chained, and any unused signing code stops working.
   */
  private async close(
    manager: EntityManager,
    contract: Contract,
    status: ContractStatus.DECLINED | ContractStatus.CANCELLED,
    actorAccountId: string,
    reason: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    contract.status = status;
    contract.closingReason = reason;
    const invalidated = await manager.update(
      SigningCode,
      { contractId: contract.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      { expiresAt: new Date() },
    );
    const kind = status === ContractStatus.DECLINED ? ContractEventKind.DECLINED : ContractEventKind.CANCELLED;
    await this.append(manager, contract, kind, actorAccountId, { reason, ...data, signingCodesInvalidated: invalidated.affected ?? 0 });
  }

  /** ACTIVE → ENDED; publishes `contract.ended`. Only the end date and reason are recorded; the sealed content stays as it is. */
  async end(actor: Actor, input: EndContractInput): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await this.lock(manager, input.contractId);
      await this.requireEmployerSide(actor, contract, manager);
      this.assertStatus(contract, [ContractStatus.ACTIVE], '终止');
      if (input.endDate < contract.startDate) {
        throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, `终止日期不能早于合同开始日期 ${contract.startDate}`, {
          field: 'input.endDate',
        });
      }
      contract.status = ContractStatus.ENDED;
      contract.endedOn = input.endDate;
      contract.closingReason = input.reason.trim();
      await this.append(manager, contract, ContractEventKind.ENDED, actor.accountId, { endDate: input.endDate, reason: contract.closingReason });
      const payload: ContractEndedPayload = { contractId: contract.id, seekerId: contract.jobSeekerId, endDate: input.endDate };
      await this.outbox.publish(manager, {
        type: CONTRACT_ENDED,
        aggregateId: contract.id,
        payload: { ...payload },
        idempotencyKey: `${CONTRACT_ENDED}:${contract.id}`,
      });
      return contract;
    });
  }

  private async requireEmployerSide(actor: Actor, contract: Contract, manager: EntityManager): Promise<void> {
    if (await this.applications.actsForJobSide(actor, contract, manager)) return;
    throw contractNotFound();
  }

  // ---- reading ----

  /** The caller's contracts: a seeker's own, or those of the employers an employer account belongs to; newest first. */
  async mine(actor: Actor, limit = 100): Promise<Contract[]> {
    const qb = this.dataSource.manager.createQueryBuilder(Contract, 'c').orderBy('c.created_at', 'DESC').take(limit);
    if (actor.role === Role.SEEKER) qb.where('c.job_seeker_id IN (SELECT s.id FROM job_seeker s WHERE s.account_id = :me)', { me: actor.accountId });
    else qb.where('c.employer_id IN (SELECT m.employer_id FROM employer_member m WHERE m.account_id = :me)', { me: actor.accountId });
    return qb.getMany();
  }

  /** The contract for its seeker, the employer's members, and staff whose region holds it. */
  async requireVisible(actor: Actor, contractId: string): Promise<Contract> {
    const contract = await this.dataSource.manager.findOne(Contract, { where: { id: contractId } });
    if (!contract) throw contractNotFound();
    if (await this.applications.isOwnSeeker(actor, contract.jobSeekerId)) return contract;
    if (await this.applications.actsForJobSide(actor, contract)) return contract;
    throw contractNotFound();
  }

  async signaturesOf(contractIds: readonly string[]): Promise<Map<string, ContractSignature[]>> {
    const rows = await this.dataSource.manager.find(ContractSignature, { where: { contractId: In([...contractIds]) }, order: { signedAt: 'ASC' } });
    const map = new Map<string, ContractSignature[]>();
    for (const row of rows) map.set(row.contractId, [...(map.get(row.contractId) ?? []), row]);
    return map;
  }

  /** The scan address of each contract's active verification code. */
  async verificationUrlsOf(contractIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { target_id: string; token: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (target_id) target_id, token FROM service_code
        WHERE target_kind = 'CONTRACT' AND target_id = ANY($1::uuid[]) AND revoked_at IS NULL AND replaced_by_id IS NULL
          AND (expires_at IS NULL OR expires_at > now())
        ORDER BY target_id, issued_at DESC`,
      [contractIds],
    );
    return new Map(rows.map((r) => [r.target_id, this.serviceCodes.scanUrl(r.token)]));
  }

  /** The PDF a party downloads: the sealed one once ACTIVE, otherwise the contract as offered (re-rendered, byte-identical). */
  async pdf(actor: Actor, contractId: string, context: RequestContext, channel: string): Promise<{ pdf: Buffer; contract: Contract }> {
    const contract = await this.requireVisible(actor, contractId);
    // The parties' copy names the worker with the full ID number: a read by anyone but the worker is logged.
    const seeker = await this.dataSource.manager.findOne(JobSeeker, { where: { id: contract.jobSeekerId }, select: { id: true, accountId: true } });
    if (contract.seekerIdentityEncrypted && seeker?.accountId !== actor.accountId) {
      await this.personalDataLog.logRead(context, {
        subjectKind: 'JobSeeker',
        subjectId: contract.jobSeekerId,
        field: PersonalDataField.ID_NUMBER,
        purpose: '劳动合同当事人文本（写明乙方身份证号）',
        channel,
      });
    }
    if (contract.sealedPdfDigest) {
      const [row] = (await this.dataSource.query(`SELECT sealed_pdf FROM contract WHERE id = $1`, [contract.id])) as { sealed_pdf: Buffer }[];
      return { pdf: row.sealed_pdf, contract };
    }
    const document = contractDocument(ContractsService.contentOf(contract), contract.contentDigest, contract.createdAt, this.identityOf(contract));
    return { pdf: await this.renderer.render(document), contract };
  }

  /**
   * What a scan of the contract's code shows, to anyone: status, masked parties, dates,
   * digests, and whether the stored content, the sealed PDF and the event chain are intact.
   */
  async verificationView(contractId: string): Promise<ContractVerification> {
    const [row] = (await this.dataSource.query(`SELECT sealed_pdf FROM contract WHERE id = $1`, [contractId])) as { sealed_pdf: Buffer | null }[];
    const contract = row ? await this.dataSource.manager.findOne(Contract, { where: { id: contractId } }) : null;
    if (!contract) throw contractNotFound();
    const events = await this.dataSource.manager.find(ContractEvent, { where: { contractId }, order: { seq: 'ASC' } });
    let content: ContractContent | null = null;
    try {
      content = ContractsService.contentOf(contract);
    } catch {
      content = null;
    }
    const contentValid = content !== null && sha256Hex(contract.content) === contract.contentDigest && content.contractId === contract.id;
    const chainValid = chainIsValid(events, contract.chainHead, contract.eventCount);
    const sealed = contract.status === ContractStatus.ACTIVE || contract.status === ContractStatus.ENDED;
    const sealValid = sealed
      ? row.sealed_pdf !== null && sha256Hex(row.sealed_pdf) === contract.sealedPdfDigest && this.sealEventMatches(events, contract.sealedPdfDigest)
      : true;
    const seal = (events.find((e) => e.kind === ContractEventKind.SEALED)?.data ?? null) as Partial<SealRecord> | null;
    return {
      contractId: contract.id,
      status: contract.status,
      employerName: content?.parties.employer.name ?? '',
      seekerMaskedName: content?.parties.seeker.maskedName ?? '',
      jobTitle: content?.job.title ?? '',
      startDate: contract.startDate,
      endDate: contract.endedOn ?? contract.endDate,
      seekerSignedAt: contract.seekerSignedAt,
      activatedAt: contract.activatedAt,
      contentDigest: contract.contentDigest,
      pdfDigest: contract.pdfDigest,
      sealedPdfDigest: contract.sealedPdfDigest,
      sealedBy: seal?.signer ?? null,
      signingCertificateSubject: seal?.certificateSubject ?? null,
      signingCertificateSha256: seal?.certificateSha256 ?? null,
      contentValid,
      chainValid,
      sealValid,
      valid: contentValid && chainValid && sealValid,
    };
  }

  /** The sealed digest must also be the one the chain recorded at sealing time. */
  private sealEventMatches(events: readonly ContractEvent[], digest: string | null): boolean {
    const sealedEvent = events.find((e) => e.kind === ContractEventKind.SEALED);
    return sealedEvent !== undefined && (sealedEvent.data as { sealedPdfDigest?: string }).sealedPdfDigest === digest;
  }

  /** Checks a pasted digest (of the content, the PDF as offered, or the sealed PDF) against the contract. */
  async checkDigest(
    target: { contractId?: string; token?: string },
    digest: string,
  ): Promise<{ result: ContractFileCheckResult; message: string; matches: boolean; matched: MatchedDigest | null; verification: ContractVerification }> {
    const contractId = await this.contractIdOf(target);
    const verification = await this.verificationView(contractId);
    const wanted = digest.toLowerCase();
    const matched =
      wanted === verification.sealedPdfDigest
        ? MatchedDigest.SEALED_PDF
        : wanted === verification.contentDigest
          ? MatchedDigest.CONTENT
          : wanted === verification.pdfDigest
            ? MatchedDigest.PDF
            : null;
    const result =
      matched === null
        ? ContractFileCheckResult.MISMATCH
        : !verification.valid
          ? ContractFileCheckResult.RECORD_DAMAGED
          : matched === MatchedDigest.SEALED_PDF
            ? ContractFileCheckResult.SEALED_ORIGINAL
            : ContractFileCheckResult.MATCHES_UNSEALED;
    // The verdict on *this file* first, in words; the stored record's own state is beside it.
    return { result, message: FILE_CHECK_MESSAGES[result](matched), matches: matched !== null && verification.valid, matched, verification };
  }

  private async contractIdOf(target: { contractId?: string; token?: string }): Promise<string> {
    if (target.contractId) return target.contractId;
    if (!target.token)
      throw new ContractsException(ContractsExceptionCode.CONTRACT_NOT_FOUND, '请提供合同编号（contractId）或扫码所得的 token', { field: 'input.contractId' });
    const resolved = await this.serviceCodes.resolve(target.token);
    if (resolved.code.targetKind !== ServiceCodeTargetKind.CONTRACT) throw contractNotFound();
    return resolved.code.targetId;
  }

  // ---- internals ----

  private async lock(manager: EntityManager, contractId: string): Promise<Contract> {
    const contract = await manager.findOne(Contract, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
    if (!contract) throw contractNotFound();
    return contract;
  }

  private assertStatus(contract: Contract, allowed: ContractStatus[], verb: string): void {
    if (!allowed.includes(contract.status)) {
      throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, `合同当前为“${CONTRACT_STATUS_WORD[contract.status]}”，不能${verb}`, {
        details: { status: contract.status },
      });
    }
  }

  /** Appends one chained event and saves the contract's new head, in the caller's transaction (the contract row is locked). */
  private async append(
    manager: EntityManager,
    contract: Contract,
    kind: ContractEventKind,
    actorAccountId: string | null,
    data: Record<string, unknown>,
    occurredAt = new Date(),
  ): Promise<void> {
    const event = { contractId: contract.id, seq: contract.eventCount + 1, kind, actorAccountId, data, occurredAt };
    const hash = eventHash(contract.chainHead, event);
    await manager.save(manager.create(ContractEvent, { ...event, prevHash: contract.chainHead, hash }));
    contract.chainHead = hash;
    contract.eventCount = event.seq;
    const { sealedPdf, ...rest } = contract;
    await manager.update(Contract, { id: contract.id }, sealedPdf ? { ...rest, sealedPdf } : rest);
  }
}

const FILE_CHECK_MESSAGES: Record<ContractFileCheckResult, (matched: MatchedDigest | null) => string> = {
  SEALED_ORIGINAL: () => '核验通过：这份文件就是平台封存的合同，内容未被改动。',
  MATCHES_UNSEALED: (matched) =>
    matched === MatchedDigest.CONTENT
      ? '这是合同内容的摘要，与平台记录一致；它不是封存后的合同文件，核验文件请上传平台下载的 PDF。'
      : '这份文件与签署前的合同正文一致，但不是封存后的合同文件；请以平台下载的封存版为准。',
  MISMATCH: () => '核验不通过：这份文件与平台封存的合同不一致，可能被改动过，或不是这份合同。请以平台上下载的合同为准。',
  RECORD_DAMAGED: () => '这份文件与记录一致，但平台上的合同记录核验未通过，请勿以此为据，并联系当地人社部门。',
};
