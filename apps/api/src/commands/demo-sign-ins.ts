import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { AccountsService } from '@jobcode/accounts';
import { AppConfig, Role } from '@jobcode/common';
import { demoAdmin, EmployerMember } from '@jobcode/employers';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { DEMO_CODE_LABEL } from '../bootstrap/start-notices';
import type { DemoStep } from './demo-steps';

/** Printed by `npm run demo`; never created in production. */
export const DEMO_PASSWORD = 'Demo-Passw0rd';
const SEEKER_PHONE = '13900000004';

interface DemoSignIn {
  phone: string;
  role: Role;
  name: string;
  regionCode: string | null;
  who: string;
}

const SIGN_INS: DemoSignIn[] = [
  { phone: '13900000001', role: Role.STAFF, name: '县就业服务中心（演示）', regionCode: '450329', who: '县级工作人员（资源县）' },
  { phone: '13900000002', role: Role.STAFF, name: '瓜里乡劳动保障所（演示）', regionCode: '450329103', who: '乡镇工作人员（瓜里乡）' },
  { phone: '13900000003', role: Role.EMPLOYER, name: '用人单位联系人（演示）', regionCode: null, who: '用人单位' },
  { phone: SEEKER_PHONE, role: Role.SEEKER, name: '', regionCode: null, who: '求职者' },
];

/**
 * The accounts a person trying the demo signs in with — county staff, township staff, an
 * employer's contact and a registered seeker — and service codes for a station, a workshop
 * and a fair to scan. Idempotent: a second run finds them and prints them again.
 */
export const demoSignInsStep: DemoStep = {
  name: 'sign-ins',
  async run(app: NestFastifyApplication): Promise<string> {
    if (app.get(AppConfig).isProduction) return 'not created in production';
    const dataSource = app.get(DataSource);
    const accounts = app.get(AccountsService);
    const admin = await demoAdmin(app);
    const lines: string[] = [];

    const [employer] = (await dataSource.query(`SELECT id, name FROM employer WHERE status = 'VERIFIED' ORDER BY created_at, id LIMIT 1`)) as {
      id: string;
      name: string;
    }[];
    // The seeker linked on an earlier run, else a registered person of 瓜里乡 without an account.
    const [seeker] = (await dataSource.query(
      `SELECT s.id, s.name FROM job_seeker s LEFT JOIN account a ON a.id = s.account_id
        WHERE (a.phone_hash = $1) OR (s.account_id IS NULL AND s.region_code LIKE '450329103%')
        ORDER BY (a.id IS NULL), s.created_at, s.id LIMIT 1`,
      [accounts.phoneHash(SEEKER_PHONE)],
    )) as { id: string; name: string }[];

    for (const signIn of SIGN_INS) {
      const name = signIn.role === Role.SEEKER ? (seeker?.name ?? '求职者（演示）') : signIn.name;
      const account =
        (await accounts.findByPhone(signIn.phone)) ??
        (await accounts.create({ role: signIn.role, phone: signIn.phone, password: DEMO_PASSWORD, name, regionCode: signIn.regionCode }));
      if (account.role !== signIn.role) {
        lines.push(`  ${signIn.phone}  已被另一个${account.role}账号占用，未用于演示`);
        continue;
      }
      let detail = '';
      if (signIn.role === Role.EMPLOYER && employer) {
        await dataSource
          .createQueryBuilder()
          .insert()
          .into(EmployerMember)
          .values({ employerId: employer.id, accountId: account.id, isAdmin: true })
          .orIgnore()
          .execute();
        detail = employer.name;
      }
      if (signIn.role === Role.SEEKER && seeker) {
        await dataSource.query(`UPDATE job_seeker SET account_id = $2 WHERE id = $1 AND account_id IS NULL`, [seeker.id, account.id]);
        detail = seeker.name;
      }
      lines.push(`  ${signIn.phone}  ${signIn.who}${detail ? `：${detail}` : ''}`);
    }

    const codes = app.get(ServiceCodesService);
    const targets = (await dataSource.query(
      `(SELECT 'GIG_STATION' AS kind, id, name FROM gig_station WHERE region_code = '450329103' ORDER BY created_at LIMIT 1)
       UNION ALL (SELECT 'WORKSHOP', id, name FROM workshop WHERE status = 'CERTIFIED' ORDER BY created_at LIMIT 1)
       UNION ALL (SELECT 'JOB_FAIR', id, name FROM job_fair ORDER BY created_at LIMIT 1)`,
    )) as { kind: ServiceCodeTargetKind; id: string; name: string }[];
    for (const target of targets) {
      const [existing] = (await dataSource.query(
        `SELECT token FROM service_code WHERE target_kind = $1 AND target_id = $2 AND revoked_at IS NULL AND replaced_by_id IS NULL AND label = $3 LIMIT 1`,
        [target.kind, target.id, DEMO_CODE_LABEL],
      )) as { token: string }[];
      const url = existing
        ? `${app.get(AppConfig).publicUrl}/c/${existing.token}`
        : (await codes.issue(admin, { targetKind: target.kind, targetId: target.id, label: DEMO_CODE_LABEL })).url;
      lines.push(`  ${url}  ${target.name}`);
    }
    return `sign in with these phones and the password ${DEMO_PASSWORD}, and scan these codes:\n${lines.join('\n')}`;
  },
};
