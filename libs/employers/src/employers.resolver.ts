import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, Role } from '@jobcode/common';

import { EmployersArgs } from './dto/employers.args';
import { LinkEmployerAccountInput, RejectEmployerInput, VerifyEmployerInput } from './dto/review-employer.input';
import { RegisterEmployerInput } from './dto/register-employer.input';
import { UpdateEmployerInput } from './dto/update-employer.input';
import { EmployerAccountObject } from './employer-account.object';
import { EmployerConnection } from './employer-connection.object';
import { EmployerObject } from './employer.object';
import { EmployersService } from './employers.service';

@Resolver(() => EmployerObject)
export class EmployersResolver {
  constructor(private readonly employersService: EmployersService) {}

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => EmployerObject, {
    description: '登记用人单位。用人单位账号登记自己的单位（待县人社局审核）；工作人员可代辖区内的单位登记（县级工作人员登记的直接通过）',
  })
  async registerEmployer(@CurrentActor() actor: Actor, @Args('input') input: RegisterEmployerInput): Promise<EmployerObject> {
    return this.employersService.toObject(await this.employersService.register(actor, input), true);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => EmployerObject, { description: '县人社局审核通过用人单位，之后可发布岗位' })
  async verifyEmployer(@CurrentActor() actor: Actor, @Args('input') input: VerifyEmployerInput): Promise<EmployerObject> {
    return this.employersService.toObject(await this.employersService.verify(actor, input.employerId), true);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => EmployerObject, { description: '县人社局审核不通过，并说明原因' })
  async rejectEmployer(@CurrentActor() actor: Actor, @Args('input') input: RejectEmployerInput): Promise<EmployerObject> {
    return this.employersService.toObject(await this.employersService.reject(actor, input.employerId, input.reason), true);
  }

  @Allow(Role.EMPLOYER)
  @Mutation(() => EmployerObject, {
    description: '单位管理员修改单位信息（法定代表人、地址、联系人等，只改传入的字段）；单位全称、信用代码和所在地审核通过后不能自行修改',
  })
  async updateEmployer(@CurrentActor() actor: Actor, @Args('input') input: UpdateEmployerInput): Promise<EmployerObject> {
    return this.employersService.toObject(await this.employersService.update(actor, input), true);
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => EmployerObject, {
    description: '把一个用人单位账号关联到单位：辖区工作人员（例如代登记的单位由本单位认领），或本单位管理员添加同事',
  })
  async linkEmployerAccount(@CurrentActor() actor: Actor, @Args('input') input: LinkEmployerAccountInput): Promise<EmployerObject> {
    return this.employersService.toObject(await this.employersService.linkAccount(actor, input.employerId, input.accountPhone), true);
  }

  @Allow(PUBLIC)
  @Query(() => EmployerObject, { description: '一个用人单位：已审核的对所有人可见，其余仅本单位和辖区工作人员可见' })
  async employer(@CurrentActor() actor: Actor | undefined, @Args('id', { type: () => ID }) id: string): Promise<EmployerObject> {
    const employer = await this.employersService.requireVisible(actor, id);
    return this.employersService.toObject(employer, actor !== undefined && (await this.employersService.canManage(actor, employer)));
  }

  @Allow(Role.EMPLOYER)
  @Query(() => [EmployerObject], { description: '当前账号所属的用人单位' })
  async myEmployers(@CurrentActor() actor: Actor): Promise<EmployerObject[]> {
    const rows = await this.employersService.mine(actor);
    return Promise.all(rows.map((r) => this.employersService.toObject(r, true)));
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => [EmployerAccountObject], { description: '代表本单位办事的账号，管理员在前（本单位成员和辖区工作人员可见）' })
  async employerAccounts(@CurrentActor() actor: Actor, @Args('employerId', { type: () => ID }) employerId: string): Promise<EmployerAccountObject[]> {
    return this.employersService.accountsOf(actor, employerId);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => EmployerConnection, { description: '辖区内的用人单位，最新登记的在前' })
  async employers(@CurrentActor() actor: Actor, @Args() args: EmployersArgs): Promise<EmployerConnection> {
    const page = await this.employersService.list(actor, args);
    return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await this.employersService.toObject(e.node, true) }))) };
  }
}
