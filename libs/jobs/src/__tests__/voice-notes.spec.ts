import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { adtsAac, m4a, oggOpus, webmAudio } from '../../../../test/builders/audio.builder';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { jobInput, POST_JOB, transition } from '../../../../test/builders/job.builder';
import { regionPoint } from '../../../regions/src/seed/region-points';
import { probeAudio } from '../voice-notes/audio-probe';

describe('voice notes: what an upload is, read from its bytes', () => {
  it('reads the kind and length of the four recorders’ formats', () => {
    expect(probeAudio(webmAudio(12.4))).toEqual({ mimeType: 'audio/webm', durationSeconds: expect.closeTo(12.4, 1) });
    expect(probeAudio(oggOpus(30))).toEqual({ mimeType: 'audio/ogg', durationSeconds: expect.closeTo(30, 2) });
    expect(probeAudio(m4a(45))).toEqual({ mimeType: 'audio/mp4', durationSeconds: expect.closeTo(45, 2) });
    expect(probeAudio(m4a(20, { fragmented: true }))).toEqual({ mimeType: 'audio/mp4', durationSeconds: expect.closeTo(20, 1) });
    expect(probeAudio(adtsAac(8))).toEqual({ mimeType: 'audio/aac', durationSeconds: expect.closeTo(8, 1) });
  });

  it('refuses video, other files and a cut-off recording', () => {
    expect(probeAudio(webmAudio(5, { video: true }))).toBe('VIDEO');
    expect(probeAudio(m4a(5, { handler: 'vide' }))).toBe('VIDEO');
    expect(probeAudio(Buffer.from('%PDF-1.7 not a recording at all'))).toBe('UNKNOWN_FORMAT');
    expect(probeAudio(Buffer.from('<html><body>hello</body></html>'))).toBe('UNKNOWN_FORMAT');
    expect(probeAudio(webmAudio(5).subarray(0, 120))).toBe('NO_DURATION');
  });

  it('gives a township’s point to its villages, and none to places without data', () => {
    expect(regionPoint('450329103201')).toEqual(regionPoint('450329103'));
    expect(regionPoint('450329103')).toEqual({ lat: expect.closeTo(25.94, 1), lng: expect.closeTo(110.61, 1) });
    expect(regionPoint('4401')).toBeNull();
  });
});

describe('voice notes over HTTP and GraphQL', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  let rival: EmployerFixture;

  const upload = (jobId: string, bytes: Buffer, token?: string, name = 'note.webm', field = 'audio') => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }), name);
    return fetch(`${api.url}/jobs/${jobId}/voice-note`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  };
  const play = (jobId: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/jobs/${jobId}/voice-note`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const voiceNoteOf = async (jobId: string, token?: string) => {
    const result = await api.gql<{ job: { voiceNote: { url: string; durationSeconds: number; mimeType: string } | null } }>(
      `query($id: ID!) { job(id: $id) { voiceNote { url durationSeconds mimeType } } }`,
      { id: jobId },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.job.voiceNote;
  };
  const draft = async (overrides: Record<string, unknown> = {}) => {
    const posted = await api.gql<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ employerId: growers.employerId, ...overrides }) }, growers.token);
    expect(posted.errors).toBeUndefined();
    return posted.data!.postJob.id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
  });
  afterAll(async () => api?.close());

  it('records a note on a draft, plays it only to the employer until the job is published, then to everyone (with ranges)', async () => {
    const jobId = await draft();
    const recording = webmAudio(12.4);
    const uploaded = await upload(jobId, recording, growers.token);
    expect(uploaded.status).toBe(200);
    const body = (await uploaded.json()) as { url: string; durationSeconds: number; mimeType: string };
    expect(body).toMatchObject({ durationSeconds: 13, mimeType: 'audio/webm', url: expect.stringMatching(new RegExp(`^/jobs/${jobId}/voice-note\\?v=`)) });
    expect(await voiceNoteOf(jobId, growers.token)).toEqual(body);

    expect((await play(jobId)).status).toBe(404);
    const own = await play(jobId, growers.token);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(recording)).toBe(true);

    await api.gql(transition('publishJob'), { input: { jobId } }, growers.token);
    expect(await voiceNoteOf(jobId)).toEqual(body);
    const heard = await play(jobId);
    expect(heard.status).toBe(200);
    expect(heard.headers.get('content-type')).toBe('audio/webm');
    expect(heard.headers.get('cache-control')).toBe('private, no-cache');
    const part = await play(jobId, undefined, { range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${recording.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    await api.gql(transition('pauseJob'), { input: { jobId } }, growers.token);
    expect((await play(jobId)).status).toBe(404);
    expect(await voiceNoteOf(jobId, growers.token)).toEqual(body);
    expect((await play(jobId, growers.token)).status).toBe(200);
  });

  it('deletes the recording when the job is closed or filled: the voice is kept only for the job', async () => {
    const count = async (jobId: string) =>
      Number(((await api.dataSource.query(`SELECT count(*) FROM job_voice_note WHERE job_id = $1`, [jobId])) as { count: string }[])[0].count);
    const closed = await draft({ publish: true });
    const filled = await draft({ publish: true });
    const kept = await draft({ publish: true });
    for (const jobId of [closed, filled, kept]) expect((await upload(jobId, webmAudio(8), growers.token)).status).toBe(200);
    await api.gql(transition('closeJob'), { input: { jobId: closed } }, growers.token);
    await api.gql(transition('markJobFilled'), { input: { jobId: filled } }, growers.token);
    await api.gql(transition('pauseJob'), { input: { jobId: kept } }, growers.token);
    await api.app.get(OutboxService).drain();
    expect([await count(closed), await count(filled), await count(kept)]).toEqual([0, 0, 1]);
    expect((await play(closed, growers.token)).status).toBe(404);
    const again = await upload(closed, webmAudio(8), growers.token);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { message: '岗位已关闭、招满或过期，不能再录语音介绍' } });
  });

  it('replaces a note with a new upload, and deletes it', async () => {
    const jobId = await draft({ publish: true });
    const first = (await (await upload(jobId, webmAudio(10), growers.token)).json()) as { url: string };
    const second = await upload(jobId, m4a(40), growers.token, 'note.m4a');
    expect(second.status).toBe(200);
    const replaced = (await second.json()) as { url: string; durationSeconds: number; mimeType: string };
    expect(replaced).toMatchObject({ durationSeconds: 40, mimeType: 'audio/mp4' });
    expect(replaced.url).not.toBe(first.url);
    expect((await play(jobId)).headers.get('content-type')).toBe('audio/mp4');
    const rows: { count: string }[] = await api.dataSource.query(`SELECT count(*) FROM job_voice_note WHERE job_id = $1`, [jobId]);
    expect(Number(rows[0].count)).toBe(1);

    const removed = await fetch(`${api.url}/jobs/${jobId}/voice-note`, { method: 'DELETE', headers: { authorization: `Bearer ${growers.token}` } });
    expect(await removed.json()).toEqual({ deleted: true });
    expect(await voiceNoteOf(jobId)).toBeNull();
    const gone = await play(jobId);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: '这个岗位还没有语音介绍' } });
  });

  it('refuses what is not a short recording, with a message a person can act on', async () => {
    const jobId = await draft();
    const refused = async (bytes: Buffer, name = 'note.webm', field = 'audio') => {
      const response = await upload(jobId, bytes, growers.token, name, field);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused(webmAudio(75))).toBe('语音介绍最长 60 秒，这段录音有 75 秒，请录短一些');
    expect(await refused(Buffer.from('这不是录音，只是改了扩展名的文本'))).toBe('不是支持的录音格式：请上传 Opus/WebM、Ogg、AAC 或 M4A 录音');
    expect(await refused(webmAudio(5, { video: true }))).toBe('只能上传录音，不能上传视频');
    expect(await refused(Buffer.alloc(1024 * 1024 + 10, 0x41))).toBe('录音文件超过 1 MB，请录短一些（最长 60 秒）');
    expect(await refused(webmAudio(5), 'note.webm', 'file')).toBe('没有收到录音：请在 audio 字段上传');
    expect(await voiceNoteOf(jobId, growers.token)).toBeNull();
  });

  it('lets only the job’s employer and the region’s staff record; the note goes with the job', async () => {
    const jobId = await draft({ publish: true });
    const stranger = await upload(jobId, webmAudio(5), rival.token);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: '只能修改本单位发布的岗位' } });
    const anonymous = await upload(jobId, webmAudio(5));
    expect(anonymous.status).toBe(401);
    const seeker = (await api.signedIn(Role.SEEKER)).token;
    expect((await upload(jobId, webmAudio(5), seeker)).status).toBe(403);
    const elsewhere = (await api.signedIn(Role.STAFF, '450323')).token;
    expect((await upload(jobId, webmAudio(5), elsewhere)).status).toBe(403);

    const byStaff = await upload(jobId, oggOpus(20), county, 'note.ogg');
    expect(byStaff.status).toBe(200);
    expect(await byStaff.json()).toMatchObject({ durationSeconds: 20, mimeType: 'audio/ogg' });

    await api.dataSource.query(`DELETE FROM job_shift WHERE job_id = $1`, [jobId]);
    await api.dataSource.query(`DELETE FROM job_search_document WHERE job_id = $1`, [jobId]).catch(() => undefined);
    await api.dataSource.query(`DELETE FROM job WHERE id = $1`, [jobId]);
    const rows: { count: string }[] = await api.dataSource.query(`SELECT count(*) FROM job_voice_note WHERE job_id = $1`, [jobId]);
    expect(Number(rows[0].count)).toBe(0);
  });
});
