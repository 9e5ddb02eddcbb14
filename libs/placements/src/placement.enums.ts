import { registerEnumType } from '@nestjs/graphql';

/** Where the work came from. */
export enum PlacementSource {
  CONTRACT = 'CONTRACT',
  GIG = 'GIG',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
  WORKSHOP = 'WORKSHOP',
  SELF_FOUND = 'SELF_FOUND',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
}

/** 县内务工 / 区内县外 / 区外务工, from the workplace against the person's home county. */
export enum Destination {
  IN_COUNTY = 'IN_COUNTY',
  IN_PROVINCE = 'IN_PROVINCE',
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
}

export const SOURCE_LABEL: Record<PlacementSource, string> = {
  CONTRACT: '平台签约',
  GIG: '零工',
  PUBLIC_WELFARE: '公益性岗位',
  WORKSHOP: '就业帮扶车间',
  SELF_FOUND: '自主务工',
  TRANSFERRED_OUT: '返岗直通车输出',
};

export const DESTINATION_LABEL: Record<Destination, string> = {
  IN_COUNTY: '县内务工',
  IN_PROVINCE: '区内县外',
  OUT_OF_PROVINCE: '区外务工',
};

/** Sources staff may enter by hand; the others come from contracts and gig bookings. */
export const MANUAL_SOURCES = [PlacementSource.SELF_FOUND, PlacementSource.TRANSFERRED_OUT, PlacementSource.PUBLIC_WELFARE, PlacementSource.WORKSHOP];

registerEnumType(PlacementSource, {
  name: 'PlacementSource',
  valuesMap: {
    CONTRACT: { description: SOURCE_LABEL.CONTRACT },
    GIG: { description: SOURCE_LABEL.GIG },
    PUBLIC_WELFARE: { description: SOURCE_LABEL.PUBLIC_WELFARE },
    WORKSHOP: { description: SOURCE_LABEL.WORKSHOP },
    SELF_FOUND: { description: '自主务工（在平台外找到的工作，由工作人员登记）' },
    TRANSFERRED_OUT: { description: '返岗直通车有组织输出' },
  },
});
registerEnumType(Destination, {
  name: 'Destination',
  valuesMap: {
    IN_COUNTY: { description: '县内务工：工作地在户籍所在县' },
    IN_PROVINCE: { description: '区内县外：工作地在本省（区）其他县' },
    OUT_OF_PROVINCE: { description: '区外务工：工作地在外省' },
  },
});
