import { Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { ReqContext, type RequestContext } from '@jobcode/common';
import { EmployerLoader, EmployerMembershipLoader, EmployerObject, EmployersService } from '@jobcode/employers';
import { RegionScope } from '@jobcode/regions';

import { FairBoothObject } from './job-sources.objects';

// Parents are typed Readonly<…>: its design type is Object, so the global ValidationPipe leaves them
// alone instead of re-transforming and re-validating every list item for every field (measured: half the cost of a list).
@Resolver(() => FairBoothObject)
export class FairBoothsResolver {
  constructor(
    private readonly employers: EmployersService,
    private readonly employerLoader: EmployerLoader,
    private readonly membership: EmployerMembershipLoader,
    private readonly scope: RegionScope,
  ) {}

  @ResolveField('employer', () => EmployerObject, { nullable: true })
  async employer(@Parent() booth: Readonly<FairBoothObject>, @ReqContext() ctx: RequestContext): Promise<EmployerObject | null> {
    const employer = await ctx.loaders.get(this.employerLoader).load(booth.employerId);
    if (!employer) return null;
    const entitled = this.scope.covers(ctx.actor, employer.regionCode) || (await ctx.loaders.get(this.membership).load(employer.id));
    return this.employers.toObject(employer, entitled);
  }
}
