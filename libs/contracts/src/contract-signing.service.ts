import { randomInt, timingSafeEqual } from 'node:crypto';

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { type Actor, maskName, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { employerMemberAccountIds } from '@jobcode/employers';
import { Job } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { JobSeeker } from '@jobcode/seekers';

import { ContractEventKind } from './contract-event.entity';
import { appendContractEvent, assertContractStatus, closeContract, contentOf, digestMismatch, lockContract } from './contract-ledger';
import { ContractSignature, SignatureParty } from './contract-signature.entity';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { contractNotFound, ContractsException, ContractsExceptionCode } from './contracts.exception';
import { type SignContractInput } from './dto/contract.inputs';
import { SigningCode } from './signing-code.entity';

export const SIGNING_CODE_TTL_MS = 10 * 60 * 1000;
export const SIGNING_CODE_MAX_ATTEMPTS = 5;
export const SEEKER_IDENTITY_CHECK = 'NAME+ID_LAST6+SMS_OTP';
const CODE_PURPOSE = 'contract-signing-code';

/**
 * The seeker signs (劳动者签署): a one-time code texted to the phone on record, the identity
 * check (name, last six of the ID number, the code) with its counted attempts, the signature,
 * and the employer's people told to countersign; or the seeker declines.
 */
@Injectable()
export class ContractSigningService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
  ) {}

  onModuleInit(): void {
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
  }

  /** Sends a 6-digit code to the seeker's phone. Only the seeker's own account may ask. */
  async requestSigningCode(actor: Actor, contractId: string): Promise<Date> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await lockContract(manager, contractId);
      const seeker = await this.requireSigner(actor, contract, manager);
      assertContractStatus(contract, [ContractStatus.SENT], '获取签署验证码');
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
        params: { employer: contentOf(contract).parties.employer.name, code },
        idempotencyKey: `contract:${contract.id}:code:${saved.id}`,
      });
      await appendContractEvent(manager, contract, ContractEventKind.SIGNING_CODE_SENT, actor.accountId, {
        channel: 'SMS',
        expiresAt: expiresAt.toISOString(),
      });
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
      const contract = await lockContract(manager, input.contractId);
      const seeker = await this.requireSigner(actor, contract, manager);
      const previous = await manager.findOne(ContractSignature, { where: { contractId: contract.id, party: SignatureParty.SEEKER } });
      if (previous) {
        if (previous.digest !== input.digest) throw digestMismatch();
        return { contract };
      }
      assertContractStatus(contract, [ContractStatus.SENT], '签署');
      if (input.digest !== contract.contentDigest) throw digestMismatch();

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
      await appendContractEvent(
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

  /** The seeker of the contract, if the actor is that seeker's own account; FORBIDDEN for anyone else who may see it. */
  private async requireSigner(actor: Actor, contract: Contract, manager: EntityManager): Promise<JobSeeker> {
    const seeker = await manager.findOneOrFail(JobSeeker, { where: { id: contract.jobSeekerId } });
    if (actor.role === Role.SEEKER && seeker.accountId === actor.accountId) return seeker;
    if (actor.role === Role.SEEKER) throw contractNotFound();
    throw new ContractsException(ContractsExceptionCode.NOT_THE_SIGNER, '只有劳动者本人能用自己的账号获取验证码并签署合同，他人不能代签');
  }

  async decline(actor: Actor, contractId: string, reason: string): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await lockContract(manager, contractId);
      await this.requireSigner(actor, contract, manager);
      assertContractStatus(contract, [ContractStatus.SENT], '拒签');
      await closeContract(manager, contract, ContractStatus.DECLINED, actor.accountId, reason.trim());
      return contract;
    });
  }
}
