import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, countyDateSql, countyInstantSql, type GeoPoint, rateLimited, type RequestContext } from '@jobcode/common';
import { RegionScope } from '@jobcode/regions';
import { RateLimitService } from '@jobcode/rate-limit';

import { clientClass } from './client-class';
import { type ScanCount, ScanCountGroup, type ScanCountsInput } from './scan-counts';
import { ReplacedServiceCode } from './service-code.object';
import type { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodeTargets } from './service-code-targets';
import { ScanEventRecorder } from './scan-event-recorder';
import { type ResolvedCode, ServiceCodesService } from './service-codes.service';
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
  private readonly opened = new WeakMap<RequestContext, Map<string, Promise<ResolvedCode>>>();

  constructor(
    private readonly codes: ServiceCodesService,
    private readonly targets: ServiceCodeTargets,
    private readonly recorder: ScanEventRecorder,
    private readonly rateLimits: RateLimitService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
  ) {}

  /** Scans per day (county time) and per code or target, inside the caller's region. */
  async counts(actor: Actor, input: ScanCountsInput): Promise<ScanCount[]> {
    if (input.from > input.to) throw badInput('起始日期不能晚于截止日期', { field: 'input.from' });
    const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
    if (!Number.isFinite(days) || days > 366) throw badInput('一次最多统计 366 天，日期须有效', { field: 'input.to' });
    if (input.regionCode) await this.scope.assertCovers(actor, input.regionCode);
    const prefix = input.regionCode ?? this.scope.prefixOf(actor) ?? null;
    const byCode = input.groupBy === ScanCountGroup.CODE;
    const rows: { day: string; target_kind: string; target_id: string; token: string | null; label: string | null; scans: number; signed_in: number }[] =
      await this.dataSource.query(
        `SELECT ${countyDateSql('e.scanned_at')}::text AS day, e.target_kind, e.target_id,
                ${byCode ? 'c.token, c.label' : 'NULL AS token, NULL AS label'},
                count(*)::int AS scans, count(e.account_id)::int AS signed_in
           FROM scan_event e ${byCode ? 'JOIN service_code c ON c.id = e.code_id' : ''}
          WHERE e.scanned_at >= ${countyInstantSql('$1::date')} AND e.scanned_at < ${countyInstantSql('$2::date + 1')}
            AND ($3::text IS NULL OR e.region_code LIKE $3 || '%') AND ($4::text IS NULL OR e.target_kind = $4)
          GROUP BY 1, 2, 3${byCode ? ', 4, 5' : ''}
          ORDER BY 1, scans DESC`,
        [input.from, input.to, prefix, input.targetKind ?? null],
      );
    return rows.map((r) => ({
      day: r.day,
      targetKind: r.target_kind as ScanCount['targetKind'],
      targetId: r.target_id,
      token: r.token,
      label: r.label,
      scans: r.scans,
      signedInScans: r.signed_in,
    }));
  }

  /**
   * Resolves a token for one request and records the scan: once per request and token, however
   * many callers ask (the scan response cache asks before execution, the resolver during it),
   * so a request reads the token once, records one scan and counts at most one miss.
   */
  open(token: string, context: RequestContext, channel: 'GRAPHQL' | 'PAGE'): Promise<ResolvedCode> {
    let opened = this.opened.get(context);
    if (!opened) this.opened.set(context, (opened = new Map()));
    let resolved = opened.get(token);
    if (!resolved) {
      resolved = this.resolveAndRecord(token, context, channel);
      // Settled either way here; callers that await it see the same outcome.
      resolved.catch(() => undefined);
      opened.set(token, resolved);
    }
    return resolved;
  }

  private async resolveAndRecord(token: string, context: RequestContext, channel: 'GRAPHQL' | 'PAGE'): Promise<ResolvedCode> {
    // Nobody blocked (the usual case): the client key is not even computed.
    const blocked = this.blockedUntil.size > 0 ? this.blockedUntil.get(context.clientKey) : undefined;
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
    return resolved;
  }

  async scan(token: string, context: RequestContext, channel: 'GRAPHQL' | 'PAGE', near?: GeoPoint, atFairId?: string): Promise<ScanOutcome> {
    const resolved = await this.open(token, context, channel);
    const { code } = resolved;
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
