import { type INestApplicationContext } from '@nestjs/common';

import { type Actor, countyToday } from '@jobcode/common';
import { JobsService } from '@jobcode/jobs';

import { type TestApp } from '../support/test-app';

export function daysFromToday(days: number): string {
  const [y, m, d] = countyToday().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const JOB_FIELDS = `id title kind status wageMin wageMax wageUnit monthlyWageMin monthlyWageMax headcount validTo flags
  region { code } benefits { board lodging transport socialInsurance } employer { id name }`;

export const POST_JOB = `mutation($input: PostJobInput!) { postJob(input: $input) { ${JOB_FIELDS} } }`;

export function jobInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'FULL_TIME',
    title: '番茄采摘工',
    occupation: '采摘工',
    occupationCode: '5-01-02-01',
    description: '金江村番茄基地采摘、分拣、装箱，按时上下班。',
    wageMin: 3000,
    wageMax: 4000,
    wageUnit: 'MONTH',
    headcount: 10,
    regionCode: '450329103201',
    address: '资源县瓜里乡金江村番茄基地',
    latitude: 26.0421,
    longitude: 110.6327,
    workingHours: '7:00–11:30，14:30–18:00',
    benefits: { board: true, lodging: true, transport: false, socialInsurance: true },
    requirements: '能吃苦耐劳，不怕晒',
    contractTerm: '一季（约 4 个月）',
    validFrom: daysFromToday(0),
    validTo: daysFromToday(60),
    publish: false,
    ...overrides,
  };
}

export const transition = (name: string) => `mutation($input: JobTransitionInput!) { ${name}(input: $input) { id status } }`;

/** An OPEN job posted by `token` (an employer member, or staff for a public-welfare post). */
export async function openJob(api: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await api.gql<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ publish: true, ...overrides }) }, token);
  if (!result.data?.postJob) throw new Error(JSON.stringify(result.errors));
  return result.data.postJob.id;
}

/** Service tier: an OPEN job posted by `actor` through JobsService. */
export async function openJobThroughServices(
  app: Pick<INestApplicationContext, 'get'>,
  actor: Actor,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const job = await app.get(JobsService).post(actor, jobInput({ publish: true, ...overrides }) as unknown as Parameters<JobsService['post']>[1]);
  return job.id;
}
