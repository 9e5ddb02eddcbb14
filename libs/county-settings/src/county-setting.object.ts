import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CountySetting', { description: '县级设置：各功能声明的配置项及本县当前取值' })
export class CountySettingObject {
  @Field(() => String, { description: '县的区划代码（6 位）' })
  countyCode: string;

  @Field(() => String, { description: '配置项，例如 jobs.publicWelfareSupportGroups' })
  key: string;

  @Field(() => String, { description: '配置项的含义' })
  description: string;

  @Field(() => String, { description: '当前取值（JSON）' })
  valueJson: string;

  @Field(() => String, { description: '默认取值（JSON）' })
  defaultJson: string;

  @Field(() => Boolean, { description: '是否仍为默认值' })
  isDefault: boolean;

  @Field(() => Date, { nullable: true, description: '最后修改时间；默认值时为空' })
  updatedAt: Date | null;
}
