import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { ServiceCodeTargetKind } from './service-code-target-kind';

export enum ServiceCodeStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  REPLACED = 'REPLACED',
}

registerEnumType(ServiceCodeStatus, {
  name: 'ServiceCodeStatus',
  valuesMap: {
    ACTIVE: { description: '有效' },
    REVOKED: { description: '已停用' },
    EXPIRED: { description: '已过期' },
    REPLACED: { description: '已更换为新码' },
  },
});

@ObjectType('ServiceCode', { description: '就业服务码' })
export class ServiceCodeObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '码值（base58，96 位随机）' })
  token: string;

  @Field(() => String, { description: '二维码中的网址：PUBLIC_URL/c/<token>' })
  url: string;

  @Field(() => ServiceCodeTargetKind)
  targetKind: ServiceCodeTargetKind;

  @Field(() => ID)
  targetId: string;

  @Field(() => String, { description: '对象名称' })
  targetTitle: string;

  @Field(() => String, { nullable: true, description: '张贴位置，例如 村委会信息栏' })
  label: string | null;

  @Field(() => ServiceCodeStatus)
  status: ServiceCodeStatus;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => String, { description: 'SVG 图片地址（印刷用，矢量）' })
  svgUrl: string;

  @Field(() => String, { description: 'PNG 图片地址（屏幕用；?size=像素）' })
  pngUrl: string;

  @Field(() => String, { nullable: true, description: 'A4 海报 PDF 地址（驿站、车间、招聘会、岗位）' })
  posterUrl: string | null;
}

@ObjectType('ReplacedServiceCode', { description: '此码已更换：旧码不再使用' })
export class ReplacedServiceCode {
  @Field(() => String)
  message: string;

  @Field(() => ServiceCodeTargetKind, { nullable: true, description: '公开对象（驿站、车间、招聘会、岗位）才给出' })
  targetKind: ServiceCodeTargetKind | null;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  targetTitle: string | null;
}
