import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, RateLimit, ReqContext, type RequestContext, Role } from '@jobcode/common';

import { SeekerNameLoader } from '@jobcode/seekers';

import { ContractClosingService } from './contract-closing.service';
import { ContractCountersignService } from './contract-countersign.service';
import { ContractOfferService } from './contract-offer.service';
import { ContractSignaturesLoader } from './contract-signatures.loader';
import { ContractSigningService } from './contract-signing.service';
import { ContractVerificationService } from './contract-verification.service';
import { ContractVerificationUrlLoader } from './contract-verification-url.loader';
import { type ContractParent, toContractObject } from './contract.mapper';
import { ContractDigestCheckObject, ContractObject, ContractSignatureObject, ContractVerificationObject } from './contract.object';
import { ContractsService } from './contracts.service';
import {
  CloseContractInput,
  ContractIdInput,
  CountersignContractInput,
  EndContractInput,
  OfferContractInput,
  SignContractInput,
  VerifyContractInput,
} from './dto/contract.inputs';

const EMPLOYER_SIDE = [Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => ContractObject)
export class ContractsResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly offers: ContractOfferService,
    private readonly signing: ContractSigningService,
    private readonly countersigning: ContractCountersignService,
    private readonly closing: ContractClosingService,
    private readonly verification: ContractVerificationService,
    private readonly signatures: ContractSignaturesLoader,
    private readonly verificationUrls: ContractVerificationUrlLoader,
    private readonly seekerNames: SeekerNameLoader,
  ) {}

  @Allow(...EMPLOYER_SIDE)
  @Mutation(() => ContractObject, { description: '按报名发出劳动合同：校验条款（最低工资、试用期），生成 PDF 和摘要，通知求职者签署' })
  async offerContract(@CurrentActor() actor: Actor, @Args('input') input: OfferContractInput): Promise<ContractParent> {
    return toContractObject(await this.offers.offer(actor, input));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 5, windowSeconds: 600 })
  @Mutation(() => Date, { description: '劳动者本人获取签署验证码（发到登记的手机，10 分钟内有效）；返回过期时间' })
  async requestContractSigningCode(@CurrentActor() actor: Actor, @Args('input') input: ContractIdInput): Promise<Date> {
    return this.signing.requestSigningCode(actor, input.contractId);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 20, windowSeconds: 600 })
  @Mutation(() => ContractObject, { description: '劳动者本人签署：核验姓名、身份证号后六位和验证码，并确认条款。重复签署返回同一结果' })
  async signContract(@CurrentActor() actor: Actor, @Args('input') input: SignContractInput): Promise<ContractParent> {
    return toContractObject(await this.signing.sign(actor, input));
  }

  @Allow(Role.SEEKER)
  @Mutation(() => ContractObject, { description: '劳动者拒签' })
  async declineContract(@CurrentActor() actor: Actor, @Args('input') input: CloseContractInput): Promise<ContractParent> {
    return toContractObject(await this.signing.decline(actor, input.contractId, input.reason));
  }

  @Allow(...EMPLOYER_SIDE)
  @Mutation(() => ContractObject, { description: '用人单位签署（劳动者签署后），合同生效并封存；重复或并发签署只生效一次' })
  async countersignContract(@CurrentActor() actor: Actor, @Args('input') input: CountersignContractInput): Promise<ContractParent> {
    return toContractObject(await this.countersigning.countersign(actor, input));
  }

  @Allow(...EMPLOYER_SIDE)
  @Mutation(() => ContractObject, { description: '用人单位撤销未生效的合同（如需更正条款，撤销后重新发出）' })
  async cancelContract(@CurrentActor() actor: Actor, @Args('input') input: CloseContractInput): Promise<ContractParent> {
    return toContractObject(await this.closing.cancel(actor, input.contractId, input.reason));
  }

  @Allow(...EMPLOYER_SIDE)
  @Mutation(() => ContractObject, { description: '终止已生效的合同（记录终止日期和原因，合同内容不变）' })
  async endContract(@CurrentActor() actor: Actor, @Args('input') input: EndContractInput): Promise<ContractParent> {
    return toContractObject(await this.closing.end(actor, input));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @Query(() => [ContractObject], { description: '我的劳动合同：劳动者本人的，或本单位的；最近的在前，最多 100 份' })
  async myContracts(@CurrentActor() actor: Actor): Promise<ContractParent[]> {
    return (await this.contracts.mine(actor)).map(toContractObject);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => ContractObject, { description: '一份合同：劳动者本人、用人单位、辖区工作人员可见' })
  async contract(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ContractParent> {
    return toContractObject(await this.contracts.requireVisible(actor, id));
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 60, windowSeconds: 60 })
  @Query(() => ContractVerificationObject, { description: '核验合同（扫码所见）：状态、脱敏的双方、日期、摘要，以及记录是否完整未被篡改' })
  async contractVerification(@Args('contractId', { type: () => ID }) contractId: string): Promise<ContractVerificationObject> {
    return this.verification.verificationView(contractId);
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 60, windowSeconds: 60 })
  @Query(() => ContractDigestCheckObject, { description: '核验一个摘要（合同内容或 PDF 文件的 SHA-256）是否为平台封存的这份合同' })
  async verifyContract(@Args('input') input: VerifyContractInput): Promise<ContractDigestCheckObject> {
    return this.verification.checkDigest(input, input.digest);
  }

  @ResolveField('seekerName', () => String, {
    description: '劳动者姓名（全名，与报名、求职登记上一致）：合同只有当事人和辖区工作人员能看到；公开核验只显示脱敏姓名',
  })
  async seekerName(@Parent() contract: ContractParent, @ReqContext() context: RequestContext): Promise<string> {
    return context.loaders.get(this.seekerNames).load(contract.jobSeekerId);
  }

  @ResolveField('verificationUrl', () => String, {
    nullable: true,
    description: '合同的就业服务码（核验码）地址：发出时即生成，封存的 PDF 审计页上印有它的二维码；任何人扫码可核验真伪，看不到个人信息',
  })
  async verificationUrl(@Parent() contract: ContractParent, @ReqContext() context: RequestContext): Promise<string | null> {
    return context.loaders.get(this.verificationUrls).load(contract.id);
  }

  @ResolveField('signatures', () => [ContractSignatureObject])
  async signaturesField(@Parent() contract: ContractParent, @ReqContext() context: RequestContext): Promise<ContractSignatureObject[]> {
    return context.loaders.get(this.signatures).load(contract.id);
  }
}
