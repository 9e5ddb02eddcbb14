import { Workbook } from 'exceljs';

import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { idNumberFor, REGISTER, registration, seekerPhone, withWrongCheckDigit } from '../../../../test/builders/job-seeker.builder';
import { ledgerFile, upload } from '../../../../test/builders/ledger.builder';
import { GUALI } from '../../../../test/builders/regions';

interface Report {
  totalRows: number;
  created: number;
  existing: number;
  refused: number;
  truncated: boolean;
  rows: { row: number; name: string; outcome: string; jobSeekerId?: string; problems?: { column: string; message: string }[] }[];
}

describe('seeker ledger import and export', () => {
  let api: TestApp;
  let staff: { token: string; accountId: string };
  const good1 = idNumberFor('19900101', 1);
  const good2 = idNumberFor('19820615', 2);
  const already = idNumberFor('19750909', 3);
  const broken = withWrongCheckDigit(idNumberFor('19850505', 4));
  const phones = [seekerPhone(), seekerPhone(), seekerPhone()];

  beforeAll(async () => {
    api = await startTestApp();
    staff = await api.signedIn(Role.STAFF, GUALI);
    await api.gql(REGISTER, { input: registration({ idNumber: already, name: '陈已登' }) }, staff.token);
  });
  afterAll(async () => api?.close());

  const file = () =>
    ledgerFile([
      [1, '刘一', good1, phones[0], '瓜里乡', '金江村', '脱贫人口、监测对象', '有劳动能力', '初中', '电焊', '普工', '3500元/月', '是', '电工', '是'],
      [2, '刘二', good2, phones[1], '', '白竹', 'RETURNEE', '弱', '小学', '', '保洁', '', '否', '', '否'],
      [3, '陈已登', already, phones[2], '瓜里乡', '金江村', '脱贫人口', '有', '', '', '', '', '否', '', '是'],
      [4, '错校验', broken, phones[2], '瓜里乡', '金江村', '', '有', '', '', '', '', '否', '', '是'],
      [5, '不知村', idNumberFor(), '1381234', '瓜里乡', '不存在村', '皇亲国戚', '很强', '', '', '', '', '也许', '', '是'],
      [6, '外乡人', idNumberFor(), seekerPhone(), '河口瑶族乡', '猴背村', '', '有', '', '', '', '', '否', '', '是'],
      [7, '刘一重复', good1, phones[0], '瓜里乡', '金江村', '', '有', '', '', '', '', '否', '', '是'],
      [8, '数字号', 450329199001011234, phones[0], '瓜里乡', '金江村', '', '有', '', '', '', '', '否', '', '是'],
    ]);

  it('reports per row what was created, what existed and what was refused and why, and writes only the good rows', async () => {
    const { status, body } = await upload(api.url, staff.token, await file());
    expect(status).toBe(200);
    const report = body as unknown as Report;
    expect(report).toMatchObject({ totalRows: 8, created: 2, existing: 1, refused: 5, truncated: false });
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)).toMatchObject({ name: '刘一', outcome: 'CREATED' });
    expect(byRow.get(4)).toMatchObject({ name: '刘二', outcome: 'CREATED' });
    expect(byRow.get(5)).toMatchObject({ name: '陈已登', outcome: 'EXISTING' });
    expect(byRow.get(6)?.problems).toEqual([{ column: '身份证号', message: '身份证号校验位不正确，请逐位核对（可能有一位抄错）' }]);
    expect(byRow.get(7)?.problems?.map((p) => p.column)).toEqual(expect.arrayContaining(['村', '劳动能力', '愿意县外务工']));
    expect(byRow.get(7)?.problems?.find((p) => p.column === '村')?.message).toBe('找不到瓜里乡下的村“不存在村”，请核对村名或填写 12 位区划代码');
    expect(byRow.get(8)?.problems?.[0].message).toContain('不在您的管辖范围内');
    expect(byRow.get(9)?.problems).toEqual([{ column: '身份证号', message: '与本表第 3 行的身份证号相同，同一人只登记一次' }]);
    expect(byRow.get(10)?.problems?.[0].message).toContain('单元格是数字格式');

    const stored = await api.dataSource.query(
      `SELECT s.name, s.channel, s.wanted_wage AS "wantedWage", s.wanted_wage_unit AS "unit", s.region_code AS "regionCode",
              array(SELECT support_group_code FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id ORDER BY 1) AS groups
       FROM job_seeker s WHERE s.channel = 'IMPORT' ORDER BY s.name`,
    );
    expect(stored).toEqual([
      { name: '刘一', channel: 'IMPORT', wantedWage: 3500, unit: 'MONTH', regionCode: '450329103201', groups: ['LIFTED_OUT', 'MONITORED'] },
      { name: '刘二', channel: 'IMPORT', wantedWage: null, unit: null, regionCode: '450329103202', groups: ['RETURNEE'] },
    ]);
  });

  it('creates nothing new when the same file is imported again', async () => {
    const before = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM job_seeker)::int AS seekers, (SELECT count(*) FROM job_seeker_support_group)::int AS links`,
    );
    const { body } = await upload(api.url, staff.token, await file());
    expect(body).toMatchObject({ totalRows: 8, created: 0, existing: 3, refused: 5 });
    const after = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM job_seeker)::int AS seekers, (SELECT count(*) FROM job_seeker_support_group)::int AS links`,
    );
    expect(after).toEqual(before);
  });

  it('gives the full report as a sheet on request, one line per row with its reasons', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await file())]), '瓜里乡台账.xlsx');
    const response = await fetch(`${api.url}/seekers/import?report=xlsx`, { method: 'POST', headers: { authorization: `Bearer ${staff.token}` }, body: form });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe('导入结果-瓜里乡台账.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows[0]).toEqual(['行号', '姓名', '结果', '有问题的列', '原因']);
    expect(rows[1]).toEqual(['合计', '共 8 行', '新增 0，已登记 3，未导入 5']); // after the two imports above
    // Row numbers are numbers (Excel sorts them as such).
    expect(rows.slice(2).map((r) => r[0])).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.find((r) => (r[0] as unknown) === 6)).toEqual([6, '错校验', '未导入', '身份证号', '身份证号校验位不正确，请逐位核对（可能有一位抄错）']);
  });

  it('refuses a file that is not an .xlsx, or lacks required columns, with a message naming what is wrong', async () => {
    const notExcel = await upload(api.url, staff.token, Buffer.from('姓名,身份证号\n张三,1'), 'ledger.csv');
    expect(notExcel).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', reason: 'NOT_A_SPREADSHEET' } } });
    const missing = await upload(api.url, staff.token, await ledgerFile([['张三', '1']], ['姓名', '备注'], ''));
    expect(missing.status).toBe(400);
    expect((missing.body.error as { message: string }).message).toBe(
      '表格缺少必需的列：身份证号、手机号、村、劳动能力。第一行应为列名，例如 姓名、身份证号、手机号、村、劳动能力',
    );
  });

  it('refuses the import to employers and to callers without a token', async () => {
    const employer = await api.signedIn(Role.EMPLOYER);
    expect(await upload(api.url, employer.token, await file())).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const anonymous = await fetch(`${api.url}/seekers/import`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  async function download(query: string, token: string) {
    const response = await fetch(`${api.url}/seekers/export${query}`, { headers: { authorization: `Bearer ${token}` } });
    const workbook = new Workbook();
    if (response.status === 200) await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as string[]).slice(1)));
    return { response, rows };
  }

  it('exports the region in the same layout with masked ID numbers and phones, under a Chinese file name', async () => {
    const { response, rows } = await download('', staff.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="job-seekers.xlsx"; filename\*=UTF-8''%E6%B1%82%E8%81%8C/);
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1])).toMatch(/^求职登记台账-资源县瓜里乡-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(rows[0].slice(0, 8)).toEqual(['姓名', '身份证号', '手机号', '乡镇', '村', '人员类别', '劳动能力', '文化程度']);
    const liu = rows.find((r) => r[0] === '刘一')!;
    expect(liu.slice(0, 8)).toEqual([
      '刘一',
      `4503**********${good1.slice(-4)}`,
      `${phones[0].slice(0, 3)}****${phones[0].slice(-4)}`,
      '瓜里乡',
      '金江村',
      '脱贫人口、监测对象',
      '有劳动能力',
      '初中',
    ]);
    expect(rows).toHaveLength(4); // header + 刘一, 刘二, 陈已登
  });

  it('exports full values only on request, logging each one with the purpose, and the export re-imports as existing', async () => {
    const { rows } = await download('?full=1&purpose=%E5%8A%B3%E5%8A%A1%E8%A1%A5%E8%B4%B4%E6%A0%B8%E5%AF%B9', staff.token);
    expect(rows.find((r) => r[0] === '刘一')?.[1]).toBe(good1);
    const logged = await api.dataSource.query(`SELECT field, purpose, channel FROM personal_data_access WHERE account_id = $1 ORDER BY id`, [staff.accountId]);
    expect(logged).toHaveLength(6);
    expect(logged[0]).toEqual({ field: 'ID_NUMBER', purpose: '劳务补贴核对', channel: 'GET /seekers/export' });

    const workbook = new Workbook();
    workbook.addWorksheet('求职登记').addRows(rows);
    const { body } = await upload(api.url, staff.token, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(body).toMatchObject({ totalRows: 3, created: 0, existing: 3, refused: 0 });
  });

  it('refuses an export of a region outside the caller scope', async () => {
    const { response } = await download('?regionCode=450329202', staff.token);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });
});
