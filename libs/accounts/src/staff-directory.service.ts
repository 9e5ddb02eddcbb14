import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In } from 'typeorm';

import { type Actor, type ConnectionShape, keysetPage, maskPhone, Role, toConnection } from '@jobcode/common';
import { readChannelWord } from '@jobcode/personal-data';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { AccountsService } from './accounts.service';
import { Account } from './account.entity';
import { type SecurityLogArgs, type SecurityLogEntryObject, SecurityLogKind, type StaffAccountObject, type StaffAccountsArgs } from './staff-directory.objects';

interface StaffRow {
  id: string;
  region_key: string;
  name: string;
  last_sign_in_at: Date | null;
}

interface LogRow {
  at: Date;
  at_key: string;
  src: 'S' | 'P';
  id: string;
  kind: SecurityLogKind;
  account_id: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
  name: string | null;
  role: Role | null;
  region_code: string | null;
}

const FIELD_WORD: Record<string, string> = { ID_NUMBER: '完整身份证号', PHONE: '完整手机号' };
/** The log's kinds whose subject is the account acted on. */
const ABOUT_AN_ACCOUNT = new Set<SecurityLogKind>([
  SecurityLogKind.SECOND_FACTOR_RESET,
  SecurityLogKind.ACCOUNT_DISABLED,
  SecurityLogKind.ACCOUNT_ENABLED,
  SecurityLogKind.PASSWORD_RESET,
  SecurityLogKind.REGION_CHANGED,
]);
const ROLE_WORD: Record<Role, string> = { ADMIN: '管理员', STAFF: '工作人员', EMPLOYER: '用人单位', SEEKER: '求职者' };
const SUBJECT_WORD: Record<string, string> = { JobSeeker: '求职者', Account: '账号', Employer: '用人单位', Contract: '劳动合同' };

/** Who works in the console (staff and admins in scope) and the security log an admin reads. */
@Injectable()
export class StaffDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  /**
   * Staff and admin accounts the actor oversees: an admin sees all, staff the accounts of their
   * region and below (a county officer the county's, a township officer the township's).
   */
  async staffAccounts(actor: Actor, args: StaffAccountsArgs): Promise<ConnectionShape<StaffAccountObject>> {
    const { limit, after: cursor } = keysetPage(args, ['text', 'text', 'uuid']);
    const prefix = this.scope.prefixOf(actor);
    let within: string | null = prefix ?? null;
    if (args.regionCode) {
      const region = await this.regions.require(args.regionCode, 'regionCode');
      await this.scope.assertCovers(actor, region.code);
      within = region.code;
    }
    if (prefix === undefined) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const params: unknown[] = [[Role.STAFF, Role.ADMIN]];
    let where = 'a.role = ANY($1)';
    if (within !== null) {
      params.push(`${within}%`);
      where += ` AND a.region_code LIKE $${params.length}`;
    }
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM account a WHERE ${where}`, params)) as { count: number }[];
    if (cursor) {
      params.push(...cursor);
      const n = params.length;
      where += ` AND (coalesce(a.region_code, ''), a.name, a.id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`;
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT a.id, coalesce(a.region_code, '') AS region_key, a.name,
              (SELECT max(e.at) FROM security_event e WHERE e.account_id = a.id AND e.kind = 'SIGN_IN') AS last_sign_in_at
         FROM account a
        WHERE ${where}
        ORDER BY coalesce(a.region_code, ''), a.name, a.id
        LIMIT $${params.length}`,
      params,
    )) as StaffRow[];
    const accounts = new Map(
      (await this.dataSource.manager.findBy(Account, { id: In(rows.map((row) => row.id)) })).map((account) => [account.id, account] as const),
    );
    const page = toConnection(
      rows,
      limit,
      (row) => [row.region_key, row.name, row.id],
      (row) => row,
      count,
    );
    return {
      ...page,
      edges: await Promise.all(
        page.edges.map(async (edge) => {
          const account = accounts.get(edge.node.id)!;
          const phone = this.accounts.phoneOf(account);
          return {
            cursor: edge.cursor,
            node: {
              id: account.id,
              name: account.name,
              role: account.role,
              phone: actor.role === Role.ADMIN || actor.accountId === account.id ? phone : maskPhone(phone),
              region: account.regionCode ? await this.regions.requireObject(account.regionCode) : null,
              secondFactorEnabled: account.totpEnabledAt !== null,
              lastSignInAt: edge.node.last_sign_in_at,
              disabled: account.disabledAt !== null,
              createdAt: account.createdAt,
            },
          };
        }),
      ),
    };
  }

  /**
   * The security log, newest first: the append-only security events and the personal-data
   * access log (each read of a full ID number or phone) in one list. Admins only (the resolver says so).
   */
  async securityLog(args: SecurityLogArgs): Promise<ConnectionShape<SecurityLogEntryObject>> {
    const { limit, after: cursor } = keysetPage(args, ['timestamptz', 'text', 'text']);
    const params: unknown[] = [args.kind ?? null, args.accountId ?? null];
    const filter = `($1::text IS NULL OR log.kind = $1) AND ($2::uuid IS NULL OR log.account_id = $2)`;
    const union = `
      SELECT e.at, 'S' AS src, e.id, e.kind::text AS kind, e.account_id, e.subject, e.detail FROM security_event e
      UNION ALL
      SELECT p.at, 'P' AS src, p.id, 'PERSONAL_DATA_READ' AS kind, p.account_id, p.subject_kind || ':' || p.subject_id,
             jsonb_build_object('field', p.field, 'purpose', p.purpose, 'channel', p.channel, 'subjectKind', p.subject_kind)
        FROM personal_data_access p`;
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM (${union}) log WHERE ${filter}`, params)) as { count: number }[];
    let where = filter;
    if (cursor) {
      params.push(...cursor);
      where += ` AND (log.at, log.src, log.id) < ($3::timestamptz, $4::text, $5::bigint)`;
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT log.*, to_char(log.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key, a.name, a.role, a.region_code
         FROM (${union}) log LEFT JOIN account a ON a.id = log.account_id
        WHERE ${where}
        ORDER BY log.at DESC, log.src DESC, log.id DESC
        LIMIT $${params.length}`,
      params,
    )) as LogRow[];
    const page = toConnection(
      rows,
      limit,
      // microseconds kept: two events within one millisecond are neither skipped nor repeated across pages
      (row) => [row.at_key, row.src, String(row.id)],
      (row) => row,
      count,
    );
    // The accounts the page's account actions were about, read once for the page.
    const subjects = page.edges.filter((edge) => ABOUT_AN_ACCOUNT.has(edge.node.kind) && isUUID(edge.node.subject ?? '')).map((edge) => edge.node.subject!);
    const colleagues = new Map(
      (subjects.length ? await this.dataSource.manager.findBy(Account, { id: In([...new Set(subjects)]) }) : []).map(
        (account) => [account.id, account] as const,
      ),
    );
    return {
      ...page,
      edges: await Promise.all(
        page.edges.map(async (edge) => ({
          cursor: edge.cursor,
          node: {
            id: `${edge.node.src}${edge.node.id}`,
            at: new Date(edge.node.at),
            kind: edge.node.kind,
            accountId: edge.node.account_id,
            accountName: edge.node.name,
            accountRole: edge.node.role,
            accountRegion: edge.node.region_code ? await this.regions.requireObject(edge.node.region_code) : null,
            detail: await this.describe(edge.node, colleagues),
          },
        })),
      ),
    };
  }

  /** "韦丽（工作人员）" for an event about someone's account, or the account's short id when it is gone. */
  private colleague(accountId: string | null, colleagues: ReadonlyMap<string, Account>): string {
    const account = accountId ? colleagues.get(accountId) : undefined;
    if (!account) return `编号 ${accountId?.slice(0, 8) ?? ''} `;
    return `${account.name}（${ROLE_WORD[account.role]}）`;
  }

  /** A sentence for the log's reader; never personal data in clear (the tables hold none). */
  private async describe(row: LogRow, colleagues: ReadonlyMap<string, Account>): Promise<string> {
    const detail = row.detail ?? {};
    switch (row.kind) {
      case SecurityLogKind.PERSONAL_DATA_READ: {
        const subject = SUBJECT_WORD[String(detail.subjectKind)] ?? String(detail.subjectKind);
        return `查看${subject}的${FIELD_WORD[String(detail.field)] ?? String(detail.field)}（记录 ${row.subject?.split(':')[1]?.slice(0, 8) ?? ''}），用途：${String(detail.purpose)}，途径：${readChannelWord(String(detail.channel))}`;
      }
      case SecurityLogKind.SIGN_IN:
        return detail.method === 'phone-code' ? '用短信验证码登录' : '用密码登录';
      case SecurityLogKind.SIGN_IN_FAILED:
        if (row.subject === 'unknown-phone') return '用未注册的手机号登录，未成功';
        if (row.subject === 'locked') return '账号锁定期间尝试登录';
        return typeof detail.failures === 'number' ? `密码或动态码错误（近期第 ${detail.failures} 次）` : '密码或动态码错误';
      case SecurityLogKind.ACCOUNT_LOCKED:
        return `连续输错 ${typeof detail.failures === 'number' ? detail.failures : '多'} 次，账号暂时锁定`;
      case SecurityLogKind.SECOND_FACTOR_RESET:
        return `重置了${this.colleague(row.subject, colleagues)}的身份验证器${sessionsEndedClause(detail)}`;
      case SecurityLogKind.ACCOUNT_CREATED: {
        const where = typeof detail.regionCode === 'string' ? await this.regions.fullName(detail.regionCode).catch(() => detail.regionCode as string) : '';
        return `创建${detail.role === Role.ADMIN ? '管理员' : detail.role === Role.STAFF ? '工作人员' : ''}账号${where ? `（${where}）` : ''}`;
      }
      case SecurityLogKind.ACCOUNT_DISABLED:
        return `停用了${this.colleague(row.subject, colleagues)}的账号${sessionsEndedClause(detail)}`;
      case SecurityLogKind.ACCOUNT_ENABLED:
        return `恢复了${this.colleague(row.subject, colleagues)}的账号`;
      case SecurityLogKind.PASSWORD_RESET:
        return `为${this.colleague(row.subject, colleagues)}设了临时密码${sessionsEndedClause(detail)}`;
      case SecurityLogKind.REGION_CHANGED: {
        const where = async (code: unknown) => (typeof code === 'string' ? await this.regions.fullName(code).catch(() => code) : '无');
        return `把${this.colleague(row.subject, colleagues)}的管辖区域从${await where(detail.from)}调整为${await where(detail.to)}${sessionsEndedClause(detail)}`;
      }
      case SecurityLogKind.ACCESS_DENIED:
        return `被拒绝的操作：${row.subject ?? '未知'}`;
      case SecurityLogKind.RATE_LIMITED:
        return `操作太频繁被限制：${row.subject ?? '未知'}`;
      case SecurityLogKind.PASSWORD_CHANGED:
        return typeof detail.sessionsEnded === 'number' ? `修改了密码，结束其他 ${detail.sessionsEnded} 个登录` : '修改了密码';
      case SecurityLogKind.SECOND_FACTOR_ENABLED:
        return '绑定了身份验证器';
      case SecurityLogKind.SIGN_OUT:
        return '退出登录';
      case SecurityLogKind.SIGN_UP:
        return '注册账号';
      default:
        return row.subject ?? '';
    }
  }
}

/** "，结束其 2 个登录" when an admin's action ended sessions; nothing when there were none. */
const sessionsEndedClause = (detail: Record<string, unknown>): string =>
  typeof detail.sessionsEnded === 'number' && detail.sessionsEnded > 0 ? `，结束其 ${detail.sessionsEnded} 个登录` : '';
