import { registerEnumType } from '@nestjs/graphql';

export enum StatsGroupBy {
  DESTINATION = 'DESTINATION',
  SUPPORT_GROUP = 'SUPPORT_GROUP',
  SOURCE = 'SOURCE',
  TOWNSHIP = 'TOWNSHIP',
  MONTH = 'MONTH',
  EMPLOYER = 'EMPLOYER',
}

registerEnumType(StatsGroupBy, {
  name: 'StatsGroupBy',
  valuesMap: {
    DESTINATION: { description: '按务工地（县内、区内县外、区外）' },
    SUPPORT_GROUP: { description: '按帮扶人员类别（一人属于多个类别时在每个类别各计一次）' },
    SOURCE: { description: '按务工来源' },
    TOWNSHIP: { description: '按户籍所在乡镇' },
    MONTH: { description: '按月（当月在岗即计入）' },
    EMPLOYER: { description: '按用人单位' },
  },
});
