import { type EntityManager, IsNull, MoreThan } from 'typeorm';

import { type ApplicationsService } from '@jobcode/applications';
import { type Actor } from '@jobcode/common';
import { type PersonalDataCipher } from '@jobcode/personal-data';

import { eventHash } from './contract-chain';
import { type ContractContent, type SeekerIdentity } from './contract-document';
import { ContractEvent, ContractEventKind } from './contract-event.entity';
import { Contract } from './contract.entity';
import { CONTRACT_STATUS_WORD, ContractStatus } from './contract.enums';
import { contractNotFound, ContractsException, ContractsExceptionCode } from './contracts.exception';
import { SigningCode } from './signing-code.entity';

/**
 * What every change to a contract goes through, whichever service makes it: the row lock, the
 * status check, the chained event that records it, and the stored content read back.
 */

export const OPEN_STATUSES = [ContractStatus.SENT, ContractStatus.SIGNED_BY_SEEKER];

/** The canonical content as offered (and signed). */
export function contentOf(contract: Pick<Contract, 'content'>): ContractContent {
  return JSON.parse(contract.content) as ContractContent;
}

/** The worker as the parties' copies print them; null for contracts made before labour-2026.2. */
export function seekerIdentityOf(cipher: PersonalDataCipher, contract: Pick<Contract, 'seekerIdentityEncrypted'>): SeekerIdentity | null {
  return contract.seekerIdentityEncrypted ? (JSON.parse(cipher.decrypt(contract.seekerIdentityEncrypted)) as SeekerIdentity) : null;
}

export async function lockContract(manager: EntityManager, contractId: string): Promise<Contract> {
  const contract = await manager.findOne(Contract, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
  if (!contract) throw contractNotFound();
  return contract;
}

export function assertContractStatus(contract: Contract, allowed: ContractStatus[], verb: string): void {
  if (!allowed.includes(contract.status)) {
    throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, `合同当前为“${CONTRACT_STATUS_WORD[contract.status]}”，不能${verb}`, {
      details: { status: contract.status },
    });
  }
}

/** The employer's members, or staff whose region holds the contract; NOT_FOUND for anyone else. */
export async function requireEmployerSide(applications: ApplicationsService, actor: Actor, contract: Contract, manager: EntityManager): Promise<void> {
  if (await applications.actsForJobSide(actor, contract, manager)) return;
  throw contractNotFound();
}

export function digestMismatch(): ContractsException {
  return new ContractsException(ContractsExceptionCode.DIGEST_MISMATCH, '合同内容与您看到的不一致（摘要不符），请刷新后重新阅读合同再签署', {
    field: 'input.digest',
  });
}

/** Appends one chained event and saves the contract's new head, in the caller's transaction (the contract row is locked). */
export async function appendContractEvent(
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

/**
 * DECLINED or CANCELLED, in the caller's transaction with the contract locked: the reason is
 * kept, the event chained, and any unused signing code stops working.
 */
export async function closeContract(
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
  await appendContractEvent(manager, contract, kind, actorAccountId, { reason, ...data, signingCodesInvalidated: invalidated.affected ?? 0 });
}
