import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

import { RegionLevel } from '@jobcode/common';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  valuesMap: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    COUNTY: { description: '县' },
    TOWNSHIP: { description: '乡镇' },
    VILLAGE: { description: '村' },
  },
});

@ObjectType('Region', { description: '行政区划（国家统计用区划代码）' })
export class RegionObject {
  @Field(() => String, { description: '区划代码：省 2 位、市 4 位、县 6 位、乡镇 9 位、村 12 位' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => RegionLevel)
  level: RegionLevel;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field(() => String, { description: '完整名称，例如 资源县瓜里乡金江村' })
  fullName: string;

  @Field(() => Boolean, { description: '演示代码：仅符合位数规则，未经核实' })
  demo: boolean;
}
