import { ArgsType, Field } from '@nestjs/graphql';

import { PageArgs } from '@jobcode/common';

import { EmployerStatus } from '../employer.entity';

@ArgsType()
export class EmployersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '只看此区划（含下级）内的单位' })
  regionCode?: string;

  @Field(() => EmployerStatus, { nullable: true })
  status?: EmployerStatus;
}
