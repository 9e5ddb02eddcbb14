import { Workbook } from 'exceljs';

/** An .xlsx ledger as counties keep it: a title line, then the header row, then people. */
export async function ledgerFile(rows: (string | number)[][], headers = LEDGER_HEADERS, title = '资源县求职登记台账（2026 年）'): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('台账');
  if (title) sheet.addRow([title]);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const LEDGER_HEADERS = [
  '序号',
  '姓名',
  '身份证号码',
  '联系电话',
  '乡镇',
  '村',
  '人员类别',
  '劳动能力',
  '文化程度',
  '技能',
  '求职意向',
  '期望薪资',
  '愿意县外务工',
  '培训意愿',
  '同意推荐',
];

export async function upload(url: string, token: string, file: Buffer, name = '台账.xlsx'): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
  const response = await fetch(`${url}/seekers/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
