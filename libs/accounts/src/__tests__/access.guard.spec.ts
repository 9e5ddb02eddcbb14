import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import type { AuditService, SecurityEventInput } from '@jobcode/audit';
import { Allow, AppError, ErrorCode, PUBLIC, RequestLoaders, Role, type RequestContext } from '@jobcode/common';
import type { RateLimitService } from '@jobcode/rate-limit';

import { AccessGuard } from '../access.guard';

class Operations {
  undeclared(): void {}
  @Allow(PUBLIC)
  open(): void {}
  @Allow(Role.STAFF)
  staffOnly(): void {}
}

function executionFor(handler: keyof Operations, context: Partial<RequestContext>): ExecutionContext {
  const full = { clientKey: 'c', loaders: new RequestLoaders(() => full), ...context } as RequestContext;
  return {
    getType: () => 'http',
    getHandler: () => Operations.prototype[handler],
    getClass: () => Operations,
    switchToHttp: () => ({ getRequest: () => ({ jobcode: full }) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const logged: SecurityEventInput[] = [];
  const audit = { security: async (event: SecurityEventInput) => void logged.push(event) } as unknown as AuditService;
  const guard = new AccessGuard(new Reflector(), audit, {} as RateLimitService);

  async function outcome(handler: keyof Operations, context: Partial<RequestContext> = {}): Promise<true | ErrorCode> {
    try {
      return (await guard.canActivate(executionFor(handler, context))) as true;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  it('refuses an operation that declares nobody, even for an admin, and logs the refusal', async () => {
    const admin = { accountId: 'a', role: Role.ADMIN, regionCode: null, sessionId: 's' };
    expect(await outcome('undeclared', { actor: admin })).toBe(ErrorCode.FORBIDDEN);
    expect(logged.at(-1)).toMatchObject({ kind: 'ACCESS_DENIED', detail: { reason: 'undeclared' } });
  });

  it('lets anyone into a PUBLIC operation', async () => {
    expect(await outcome('open')).toBe(true);
  });

  it('asks an anonymous caller to sign in, and refuses the wrong role', async () => {
    expect(await outcome('staffOnly')).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await outcome('staffOnly', { actor: { accountId: 'b', role: Role.SEEKER, regionCode: null, sessionId: 's' } })).toBe(ErrorCode.FORBIDDEN);
    expect(await outcome('staffOnly', { actor: { accountId: 'c', role: Role.STAFF, regionCode: '450329', sessionId: 's' } })).toBe(true);
  });
});
