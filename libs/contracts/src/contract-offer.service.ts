import { randomBytes, randomUUID } from 'node:crypto';

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ApplicationsService, ApplicationStatus } from '@jobcode/applications';
import { type Actor, countyToday, maskName } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { PdfRenderer } from '@jobcode/documents';
import { Employer } from '@jobcode/employers';
import { Job } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { RegionsService } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { canonicalJson, sha256Hex } from './canonical';
import { GENESIS_HASH } from './contract-chain';
import { CONTRACT_TEMPLATE_VERSION, type ContractContent, contractDocument, type SeekerIdentity } from './contract-document';
import { ContractEventKind } from './contract-event.entity';
import { appendContractEvent } from './contract-ledger';
import { validateTerms } from './contract-terms';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { ContractsException, ContractsExceptionCode } from './contracts.exception';
import { MINIMUM_HOURLY_WAGE, MINIMUM_MONTHLY_WAGE } from './contracts.settings';
import { type OfferContractInput } from './dto/contract.inputs';

/**
 * Offering a contract (发出合同) from an application: the terms checked against the county's
 * minimum wage, the parties and the worker's identity fixed in canonical content, the PDF as
 * offered rendered and digested, the verification code issued and the seeker told.
 */
@Injectable()
export class ContractOfferService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly settings: CountySettingsService,
    private readonly regions: RegionsService,
    private readonly cipher: PersonalDataCipher,
    private readonly renderer: PdfRenderer,
    private readonly serviceCodes: ServiceCodesService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
  ) {}

  onModuleInit(): void {
    this.templates.register({
      key: 'contract.sent',
      title: '劳动合同待签署',
      text: '{employer}向您发送了“{job}”岗位的劳动合同，请登录就业服务码平台查看条款并签署。',
    });
  }

  async offer(actor: Actor, input: OfferContractInput): Promise<Contract> {
    // The division names are taken now: inside the transaction only its own connection may be used,
    // and the cache may expire (and reload) between here and there.
    const regions = await this.regions.tree();
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
        const seekerAddress = regions.names(seeker.regionCode);
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
        await appendContractEvent(
          manager,
          contract,
          ContractEventKind.OFFERED,
          actor.accountId,
          { contentDigest, pdfDigest: contract.pdfDigest, templateVersion: CONTRACT_TEMPLATE_VERSION },
          createdAt,
        );
        await appendContractEvent(manager, contract, ContractEventKind.SENT, actor.accountId, { to: 'SEEKER' });
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
}
