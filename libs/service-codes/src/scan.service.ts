import { Injectable } from '@nestjs/common';

import { type RequestContext, rateLimited } from '@jobcode/common';
import { RateLimitService } from '@jobcode/rate-limit';

import { clientClass } from './client-class';
import { ReplacedServiceCode } from './service-code.object';
import type { GeoPoint } from './service-code-target';
import type { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodeTargets } from './service-code-targets';
import { ScanEventRecorder } from './scan-event-recorder';
import { ServiceCodesService } from './service-codes.service';
import { ServiceCodesException, ServiceCodesExceptionCode } from './service-codes.exception';

/** Wrong tokens allowed per client in the window before scans from it are refused. */
export const SCAN_MISSES_ALLOWED = 20;
export const SCAN_MISS_WINDOW_SECONDS = 600;

export interface ScanOutcome {
  view: object;
  kind: 'target' | 'replaced';
  targetKind: ServiceCodeTargetKind;
}

/**
 * 扫码: resolves a token, records the scan and asks the target's adapter what to show.
 * Guessing is slowed and then refused per client: misses are counted in PostgreSQL (shared
 * by all API processes); a client over the limit is refused for the rest of the window,
 * while normal scanning never touches the counter.
 */
@Injectable()
export class ScanService {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly codes: ServiceCodesService,
    private readonly targets: ServiceCodeTargets,
    private readonly recorder: ScanEventRecorder,
    private readonly rateLimits: RateLimitService,
  ) {}

  async scan(token: string, context: RequestContext, channel: 'GRAPHQL' | 'PAGE', near?: GeoPoint, atFairId?: string): Promise<ScanOutcome> {
    const blocked = this.blockedUntil.get(context.clientKey);
    if (blocked && blocked > Date.now()) throw rateLimited(Math.ceil((blocked - Date.now()) / 1000), '扫码失败次数过多，请稍后再试');
    let resolved;
    try {
      resolved = await this.codes.resolve(token.trim());
    } catch (error) {
      if (error instanceof ServiceCodesException && error.reason === ServiceCodesExceptionCode.INVALID_CODE) await this.countMiss(context.clientKey);
      throw error;
    }
    const { code } = resolved;
    this.recorder.record({
      codeId: code.id,
      targetKind: code.targetKind,
      targetId: code.targetId,
      regionCode: code.regionCode,
      scannedAt: new Date(),
      accountId: context.actor?.accountId ?? null,
      client: clientClass(context.userAgent),
      channel,
    });
    const adapter = this.targets.of(code.targetKind);
    if (resolved.kind === 'replaced') {
      const facts = adapter.isPublic ? await adapter.locate(code.targetId) : undefined;
      const replaced = Object.assign(new ReplacedServiceCode(), {
        message: facts ? `此码已更换为新码，请扫描现场的新码。您要找的是：${facts.title}` : '此码已更换为新码，请使用新码。',
        targetKind: facts ? code.targetKind : null,
        targetId: facts ? code.targetId : null,
        targetTitle: facts?.title ?? null,
      });
      return { view: replaced, kind: 'replaced', targetKind: code.targetKind };
    }
    return {
      view: await adapter.scan(code.targetId, { actor: context.actor, near, atFairId, targetVersion: resolved.targetVersion, request: context }),
      kind: 'target',
      targetKind: code.targetKind,
    };
  }

  private async countMiss(clientKey: string): Promise<void> {
    const result = await this.rateLimits.hit(`scan-miss:${clientKey}`, SCAN_MISSES_ALLOWED, SCAN_MISS_WINDOW_SECONDS);
    // Slow a run of misses down: 50 ms per miss so far, at most a second.
    await new Promise((r) => setTimeout(r, Math.min(1000, result.hits * 50)));
    if (!result.allowed) {
      this.blockedUntil.set(clientKey, Date.now() + result.retryAfterSeconds * 1000);
      if (this.blockedUntil.size > 10_000) this.blockedUntil.clear();
      throw rateLimited(result.retryAfterSeconds, '扫码失败次数过多，请稍后再试');
    }
  }
}
