import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SupportGroup', { description: '帮扶人员类别：全国通用类别，或某县自设的类别' })
export class SupportGroupObject {
  @Field(() => String, {
    description:
      '类别代码。全国通用：LIFTED_OUT 脱贫人口、MONITORED 监测对象、RELOCATED 易地搬迁、RETURNEE 返乡回流、GRADUATE 高校毕业生、YULU_GRADUATE 雨露计划毕业生、DISABLED 残疾人、LEFT_BEHIND_WOMAN 留守妇女',
  })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: '县自设类别所属的县区划代码；全国通用类别为空' })
  regionCode: string | null;

  @Field(() => Boolean)
  builtin: boolean;
}
