import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { type TestApp } from '../support/test-app';
import { idNumberFor, registration } from './job-seeker.builder';

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
