import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** What a download link opens: one GET route each. */
export enum DownloadKind {
  CONTRACT_PDF = 'CONTRACT_PDF',
  SEEKER_LEDGER = 'SEEKER_LEDGER',
  PLACEMENT_LEDGER = 'PLACEMENT_LEDGER',
  FAIR_LEDGER = 'FAIR_LEDGER',
  FUNNEL_LEDGER = 'FUNNEL_LEDGER',
  WORKSHOP_LEDGER = 'WORKSHOP_LEDGER',
  PERSONAL_DATA_JSON = 'PERSONAL_DATA_JSON',
  PERSONAL_DATA_HTML = 'PERSONAL_DATA_HTML',
  SERVICE_CODE_POSTERS = 'SERVICE_CODE_POSTERS',
}

registerEnumType(DownloadKind, {
  name: 'DownloadKind',
  description: '可下载的文件',
  valuesMap: {
    CONTRACT_PDF: { description: '劳动合同 PDF（id：合同编号）；当事人和辖区工作人员' },
    SEEKER_LEDGER: { description: '求职者台账 .xlsx（工作人员；query 同 GET /seekers/export）' },
    PLACEMENT_LEDGER: { description: '就业台账 .xlsx（工作人员；query 同 GET /statistics/placements/export）' },
    FAIR_LEDGER: { description: '招聘会台账 .xlsx（工作人员）' },
    FUNNEL_LEDGER: { description: '扫码转化台账 .xlsx（工作人员）' },
    WORKSHOP_LEDGER: { description: '就业帮扶车间台账 .xlsx（工作人员）' },
    PERSONAL_DATA_JSON: { description: '我的个人信息副本（机器可读 JSON）；本人' },
    PERSONAL_DATA_HTML: { description: '我的个人信息副本（可打印的网页）；本人' },
    SERVICE_CODE_POSTERS: {
      description: '一个乡镇全部零工站点或帮扶车间的服务码海报 PDF（工作人员；query 同 GET /service-codes/posters，如 region=450329103&kind=GIG_STATION）',
    },
  },
});

@InputType('CreateDownloadLinkInput')
export class CreateDownloadLinkInput {
  @Field(() => DownloadKind)
  @IsEnum(DownloadKind, { message: '请选择要下载的文件' })
  kind: DownloadKind;

  @Field(() => ID, { nullable: true, description: '合同编号（CONTRACT_PDF）' })
  @IsOptional()
  @IsUUID('all', { message: '编号格式不对' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: '台账的筛选条件，与对应 GET 地址的查询参数相同，如 region=450329&from=2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '筛选条件太长' })
  @Matches(/^[^#?\s]*$/, { message: '筛选条件应为 a=1&b=2 的形式，不含 ? 和 #' })
  query?: string | null;
}

@ObjectType('DownloadLink', { description: '一次性用途的下载链接：在手机上点开即可下载，5 分钟内有效，只能下载这一个文件' })
export class DownloadLinkObject {
  @Field(() => String)
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}
