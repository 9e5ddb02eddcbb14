import { registerEnumType } from '@nestjs/graphql';

import { Role } from './role';

/** A step an account must finish before it may do anything else. */
export enum AccountSetupStep {
  /** A one-time password (first admin, staff created by someone else) must be replaced. */
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  /** The county requires staff to sign in with an authenticator app, and none is set up yet. */
  SECOND_FACTOR_ENROLMENT = 'SECOND_FACTOR_ENROLMENT',
}

registerEnumType(AccountSetupStep, {
  name: 'AccountSetupStep',
  description: '账号须先完成的设置',
  valuesMap: {
    PASSWORD_CHANGE: { description: '修改初始密码' },
    SECOND_FACTOR_ENROLMENT: { description: '绑定身份验证器（动态码）' },
  },
});

/** The signed-in caller, as the guard established it for this request. */
export interface Actor {
  accountId: string;
  role: Role;
  /** STAFF: the division code of the region they work in. ADMIN: null (everything). */
  regionCode: string | null;
  sessionId: string;
  /** Set while the account must finish a setup step; only operations marked `@AllowDuringSetup()` run. */
  pendingSetup?: AccountSetupStep;
}

export const isStaffOrAdmin = (actor: Actor | undefined): actor is Actor => actor !== undefined && (actor.role === Role.STAFF || actor.role === Role.ADMIN);
