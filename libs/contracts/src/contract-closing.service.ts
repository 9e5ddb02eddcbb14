import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { type ApplicationMoveEvent, ApplicationsService, ApplicationStatus } from '@jobcode/applications';
import { type Actor } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { ContractEventKind } from './contract-event.entity';
import { appendContractEvent, assertContractStatus, closeContract, lockContract, OPEN_STATUSES, requireEmployerSide } from './contract-ledger';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { CONTRACT_ENDED, type ContractEndedPayload } from './contracts.events';
import { ContractsException, ContractsExceptionCode } from './contracts.exception';
import { type EndContractInput } from './dto/contract.inputs';

/**
 * How a contract closes: the employer side cancels one not yet in force or ends an ACTIVE one
 * (`contract.ended`), and moves of its application keep it consistent (withdrawn or rejected
 * cancels it; hiring by hand while it is being signed is refused).
 */
@Injectable()
export class ContractClosingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.applications.onMove((manager, move) => this.onApplicationMove(manager, move));
  }

  async cancel(actor: Actor, contractId: string, reason: string): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await lockContract(manager, contractId);
      await requireEmployerSide(this.applications, actor, contract, manager);
      assertContractStatus(contract, OPEN_STATUSES, '撤销');
      await closeContract(manager, contract, ContractStatus.CANCELLED, actor.accountId, reason.trim());
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
    await closeContract(manager, contract, ContractStatus.CANCELLED, move.actorAccountId, [...reason].slice(0, 200).join(''), {
      cause,
      applicationId: move.application.id,
    });
  }

  /** ACTIVE → ENDED; publishes `contract.ended`. Only the end date and reason are recorded; the sealed content stays as it is. */
  async end(actor: Actor, input: EndContractInput): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      const contract = await lockContract(manager, input.contractId);
      await requireEmployerSide(this.applications, actor, contract, manager);
      assertContractStatus(contract, [ContractStatus.ACTIVE], '终止');
      if (input.endDate < contract.startDate) {
        throw new ContractsException(ContractsExceptionCode.INVALID_TRANSITION, `终止日期不能早于合同开始日期 ${contract.startDate}`, {
          field: 'input.endDate',
        });
      }
      contract.status = ContractStatus.ENDED;
      contract.endedOn = input.endDate;
      contract.closingReason = input.reason.trim();
      await appendContractEvent(manager, contract, ContractEventKind.ENDED, actor.accountId, { endDate: input.endDate, reason: contract.closingReason });
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
}
