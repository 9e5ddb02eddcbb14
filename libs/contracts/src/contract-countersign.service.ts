import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Application, ApplicationsService, ApplicationStatus } from '@jobcode/applications';
import { type Actor, AppConfig, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { monthlyEquivalent } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { JobSeeker } from '@jobcode/seekers';

import { ContractEventKind } from './contract-event.entity';
import { appendContractEvent, assertContractStatus, contentOf, digestMismatch, lockContract, requireEmployerSide } from './contract-ledger';
import { ContractSealer } from './contract-sealer';
import { ContractSignature, SignatureParty } from './contract-signature.entity';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { CONTRACT_ACTIVATED, type ContractActivatedPayload } from './contracts.events';
import { contractNotFound, ContractsException, ContractsExceptionCode } from './contracts.exception';
import { type CountersignContractInput } from './dto/contract.inputs';

/**
 * The employer countersigns (用人单位签署): the contract is sealed and ACTIVE, the application
 * HIRED, `contract.activated` published and the seeker told, all in one transaction.
 */
@Injectable()
export class ContractCountersignService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly sealer: ContractSealer,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.templates.register({
      key: 'contract.activated',
      title: '劳动合同已生效',
      text: '您与{employer}的劳动合同已双方签署生效，可随时免费查看、下载和打印（登录后打开）：{link}',
    });
  }

  /**
   * SIGNED_BY_SEEKER → ACTIVE under a row lock: a second countersign (even from another API
   * process at the same moment) finds it ACTIVE and returns it unchanged. Seals the contract,
   * marks the application HIRED, publishes `contract.activated` and tells the seeker.
   */
  async countersign(actor: Actor, input: CountersignContractInput): Promise<Contract> {
    return inTransaction(this.dataSource, async (manager) => {
      // Application first, then contract: the order every path that touches both takes (see ContractClosingService.onApplicationMove).
      const found = await manager.findOne(Contract, { where: { id: input.contractId }, select: { id: true, applicationId: true } });
      if (!found) throw contractNotFound();
      const application = await manager.findOneOrFail(Application, { where: { id: found.applicationId }, lock: { mode: 'pessimistic_write' } });
      const contract = await lockContract(manager, input.contractId);
      await requireEmployerSide(this.applications, actor, contract, manager);
      if (input.digest !== contract.contentDigest) throw digestMismatch();
      if (contract.status === ContractStatus.ACTIVE || contract.status === ContractStatus.ENDED) return contract;
      assertContractStatus(contract, [ContractStatus.SIGNED_BY_SEEKER], '签署生效');
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
      await appendContractEvent(
        manager,
        contract,
        ContractEventKind.COUNTERSIGNED,
        actor.accountId,
        { identityCheck, digest: contract.contentDigest },
        signedAt,
      );
      await this.sealer.seal(manager, contract, signedAt, actor.accountId);

      if (application.status === ApplicationStatus.OFFERED) {
        await this.applications.transition(manager, application, [ApplicationStatus.OFFERED], ApplicationStatus.HIRED, '录用', actor.accountId, null);
      }
      const content = contentOf(contract);
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
}
