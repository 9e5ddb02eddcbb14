import { Client } from 'pg';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { onServer } from '../../../../test/support/test-state';
import { addShift, BOOK, CANCEL, gigWorld, type GigWorld, seeker } from '../../../../test/builders/gig.builder';
import { jobInput, POST_JOB, transition } from '../../../../test/builders/job.builder';
import { ScanEventRecorder } from '../scan-event-recorder';
import { GigStationTarget } from '../../../jobs/src/scan-targets/gig-station.target';

/** What a crowd's phones ask: the station, its jobs with employers, the board with slots left. */
const SCAN = `query Scan($token: String!) {
  scan(token: $token) {
    __typename
    ... on GigStationScan {
      station { name }
      openJobCount
      jobs { distanceKm job { id title status employer { name } } }
      board { job { id } shift { id slots bookedCount slotsLeft } }
    }
    ... on SeekerScan { displayName }
  }
}`;
/** Asks for a job's source: not covered by the target version, so never served from the response cache. */
const SCAN_WITH_SOURCE = `query($token: String!) { scan(token: $token) { ... on GigStationScan { jobs { job { id source { __typename } } } } } }`;

interface StationScan {
  scan: {
    __typename: string;
    station: { name: string };
    openJobCount: number;
    jobs: { job: { id: string; title: string; status: string; employer: { name: string } | null } }[];
    board: { job: { id: string }; shift: { id: string; slots: number; bookedCount: number; slotsLeft: number } }[];
  };
}

/**
 * Two API processes on one database: whatever either one (or plain SQL) commits, the other's
 * next scan shows, whether its last answer came from the response cache, the view cache or not.
 */
onServer.describe('scan freshness across processes and caches', () => {
  let a: TestApp;
  let b: TestApp;
  let world: GigWorld;
  /** Calls of process A's station adapter: a response-cache hit makes none. */
  let executed: jest.SpyInstance;

  const scanA = async (query = SCAN, token?: string) => {
    const result = await a.gql<StationScan>(query, { token: world.stationToken }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.scan;
  };
  const scanB = async () => {
    const result = await b.gql<StationScan>(SCAN, { token: world.stationToken });
    expect(result.errors).toBeUndefined();
    return result.data!.scan;
  };
  const titles = (scan: StationScan['scan']) => scan.jobs.map((j) => j.job.title).sort();

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { databaseUrl: a.databaseUrl });
    world = await gigWorld(a);
    executed = jest.spyOn(a.app.get(GigStationTarget), 'scan');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers a crowd from the cache while nothing changed, and drops a job closed in the other process at the next scan', async () => {
    const first = await scanA();
    expect(first).toMatchObject({ __typename: 'GigStationScan', station: { name: '瓜里乡零工中心' }, openJobCount: 1 });
    executed.mockClear();
    expect(await scanA()).toEqual(first);
    expect(await scanA()).toEqual(first);
    expect(executed).not.toHaveBeenCalled();

    const second = await b.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: world.farm.employerId, stationId: world.stationId, publish: true, title: '辣椒分拣' }) },
      world.farm.token,
    );
    const posted = second.data!.postJob.id;
    expect(titles(await scanA())).toEqual(['番茄采摘（日结）', '辣椒分拣'].sort());
    expect(executed).toHaveBeenCalledTimes(1);

    await b.gql(transition('closeJob'), { input: { jobId: posted } }, world.farm.token);
    const after = await scanA();
    expect(titles(after)).toEqual(['番茄采摘（日结）']);
    expect(after.openJobCount).toBe(1);
    expect(titles(await scanB())).toEqual(['番茄采摘（日结）']);
  });

  it("shows the board's slots left live: booking a shift's last slot in one process fills it in the other's next scan", async () => {
    const shiftId = await addShift(a, world.farm.token, world.jobId, { slots: 1, startTime: '08:00', endTime: '12:00' });
    const slotsLeft = (scan: StationScan['scan']) => scan.board.find((e) => e.shift.id === shiftId)?.shift.slotsLeft;
    expect(slotsLeft(await scanA())).toBe(1);
    expect(slotsLeft(await scanA())).toBe(1); // from the cache

    const worker = await seeker(b, '王小红');
    const booked = await b.gql<{ bookShift: { id: string } }>(BOOK, { input: { shiftId } }, worker.token);
    expect(booked.errors).toBeUndefined();
    expect(slotsLeft(await scanA())).toBe(0);
    expect(slotsLeft(await scanB())).toBe(0);

    const cancelled = await b.gql(CANCEL, { input: { bookingId: booked.data!.bookShift.id, reason: '临时有事' } }, worker.token);
    expect(cancelled.errors).toBeUndefined();
    expect(slotsLeft(await scanA())).toBe(1);
  });

  it("keeps another station's job off this station's board once it closes, its shift meeting here", async () => {
    const shiftId = await addShift(a, world.other.token, world.otherJobId, { meetingStationId: world.stationId, startTime: '13:00', endTime: '17:00' });
    const onBoard = async () => (await scanA()).board.some((e) => e.shift.id === shiftId);
    expect(await onBoard()).toBe(true);
    expect(await onBoard()).toBe(true); // from the cache
    await b.gql(transition('pauseJob'), { input: { jobId: world.otherJobId } }, world.other.token);
    expect(await onBoard()).toBe(false);
  });

  it('notices writes made outside the API, including one that commits after a later change was already scanned', async () => {
    await a.dataSource.query(`UPDATE employer SET name = '金江番茄合作社（改名）' WHERE id = $1`, [world.farm.employerId]);
    expect((await scanA()).jobs[0].job.employer?.name).toBe('金江番茄合作社（改名）');

    // A slow transaction closes the job; its updated_at (its start time) is older than the
    // change below that commits first and is scanned: only a counter bumped at commit tells.
    const slow = new Client({ connectionString: a.databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`UPDATE job SET status = 'CLOSED', updated_at = now() WHERE id = $1`, [world.jobId]);
      await new Promise((r) => setTimeout(r, 20));
      await b.dataSource.query(`UPDATE gig_station SET opening_hours = '每天 6:00–19:00' WHERE id = $1`, [world.stationId]);
      expect(titles(await scanA())).toEqual(['番茄采摘（日结）']);
      expect(titles(await scanA())).toEqual(['番茄采摘（日结）']);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    const closed = await scanA();
    expect(closed.openJobCount).toBe(0);
    expect(closed.jobs).toEqual([]);
    expect(closed.board).toEqual([]);
    expect((await scanB()).openJobCount).toBe(0);
  });

  it('never serves signed-in callers or documents asking for uncovered fields from the response cache', async () => {
    await a.dataSource.query(`UPDATE job SET status = 'OPEN' WHERE id = $1`, [world.jobId]);
    await scanA();
    executed.mockClear();
    const staff = world.township;
    await scanA(SCAN, staff);
    await scanA(SCAN, staff);
    expect(executed).toHaveBeenCalledTimes(2);

    executed.mockClear();
    await scanA(SCAN_WITH_SOURCE);
    await scanA(SCAN_WITH_SOURCE);
    expect(executed).toHaveBeenCalledTimes(2);
  });

  it('records every scan exactly once, served from the cache, rebuilt after a change or executed in full', async () => {
    const recorder = a.app.get(ScanEventRecorder);
    // Process B's scans from the tests above would otherwise land, a second later, inside the count.
    await b.app.get(ScanEventRecorder).flush();
    await recorder.flush();
    const count = async () =>
      Number(((await a.dataSource.query(`SELECT count(*) AS n FROM scan_event WHERE target_id = $1`, [world.stationId])) as { n: string }[])[0].n);
    const before = await count();
    await b.dataSource.query(`UPDATE gig_station SET opening_hours = '每天 6:30–19:00' WHERE id = $1`, [world.stationId]);
    executed.mockClear();
    for (let i = 0; i < 5; i++) await scanA();
    expect(executed).toHaveBeenCalledTimes(1); // the first one, after the change
    await scanA(SCAN_WITH_SOURCE);
    await scanA(SCAN_WITH_SOURCE);
    await recorder.flush();
    expect((await count()) - before).toBe(7);
  });
  it('serves the no-JavaScript page from its cache only while nothing changed, in either process', async () => {
    await a.dataSource.query(`UPDATE job SET status = 'OPEN' WHERE id = $1`, [world.jobId]);
    const page = async (api: TestApp) => {
      const response = await fetch(`${api.url}/c/${world.stationToken}`);
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await page(a)).toContain('番茄采摘（日结）');
    executed.mockClear();
    expect(await page(a)).toContain('番茄采摘（日结）');
    expect(executed).not.toHaveBeenCalled();

    await b.gql(transition('closeJob'), { input: { jobId: world.jobId } }, world.farm.token);
    const after = await page(a);
    expect(after).not.toContain('番茄采摘（日结）');
    expect(after).toContain('在招岗位（0 个）');
    expect(await page(b)).not.toContain('番茄采摘（日结）');
  });
});
