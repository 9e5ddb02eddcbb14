import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { type Actor, AppConfig, COUNTY_TODAY_SQL } from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { RegionScope } from '@jobcode/regions';

import { FreshReads } from './fresh-reads';
import { ServiceCode } from './service-code.entity';
import { ServiceCodeObject, ServiceCodeStatus } from './service-code.object';
import { ServiceCodeTargetKind, TARGET_KIND_NAMES } from './service-code-target-kind';
import { ServiceCodeTargets } from './service-code-targets';
import { looksLikeToken, newServiceCodeToken } from './service-code-token';
import { invalidCode, ServiceCodesException, ServiceCodesExceptionCode } from './service-codes.exception';

export interface IssueServiceCode {
  targetKind: ServiceCodeTargetKind;
  targetId: string;
  label?: string | null;
  expiresAt?: Date | null;
}

/** A token's state as a scan sees it; `targetVersion` (versioned kinds only) changes whenever what a scan of its target shows changes. */
export type ResolvedCode = { kind: 'active'; code: ServiceCode; targetVersion?: string } | { kind: 'replaced'; code: ServiceCode };

/**
 * The token and the version of what a scan of its target shows, in one indexed statement: the
 * target's counter in scan_target_version (for the versioned kinds — stations, workshops, fairs
 * and jobs — bumped by triggers at commit on any change to the target, its jobs, their shifts and
 * booked slots, a fair's booths, the jobs' employers; see the ScanTargetVersions migration) and
 * the county date (a job past valid_to closes, and the board moves on, at midnight without a
 * write). Any process that changes them changes it, so a view or response cached under it is
 * reused only while it is still exactly what the database would give. Kept only for kinds whose
 * adapter says it is `versioned`.
 */
const RESOLVE_SQL = `SELECT c.id, c.token, c.target_kind, c.target_id, c.region_code, c.label, c.issued_by, c.issued_at, c.expires_at,
       c.revoked_at, c.revoked_by, c.replaced_by_id,
       coalesce(v.version, 0) || ':' || ${COUNTY_TODAY_SQL} AS target_version
  FROM service_code c LEFT JOIN scan_target_version v ON v.target_id = c.target_id
 WHERE c.token = $1`;

interface ResolveRow {
  id: string;
  token: string;
  target_kind: ServiceCodeTargetKind;
  target_id: string;
  region_code: string | null;
  label: string | null;
  issued_by: string;
  issued_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  replaced_by_id: string | null;
  target_version: string;
}

@Injectable()
export class ServiceCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: ServiceCodeTargets,
    private readonly scope: RegionScope,
    private readonly config: AppConfig,
  ) {}

  /**
   * Token reads, coalesced per token (FreshReads: never older than the scan asking): a crowd
   * scanning one board costs one statement per round trip, not one per scan. (Not a named
   * prepared statement: on embedded PGlite every pool connection shares one session.)
   */
  private readonly codeReads = new FreshReads<string, ResolveRow | undefined>(async (token) => {
    const rows = (await this.dataSource.query(RESOLVE_SQL, [token])) as ResolveRow[];
    return rows[0];
  });

  statusOf(code: ServiceCode, now = new Date()): ServiceCodeStatus {
    if (code.replacedById) return ServiceCodeStatus.REPLACED;
    if (code.revokedAt) return ServiceCodeStatus.REVOKED;
    if (code.expiresAt && code.expiresAt <= now) return ServiceCodeStatus.EXPIRED;
    return ServiceCodeStatus.ACTIVE;
  }

  async toObject(code: ServiceCode, targetTitle?: string): Promise<ServiceCodeObject> {
    const url = `${this.config.publicUrl}/c/${code.token}`;
    const title = targetTitle ?? (await this.targets.of(code.targetKind).locate(code.targetId))?.title ?? TARGET_KIND_NAMES[code.targetKind];
    return {
      id: code.id,
      token: code.token,
      url,
      targetKind: code.targetKind,
      targetId: code.targetId,
      targetTitle: title,
      label: code.label,
      status: this.statusOf(code),
      issuedAt: code.issuedAt,
      expiresAt: code.expiresAt,
      svgUrl: `${url}/qr.svg`,
      pngUrl: `${url}/qr.png`,
      posterUrl: this.targets.find(code.targetKind)?.isPublic ? `${url}/poster.pdf` : null,
    };
  }

  private async assertManager(actor: Actor, kind: ServiceCodeTargetKind, targetId: string): Promise<{ regionCode: string | null; title: string }> {
    const adapter = this.targets.of(kind);
    const facts = await adapter.locate(targetId);
    if (!facts)
      throw new ServiceCodesException(ServiceCodesExceptionCode.TARGET_NOT_FOUND, `要发码的${TARGET_KIND_NAMES[kind]}不存在`, { field: 'input.targetId' });
    if (!(await adapter.canManage(actor, targetId))) {
      if (facts.regionCode && this.scope.prefixOf(actor) !== undefined) await this.scope.assertCovers(actor, facts.regionCode);
      throw new ServiceCodesException(ServiceCodesExceptionCode.NOT_MANAGER, `只有管理此${TARGET_KIND_NAMES[kind]}的工作人员或单位可以发放、更换或停用它的码`);
    }
    return facts;
  }

  private async insert(manager: EntityManager, issuedBy: string, input: IssueServiceCode, regionCode: string | null): Promise<ServiceCode> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await manager.save(
          manager.create(ServiceCode, {
            token: newServiceCodeToken(),
            targetKind: input.targetKind,
            targetId: input.targetId,
            regionCode,
            label: input.label?.trim() || null,
            issuedBy,
            expiresAt: input.expiresAt ?? null,
          }),
        );
      } catch (error) {
        // A 96-bit collision is astronomically unlikely; retry rather than fail if it happens.
        if (!isUniqueViolation(error) || attempt >= 2) throw error;
      }
    }
  }

  /**
   * A code issued by the feature that owns the target, inside its own transaction (a
   * contract gets its verification code when it is sent): no manager check here, the
   * caller has made it. Returns the active code the target already has, if any.
   */
  async issueWithin(manager: EntityManager, issuedBy: string, input: IssueServiceCode, regionCode: string | null): Promise<ServiceCode> {
    const existing = await manager
      .createQueryBuilder(ServiceCode, 'c')
      .where('c.target_kind = :kind AND c.target_id = :id AND c.revoked_at IS NULL AND c.replaced_by_id IS NULL', {
        kind: input.targetKind,
        id: input.targetId,
      })
      .andWhere('(c.expires_at IS NULL OR c.expires_at > now())')
      .orderBy('c.issued_at', 'DESC')
      .getOne();
    return existing ?? this.insert(manager, issuedBy, input, regionCode);
  }

  /** The address a code's QR carries. */
  scanUrl(token: string): string {
    return `${this.config.publicUrl}/c/${token}`;
  }

  async issue(actor: Actor, input: IssueServiceCode): Promise<ServiceCodeObject> {
    if (input.expiresAt && input.expiresAt <= new Date()) {
      throw new ServiceCodesException(ServiceCodesExceptionCode.BAD_EXPIRY, '到期时间应晚于现在', { field: 'input.expiresAt' });
    }
    const facts = await this.assertManager(actor, input.targetKind, input.targetId);
    const code = await this.insert(this.dataSource.manager, actor.accountId, input, facts.regionCode);
    return this.toObject(code, facts.title);
  }

  /**
   * The code, once the actor is known to manage its target; callers lock it in their own
   * transaction. Read before that transaction: the target adapters use their own connection,
   * which would wait behind an open transaction on the single-session embedded database.
   */
  private async findManaged(actor: Actor, token: string): Promise<ServiceCode> {
    const code = looksLikeToken(token) ? await this.dataSource.manager.findOne(ServiceCode, { where: { token } }) : null;
    if (!code) throw new ServiceCodesException(ServiceCodesExceptionCode.TARGET_NOT_FOUND, '找不到这个码', { field: 'input.token' });
    await this.assertManager(actor, code.targetKind, code.targetId);
    return code;
  }

  /** Stops a code; the target is untouched. Revoking twice is refused as CONFLICT. */
  async revoke(actor: Actor, token: string): Promise<ServiceCodeObject> {
    const managed = await this.findManaged(actor, token);
    const code = await inTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneOrFail(ServiceCode, { where: { id: managed.id }, lock: { mode: 'pessimistic_write' } });
      if (this.statusOf(found) !== ServiceCodeStatus.ACTIVE) {
        throw new ServiceCodesException(ServiceCodesExceptionCode.ALREADY_INACTIVE, '此码已停用、已更换或已过期，无需再停用');
      }
      found.revokedAt = new Date();
      found.revokedBy = actor.accountId;
      return manager.save(found);
    });
    return this.toObject(code);
  }

  /** Issues a new token for the same target and place; the old one answers "replaced". */
  async rotate(actor: Actor, token: string): Promise<ServiceCodeObject> {
    const managed = await this.findManaged(actor, token);
    const fresh = await inTransaction(this.dataSource, async (manager) => {
      const old = await manager.findOneOrFail(ServiceCode, { where: { id: managed.id }, lock: { mode: 'pessimistic_write' } });
      if (this.statusOf(old) !== ServiceCodeStatus.ACTIVE) {
        throw new ServiceCodesException(ServiceCodesExceptionCode.ALREADY_INACTIVE, '只能更换有效的码；已停用或已过期的码请重新发放');
      }
      const next = await this.insert(
        manager,
        actor.accountId,
        { targetKind: old.targetKind, targetId: old.targetId, label: old.label, expiresAt: old.expiresAt },
        old.regionCode,
      );
      old.replacedById = next.id;
      await manager.save(old);
      return next;
    });
    return this.toObject(fresh);
  }

  async codesOf(actor: Actor, kind: ServiceCodeTargetKind, targetId: string): Promise<ServiceCodeObject[]> {
    const facts = await this.assertManager(actor, kind, targetId);
    const codes = await this.dataSource.manager.find(ServiceCode, { where: { targetKind: kind, targetId }, order: { issuedAt: 'DESC' } });
    return Promise.all(codes.map((c) => this.toObject(c, facts.title)));
  }

  /**
   * What a token means right now. Unknown, revoked and expired tokens all raise the same
   * NOT_FOUND (no oracle); a rotated one reports that it was replaced.
   */
  async resolve(token: string): Promise<ResolvedCode> {
    if (!looksLikeToken(token)) throw invalidCode();
    const row = await this.codeReads.get(token);
    if (!row) throw invalidCode();
    const code = Object.assign(new ServiceCode(), {
      id: row.id,
      token: row.token,
      targetKind: row.target_kind,
      targetId: row.target_id,
      regionCode: row.region_code,
      label: row.label,
      issuedBy: row.issued_by,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
      replacedById: row.replaced_by_id,
    });
    const status = this.statusOf(code);
    if (status === ServiceCodeStatus.REPLACED) return { kind: 'replaced', code };
    if (status !== ServiceCodeStatus.ACTIVE) throw invalidCode();
    return { kind: 'active', code, targetVersion: this.targets.find(code.targetKind)?.versioned ? row.target_version : undefined };
  }

  /** An active code for image and poster routes; anything else is the one invalid-code answer. */
  async requireActive(token: string): Promise<ServiceCode> {
    const resolved = await this.resolve(token);
    if (resolved.kind !== 'active') throw invalidCode();
    return resolved.code;
  }
}
