import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { contextOf, timedOut } from '@jobcode/common';

/**
 * The per-request deadline: every root field of a GraphQL operation and every route passes
 * this guard before it runs, and none starts once the request is older than REQUEST_DEADLINE_MS
 * (set on the context when the request arrives). A statement already running is bounded by
 * the connections' statement_timeout, so no request holds the process or the pool for longer.
 */
@Injectable()
export class RequestDeadlineGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    const { deadline } = contextOf(execution);
    if (deadline !== undefined && Date.now() > deadline) throw timedOut();
    return true;
  }
}
