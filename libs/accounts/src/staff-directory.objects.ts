import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID } from 'class-validator';

import { Connection, PageArgs, Role } from '@jobcode/common';
import { RegionObject } from '@jobcode/regions';

@ObjectType('StaffAccount', { description: '工作人员或管理员账号（账号列表）' })
export class StaffAccountObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { description: '手机号；管理员看到完整号码，其他人显示为 138****5678' })
  phone: string;

  @Field(() => RegionObject, { nullable: true, description: '管辖区域；管理员没有' })
  region: RegionObject | null;

  @Field(() => Boolean, { description: '已绑定身份验证器' })
  secondFactorEnabled: boolean;

  @Field(() => Date, { nullable: true, description: '最近一次登录的时间；从未登录为空' })
  lastSignInAt: Date | null;

  @Field(() => Boolean, { description: '账号已停用' })
  disabled: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('StaffAccountConnection')
export class StaffAccountConnection extends Connection(StaffAccountObject, 'StaffAccount') {}

@ArgsType()
export class StaffAccountsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '只看此区划（含下级）的账号；默认为本人管辖范围' })
  @IsOptional()
  @IsString()
  regionCode?: string;
}

/** What the security log holds: the security events, and each read of a full ID number or phone. */
export enum SecurityLogKind {
  SIGN_UP = 'SIGN_UP',
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  SIGN_OUT = 'SIGN_OUT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  SECOND_FACTOR_ENABLED = 'SECOND_FACTOR_ENABLED',
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
  ACCOUNT_CREATED = 'ACCOUNT_CREATED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  ACCOUNT_ENABLED = 'ACCOUNT_ENABLED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  REGION_CHANGED = 'REGION_CHANGED',
  ACCESS_DENIED = 'ACCESS_DENIED',
  RATE_LIMITED = 'RATE_LIMITED',
  PERSONAL_DATA_READ = 'PERSONAL_DATA_READ',
}

registerEnumType(SecurityLogKind, {
  name: 'SecurityLogKind',
  description: '安全日志的事件类型',
  valuesMap: {
    SIGN_UP: { description: '注册' },
    SIGN_IN: { description: '登录' },
    SIGN_IN_FAILED: { description: '登录失败' },
    ACCOUNT_LOCKED: { description: '账号被锁定' },
    SIGN_OUT: { description: '退出登录' },
    PASSWORD_CHANGED: { description: '修改密码' },
    SECOND_FACTOR_ENABLED: { description: '绑定身份验证器' },
    SECOND_FACTOR_RESET: { description: '重置身份验证器' },
    ACCOUNT_CREATED: { description: '创建账号' },
    ACCOUNT_DISABLED: { description: '停用账号' },
    ACCOUNT_ENABLED: { description: '恢复账号' },
    PASSWORD_RESET: { description: '设临时密码' },
    REGION_CHANGED: { description: '调整管辖区域' },
    ACCESS_DENIED: { description: '越权访问被拒绝' },
    RATE_LIMITED: { description: '操作太频繁被限制' },
    PERSONAL_DATA_READ: { description: '查看完整身份证号或手机号' },
  },
});

@ObjectType('SecurityLogEntry', { description: '安全日志的一条：登录、失败、重置、越权，以及查看完整个人信息' })
export class SecurityLogEntryObject {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => SecurityLogKind)
  kind: SecurityLogKind;

  @Field(() => ID, { nullable: true, description: '操作的账号；未知手机号登录失败时为空' })
  accountId: string | null;

  @Field(() => String, { nullable: true, description: '操作账号的姓名' })
  accountName: string | null;

  @Field(() => Role, { nullable: true })
  accountRole: Role | null;

  @Field(() => RegionObject, { nullable: true, description: '操作账号的管辖区域' })
  accountRegion: RegionObject | null;

  @Field(() => String, { description: '经过，例如“读取求职者的完整身份证号，用途：核对身份，途径：JobSeeker.idNumber”' })
  detail: string;
}

@ObjectType('SecurityLogConnection')
export class SecurityLogConnection extends Connection(SecurityLogEntryObject, 'SecurityLogEntry') {}

@ArgsType()
export class SecurityLogArgs extends PageArgs {
  @Field(() => SecurityLogKind, { nullable: true, description: '只看此类事件' })
  @IsOptional()
  kind?: SecurityLogKind;

  @Field(() => ID, { nullable: true, description: '只看此账号的事件' })
  @IsOptional()
  @IsUUID('all', { message: '编号格式不正确' })
  accountId?: string;
}
