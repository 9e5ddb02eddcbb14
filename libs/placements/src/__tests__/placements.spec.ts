import { randomUUID } from 'node:crypto';

import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  gigDayCompleted,
  postPublicWelfareJob,
  publicWelfareContractActivated,
  publish,
  RECORD,
  recordPlacement,
  registerSeeker,
} from '../../../../test/builders/placement.builder';
import { DONGGUAN, GUALI, HOUBEI, JINJIANG } from '../../../../test/builders/regions';

const PLACEMENTS = `query($seeker: ID) { placements(jobSeekerId: $seeker) { totalCount edges { node { source destination startDate endDate monthlyIncome current jobId } } } }`;
const STATUS = `query($id: ID!) { jobSeeker(id: $id) { employmentStatus } }`;

describe('placements', () => {
  let api: TestApp;
  let county: string;
  let guali: string;
  let liXiuying: string;
  let zhaoMei: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    liXiuying = await registerSeeker(api, county, '李秀英', JINJIANG, ['LIFTED_OUT']);
    zhaoMei = await registerSeeker(api, county, '赵梅', HOUBEI, []);
  });
  afterAll(() => api.close());

  it('staff enter work found elsewhere; the destination comes from the workplace region and the seeker reads as employed', async () => {
    const result = await api.gql<{ recordPlacement: Record<string, unknown> }>(
      RECORD,
      { input: { jobSeekerId: liXiuying, workplaceRegionCode: DONGGUAN, workplaceName: '东莞市某电子厂', startDate: '2025-02-15', monthlyIncome: 5200 } },
      guali,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordPlacement).toMatchObject({
      destination: 'OUT_OF_PROVINCE',
      source: 'SELF_FOUND',
      startDate: '2025-02-15',
      endDate: null,
      monthlyIncome: 5200,
      current: true,
      workplaceName: '东莞市某电子厂',
    });
    const status = await api.gql<{ jobSeeker: { employmentStatus: string } }>(STATUS, { id: liXiuying }, county);
    expect(status.data?.jobSeeker.employmentStatus).toBe('EMPLOYED');
  });

  it('ending a placement records the last day and the seeker reads as unemployed when nothing else is current', async () => {
    const id = await recordPlacement(api, county, { jobSeekerId: zhaoMei, workplaceRegionCode: '450329100', startDate: '2026-01-05' });
    const ended = await api.gql<{ endPlacement: { endDate: string; current: boolean; destination: string } }>(
      `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { endDate current destination } }`,
      { input: { placementId: id, endDate: '2026-06-30' } },
      county,
    );
    expect(ended.data?.endPlacement).toEqual({ endDate: '2026-06-30', current: false, destination: 'IN_COUNTY' });
    const status = await api.gql<{ jobSeeker: { employmentStatus: string } }>(STATUS, { id: zhaoMei }, county);
    expect(status.data?.jobSeeker.employmentStatus).toBe('UNEMPLOYED');

    const again = await api.gql(
      `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`,
      { input: { placementId: id, endDate: '2026-07-30' } },
      county,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ENDED' });
    expect(again.errors?.[0].message).toContain('2026-06-30');
  });

  it('refuses contract and gig sources by hand, an end before the start, and bad workplace codes, naming the field', async () => {
    const contract = await api.gql(
      RECORD,
      { input: { jobSeekerId: zhaoMei, source: 'CONTRACT', workplaceRegionCode: '450329', startDate: '2025-01-01' } },
      county,
    );
    expect(contract.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });

    const backwards = await api.gql(
      RECORD,
      { input: { jobSeekerId: zhaoMei, workplaceRegionCode: '450329', startDate: '2025-05-01', endDate: '2025-04-30' } },
      county,
    );
    expect(backwards.errors?.[0]).toMatchObject({
      message: '结束日期 2025-04-30 不能早于开始日期 2025-05-01',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.endDate' },
    });

    const badRegion = await api.gql(RECORD, { input: { jobSeekerId: zhaoMei, workplaceRegionCode: '4419001', startDate: '2025-05-01' } }, county);
    expect(badRegion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workplaceRegionCode' });

    const workshopWithout = await api.gql(
      RECORD,
      { input: { jobSeekerId: zhaoMei, source: 'WORKSHOP', workplaceRegionCode: '450329', startDate: '2025-05-01' } },
      county,
    );
    expect(workshopWithout.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workshopId' });
  });

  it('lists who is at work in the staff member’s area by name, village and workplace; the ended ones only when asked', async () => {
    const weiHong = await registerSeeker(api, county, '韦小红', JINJIANG, []);
    const lanHai = await registerSeeker(api, county, '蓝海', JINJIANG, []);
    const working = await recordPlacement(api, county, {
      jobSeekerId: weiHong,
      workplaceRegionCode: DONGGUAN,
      workplaceName: '东莞市某鞋厂',
      startDate: '2025-06-01',
    });
    const ended = await recordPlacement(api, county, { jobSeekerId: lanHai, workplaceRegionCode: GUALI, startDate: '2025-01-01', endDate: '2025-03-01' });
    const list = `query($current: Boolean, $region: String) {
      placements(currentOnly: $current, regionCode: $region, first: 100) {
        edges { node { id jobSeekerName homeRegion { fullName } workplaceRegion { name } workplaceName } }
      }
    }`;
    type Listed = {
      placements: { edges: { node: { id: string; jobSeekerName: string; homeRegion: { fullName: string }; workplaceRegion: { name: string } | null } }[] };
    };
    const current = await api.gql<Listed>(list, { current: true, region: JINJIANG }, guali);
    expect(current.errors).toBeUndefined();
    const rows = current.data!.placements.edges.map((e) => e.node);
    expect(rows.find((r) => r.id === working)).toEqual({
      id: working,
      jobSeekerName: '韦小红',
      homeRegion: { fullName: '资源县瓜里乡金江村' },
      workplaceRegion: { name: '东莞市' },
      workplaceName: '东莞市某鞋厂',
    });
    expect(rows.map((r) => r.id)).not.toContain(ended);
    const all = await api.gql<Listed>(list, { region: JINJIANG }, guali);
    expect(all.data!.placements.edges.find((e) => e.node.id === ended)?.node).toMatchObject({ jobSeekerName: '蓝海', workplaceRegion: { name: '瓜里乡' } });
  });

  it('staff of another township neither record nor see placements of people outside it', async () => {
    const recorded = await api.gql(RECORD, { input: { jobSeekerId: zhaoMei, workplaceRegionCode: '450329', startDate: '2025-05-01' } }, guali);
    expect(recorded.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SEEKER_NOT_FOUND' });
    const listed = await api.gql<{ placements: { totalCount: number } }>(PLACEMENTS, { seeker: zhaoMei }, guali);
    expect(listed.data?.placements.totalCount).toBe(0);
    const seeker = (await api.signedIn(Role.SEEKER)).token;
    const denied = await api.gql(PLACEMENTS, { seeker: zhaoMei }, seeker);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an active contract for a public-welfare post becomes one PUBLIC_WELFARE placement even when the event is delivered twice, and its end closes it', async () => {
    const jobId = await postPublicWelfareJob(api, county, { publish: true });
    const contractId = randomUUID();
    const payload = publicWelfareContractActivated(contractId, jobId, zhaoMei);
    await publish(api, 'contract.activated', contractId, payload, `contract.activated:${contractId}`);
    // The same fact published again under another key (a replay) must not double the placement.
    await publish(api, 'contract.activated', contractId, payload, `contract.activated:${contractId}:replay`);

    const listed = await api.gql<{ placements: { edges: { node: Record<string, unknown> }[] } }>(PLACEMENTS, { seeker: zhaoMei }, county);
    const fromContract = listed.data!.placements.edges.map((e) => e.node).filter((n) => n.jobId === jobId);
    expect(fromContract).toEqual([
      { source: 'PUBLIC_WELFARE', destination: 'IN_COUNTY', startDate: '2025-01-01', endDate: '2025-12-31', monthlyIncome: 1500, current: false, jobId },
    ]);

    await publish(api, 'contract.ended', contractId, { contractId, seekerId: zhaoMei, endDate: '2025-09-30' }, `contract.ended:${contractId}`);
    const after = await api.gql<{ placements: { edges: { node: Record<string, unknown> }[] } }>(PLACEMENTS, { seeker: zhaoMei }, county);
    expect(after.data!.placements.edges.find((e) => e.node.jobId === jobId)?.node.endDate).toBe('2025-09-30');
  });

  it('a completed gig booking becomes a one-day GIG placement, once', async () => {
    const bookingId = randomUUID();
    const jobId = randomUUID();
    const payload = gigDayCompleted(bookingId, jobId, liXiuying);
    await publish(api, 'gig.booking.completed', bookingId, payload, `gig.booking.completed:${bookingId}`);
    await publish(api, 'gig.booking.completed', bookingId, payload, `gig.booking.completed:${bookingId}:replay`);
    const listed = await api.gql<{ placements: { edges: { node: Record<string, unknown> }[] } }>(PLACEMENTS, { seeker: liXiuying }, county);
    expect(listed.data!.placements.edges.map((e) => e.node).filter((n) => n.jobId === jobId)).toEqual([
      { source: 'GIG', destination: 'IN_COUNTY', startDate: '2025-03-10', endDate: '2025-03-10', monthlyIncome: null, current: false, jobId },
    ]);
  });

  it('an event that breaks the shared contract writes nothing and is not retried', async () => {
    const before = await api.gql<{ placements: { totalCount: number } }>(PLACEMENTS, {}, county);
    await publish(api, 'contract.activated', 'broken', { contractId: 'broken' }, 'contract.activated:broken');
    const after = await api.gql<{ placements: { totalCount: number } }>(PLACEMENTS, {}, county);
    expect(after.data?.placements.totalCount).toBe(before.data?.placements.totalCount);
    const [delivery] = (await api.dataSource.query(
      `SELECT d.status, d.attempts FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.idempotency_key = 'contract.activated:broken'`,
    )) as { status: string; attempts: number }[];
    expect(delivery).toEqual({ status: 'DONE', attempts: 1 });
  });
});
