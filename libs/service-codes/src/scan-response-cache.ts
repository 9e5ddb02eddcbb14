import { type GraphQLRequestContext } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

import type { RequestContext } from '@jobcode/common';

import { ScanService } from './scan.service';
import { ServiceCodeTargets } from './service-code-targets';
import { cacheableFields, type CacheableFields, VersionedResponseCache } from './versioned-response-cache';

/**
 * 扫码响应缓存: the whole GraphQL result of an anonymous `scan` of a versioned target (a station,
 * workshop, fair or job: the crowd at a fair), kept per code, document and variables under the
 * target version read with the token. A hit costs that one indexed statement and skips field
 * resolution. The fields it may contain are those the registered adapters list as covered by
 * the version (ServiceCodeTargetAdapter.cacheableFields); a document that asks for anything else
 * is executed as usual every time. Signed-in callers (ranked jobs, staff views) are never served
 * from it.
 */
@Plugin()
export class ScanResponseCache extends VersionedResponseCache {
  protected readonly rootField = 'scan';
  /** On the scan union, `... on SeekerScan { … }` cannot apply to a versioned target's scan. */
  protected override readonly skipsOtherMembers = true;

  constructor(
    private readonly scans: ScanService,
    private readonly targets: ServiceCodeTargets,
  ) {
    super();
  }

  protected allowed(): CacheableFields {
    const versioned = this.targets.all().filter((a) => a.versioned);
    return cacheableFields({ Query: ['scan'] }, ...versioned.map((a) => a.cacheableFields ?? {}));
  }

  protected async versionOf(args: Record<string, unknown>, request: GraphQLRequestContext<RequestContext>): Promise<{ key: string; version: string } | null> {
    if (typeof args.token !== 'string' || args.atFairId != null) return null;
    let resolved;
    try {
      // The same resolution the resolver gets (once per request): the scan is recorded once.
      resolved = await this.scans.open(args.token, request.contextValue, 'GRAPHQL');
    } catch {
      return null; // the resolver raises the same error
    }
    if (resolved.kind !== 'active' || !resolved.targetVersion) return null;
    return { key: `${resolved.code.id}\n${JSON.stringify(request.request.variables ?? {})}`, version: resolved.targetVersion };
  }
}
