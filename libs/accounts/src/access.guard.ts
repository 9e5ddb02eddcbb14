import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

import { AuditService, SecurityEventKind } from '@jobcode/audit';
import {
  ALLOW_DURING_SETUP_KEY,
  ALLOW_KEY,
  AccountSetupStep,
  type Allowed,
  contextOf,
  forbidden,
  PUBLIC,
  RATE_LIMIT_KEY,
  type RateLimitRule,
  rateLimited,
  Role,
  unauthenticated,
} from '@jobcode/common';
import { RateLimitService } from '@jobcode/rate-limit';

const SETUP_MESSAGES: Record<AccountSetupStep, string> = {
  PASSWORD_CHANGE: '请先修改初始密码（changePassword），再办理其他业务',
  SECOND_FACTOR_ENROLMENT: '本县要求工作人员使用身份验证器登录：请先绑定（startSecondFactorEnrolment），再办理其他业务',
};

const ROLE_NAMES: Record<Role, string> = { SEEKER: '求职者', EMPLOYER: '用人单位', STAFF: '工作人员', ADMIN: '管理员' };

/**
 * The global guard: every query, mutation and route must declare who may call it
 * with `@Allow(...)`; one that declares nothing is refused (deny by default).
 * Operations marked `@RateLimit` are counted per call in PostgreSQL, per client
 * and per account, so aliases in one request count one by one.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    const allowed = this.reflector.getAllAndOverride<Allowed | undefined>(ALLOW_KEY, targets);
    const context = contextOf(execution);
    const operation = this.operationName(execution);
    if (!allowed || allowed.length === 0) {
      await this.audit.security({
        kind: SecurityEventKind.ACCESS_DENIED,
        accountId: context.actor?.accountId,
        subject: operation,
        detail: { reason: 'undeclared' },
      });
      throw forbidden('此操作未声明访问权限，已拒绝');
    }
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT_KEY, targets);
    if (rule) await this.count(operation, rule, context.clientKey, context.actor?.accountId);
    // Before the public shortcut: a signed-in caller in set-up sees more than an anonymous one
    // on some public operations (scan, jobs), and must not until the set-up is done.
    const setup = context.actor?.pendingSetup;
    if (setup && !this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_DURING_SETUP_KEY, targets)) {
      const reason = setup === AccountSetupStep.PASSWORD_CHANGE ? 'PASSWORD_CHANGE_REQUIRED' : 'SECOND_FACTOR_ENROLMENT_REQUIRED';
      throw forbidden(SETUP_MESSAGES[setup], { reason });
    }
    if (allowed.includes(PUBLIC)) return true;
    if (!context.actor) throw unauthenticated(context.authError ?? '请先登录');
    if (!allowed.includes(context.actor.role)) {
      await this.audit.security({
        kind: SecurityEventKind.ACCESS_DENIED,
        accountId: context.actor.accountId,
        subject: operation,
        detail: { role: context.actor.role },
      });
      const who = (allowed.filter((a) => a !== PUBLIC) as Role[]).map((r) => ROLE_NAMES[r]).join('、');
      throw forbidden(`此操作仅限${who}使用`);
    }
    return true;
  }

  private async count(operation: string, rule: RateLimitRule, clientKey: string, accountId?: string): Promise<void> {
    const keys = [`op:${operation}:c:${clientKey}`, ...(accountId ? [`op:${operation}:a:${accountId}`] : [])];
    for (const key of keys) {
      const result = await this.rateLimits.hit(key, rule.points, rule.windowSeconds);
      if (!result.allowed) {
        if (result.hits === rule.points + 1) {
          await this.audit.security({ kind: SecurityEventKind.RATE_LIMITED, accountId, subject: operation });
        }
        throw rateLimited(result.retryAfterSeconds);
      }
    }
  }

  private operationName(execution: ExecutionContext): string {
    if (execution.getType<string>() === 'graphql') {
      const info = GqlExecutionContext.create(execution).getInfo<{ fieldName: string; parentType: { name: string } }>();
      return `${info.parentType.name}.${info.fieldName}`;
    }
    return `${execution.getClass().name}.${execution.getHandler().name}`;
  }
}
