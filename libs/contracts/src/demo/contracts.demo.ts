import { randomBytes } from 'node:crypto';

import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsService } from '@jobcode/accounts';
import { ApplicationMove, ApplicationsService } from '@jobcode/applications';
import { type Actor, COUNTY_TODAY_SQL, countyToday, Role } from '@jobcode/common';
import { demoAdmin } from '@jobcode/employers';
import { WageUnit } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { JobSeeker, LaborCapacity } from '@jobcode/seekers';

import { ContractTermKind } from '../contract.enums';
import { ContractCountersignService } from '../contract-countersign.service';
import { ContractOfferService } from '../contract-offer.service';
import { ContractSigningService } from '../contract-signing.service';

const JOBS = 12;
const CONSENT = '本人在村就业服务站同意代为报名（演示数据）';

function daysAfter(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Demo step: desk applications by staff for 24 demo seekers to 12 open jobs, a few moved
 * along, and three contracts: one waiting for the seeker, one signed by the seeker, one
 * ACTIVE and sealed. Skipped when applications already exist (idempotent).
 */
export const contractsDemoStep = {
  name: 'applications and contracts',
  async run(app: INestApplicationContext): Promise<string> {
    const dataSource = app.get(DataSource);
    const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM application`)) as { count: number }[];
    if (count > 0) return `${count} applications already there`;
    const admin = await demoAdmin(app);
    const applications = app.get(ApplicationsService);
    const offers = app.get(ContractOfferService);
    const signing = app.get(ContractSigningService);
    const jobs = (await dataSource.query(
      `SELECT id, region_code FROM job WHERE status = 'OPEN' AND kind <> 'PUBLIC_WELFARE' AND employer_id IS NOT NULL
        AND valid_to >= ${COUNTY_TODAY_SQL} ORDER BY created_at, id LIMIT $1`,
      [JOBS],
    )) as { id: string; region_code: string }[];
    const seekers = await dataSource.manager.find(JobSeeker, {
      where: { laborCapacity: LaborCapacity.FULL },
      order: { idNumberHash: 'ASC' },
      take: jobs.length * 2,
    });
    const made: string[] = [];
    for (const [index, job] of jobs.entries()) {
      for (const seeker of seekers.slice(index * 2, index * 2 + 2)) {
        const application = await applications.apply(admin, { jobId: job.id, jobSeekerId: seeker.id, consentNote: CONSENT });
        made.push(application.id);
      }
    }
    // Every fourth application shortlisted; three of those get contracts.
    const shortlisted = made.filter((_, i) => i % 4 === 0);
    for (const id of shortlisted) await applications.move(admin, { applicationId: id, move: ApplicationMove.SHORTLIST });
    const start = daysAfter(countyToday(), 7);
    const offered = [];
    for (const [i, applicationId] of shortlisted.slice(0, 3).entries()) {
      const application = await applications.requireManageable(admin, applicationId);
      const seeker = await dataSource.manager.findOneOrFail(JobSeeker, { where: { id: application.jobSeekerId } });
      if (!seeker.accountId) {
        // The person registers on their phone (a random password: nobody signs in as them in the demo).
        const account = await app.get(AccountsService).create({
          role: Role.SEEKER,
          phone: app.get(PersonalDataCipher).decrypt(seeker.phoneEncrypted),
          password: `Demo1-${randomBytes(12).toString('hex')}`,
          name: seeker.name,
          regionCode: null,
        });
        await dataSource.manager.update(JobSeeker, { id: seeker.id }, { accountId: account.id });
        seeker.accountId = account.id;
      }
      const contract = await offers.offer(admin, {
        applicationId,
        terms: {
          wage: 2600 + i * 200,
          wageUnit: WageUnit.MONTH,
          startDate: start,
          termKind: ContractTermKind.FIXED,
          endDate: daysAfter(start, 364),
          workplace: '资源县就业帮扶车间（演示）',
          workplaceRegionCode: regionOf(jobs, application.jobId) ?? '450329100',
          workingHours: '每天 8 小时，每周休息 1 天',
          duties: '按岗位说明完成生产任务，遵守安全操作规程',
          probationMonths: 1,
          socialInsurance: true,
        },
      });
      offered.push({ contract, actor: { accountId: seeker.accountId, role: Role.SEEKER, regionCode: null, sessionId: 'demo' } as Actor, seeker });
    }
    // The second and third are signed by the seeker (identity checked with the texted code); the third is countersigned.
    for (const { contract, actor, seeker } of offered.slice(1)) {
      await signing.requestSigningCode(actor, contract.id);
      await app.get(OutboxService).drain();
      const [{ body }] = (await dataSource.query(
        `SELECT body FROM notification_message WHERE account_id = $1 AND template_key = 'contract.signing-code' ORDER BY delivered_at DESC LIMIT 1`,
        [actor.accountId],
      )) as { body: string }[];
      const code = /验证码 (\d{6})/.exec(body)?.[1] ?? '';
      const idNumber = app.get(PersonalDataCipher).decrypt(seeker.idNumberEncrypted);
      await signing.sign(actor, {
        contractId: contract.id,
        name: seeker.name,
        idNumberLast6: idNumber.slice(-6),
        code,
        digest: contract.contentDigest,
        confirmTerms: true,
      });
    }
    const last = offered[offered.length - 1];
    if (last) await app.get(ContractCountersignService).countersign(admin, { contractId: last.contract.id, digest: last.contract.contentDigest });
    await app.get(OutboxService).drain();
    return `${made.length} applications to ${jobs.length} jobs, ${shortlisted.length} shortlisted, ${offered.length} contracts (1 sent, 1 signed by the seeker, 1 active and sealed)`;
  },
};

function regionOf(jobs: { id: string; region_code: string }[], id: string): string | undefined {
  return jobs.find((j) => j.id === id)?.region_code;
}
