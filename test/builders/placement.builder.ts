import { randomUUID } from 'node:crypto';

import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { type TestApp } from '../support/test-app';
import { jobInput } from './job.builder';
import { idNumberFor, registration } from './job-seeker.builder';
import { HOUBEI } from './regions';

const REGISTER = `mutation($input: RegisterJobSeekerInput!) { registerJobSeeker(input: $input) { id } }`;

export async function registerSeeker(
  api: TestApp,
  token: string,
  name: string,
  regionCode: string,
  supportGroupCodes: string[],
  birth = '19880512',
): Promise<string> {
  const result = await api.gql<{ registerJobSeeker: { id: string } }>(
    REGISTER,
    { input: registration({ name, regionCode, supportGroupCodes, idNumber: idNumberFor(birth) }) },
    token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.registerJobSeeker.id;
}

export const RECORD = `mutation($input: RecordPlacementInput!) {
  recordPlacement(input: $input) { id jobSeekerId destination source startDate endDate monthlyIncome current workplaceRegionCode workplaceName }
}`;

export async function recordPlacement(api: TestApp, token: string, input: Record<string, unknown>): Promise<string> {
  const result = await api.gql<{ recordPlacement: { id: string } }>(RECORD, { input: { source: 'SELF_FOUND', ...input } }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.recordPlacement.id;
}

/** Publishes an event of the shared contract the way its owner does: in a transaction, through the outbox; then delivers it. */
export async function publish(api: TestApp, type: string, aggregateId: string, payload: object, idempotencyKey: string): Promise<void> {
  const outbox = api.app.get(OutboxService);
  await inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type, aggregateId, payload, idempotencyKey }));
  await outbox.drain();
}

/** A public-welfare post, 村级保洁员 in 猴背村 at 1500 yuan a month, posted by staff (`overrides`, e.g. publish); returns its id. */
export async function postPublicWelfareJob(api: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await api.gql<{ postJob: { id: string } }>(
    `mutation($input: PostJobInput!) { postJob(input: $input) { id } }`,
    {
      input: jobInput({
        kind: 'PUBLIC_WELFARE',
        title: '村级保洁员',
        description: '负责猴背村公共区域保洁',
        wageMin: 1500,
        wageMax: 1500,
        regionCode: HOUBEI,
        ...overrides,
      }),
    },
    token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.postJob.id;
}

/** The contract.activated payload of a contract for that post: all of 2025 in 猴背村, 1500 yuan a month. */
export const publicWelfareContractActivated = (contractId: string, jobId: string, seekerId: string) => ({
  contractId,
  applicationId: randomUUID(),
  jobId,
  seekerId,
  employerId: null,
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  wage: 1500,
  wageUnit: 'MONTH',
  monthlyWage: 1500,
  termKind: 'FIXED',
  workplaceRegionCode: HOUBEI,
});

/** The gig.booking.completed payload of one day's gig in the county seat on 2025-03-10, paid 150 yuan. */
export const gigDayCompleted = (bookingId: string, jobId: string, seekerId: string) => ({
  bookingId,
  shiftId: randomUUID(),
  jobId,
  seekerId,
  employerId: null,
  shiftDate: '2025-03-10',
  pay: 150,
  workplaceRegionCode: '450329100',
});
