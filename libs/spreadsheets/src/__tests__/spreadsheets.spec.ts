import { PassThrough, Readable } from 'node:stream';

import { Workbook } from 'exceljs';

import { attachmentDisposition, MissingColumnsError, NotASpreadsheetError, readSheetRows, writeSheet } from '../index';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function written(rows: string[][]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSheet(output, '表', [{ header: '姓名' }, { header: '身份证号' }], rows);
  return Buffer.concat(chunks);
}

const columns = { 姓名: [], 身份证号: ['身份证号码'] } as const;

describe('spreadsheets', () => {
  it('writes counts, amounts and dates as typed cells Excel can sum, with the header frozen and columns wide enough for it', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeSheet(
      output,
      '台账',
      [
        { header: '身份证号', width: 22 },
        { header: '人数', type: 'COUNT' },
        { header: '月收入（元）', width: 8, type: 'AMOUNT' },
        { header: '开始日期', type: 'DATE' },
      ],
      [
        ['450329199001011234', '12', '4400', '2025-03-15'],
        ['45032919900101123X', '0', '', ''],
        ['450329199001015678', '3', '3500.5', '2025-12-31'],
      ],
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('450329199001011234');
    expect(sheet.getCell('B2').value).toBe(12);
    expect(sheet.getCell('C2').value).toBe(4400);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('D2').value).toEqual(new Date('2025-03-15T00:00:00Z'));
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('C4').value).toBe(3500.5);
    // "月收入（元）" is 12 characters wide in Excel: the declared 8 is widened to show it.
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(12);
    expect(sheet.getColumn(1).width).toBe(22);
  });

  it('streams back what the streaming writer wrote, by header, keeping 18-digit numbers as text', async () => {
    const file = await written([
      ['张三', '450329199001011234'],
      ['李四', '45032919900101123X'],
    ]);
    const rows = await collect(readSheetRows(Readable.from(file), { columns, required: ['姓名', '身份证号'] }));
    expect(rows.map((r) => [r.rowNumber, r.text])).toEqual([
      [2, { 姓名: '张三', 身份证号: '450329199001011234' }],
      [3, { 姓名: '李四', 身份证号: '45032919900101123X' }],
    ]);
  });

  it('keeps Chinese characters whole where they straddle two zip chunks, in inline and in shared strings', async () => {
    const people = Array.from({ length: 3000 }, (_, i) => [`瑶族苗族侗族壮族${i}`, `河口瑶族乡猴背村第${i}组`]);
    const inline = await written(people);
    const workbook = new Workbook();
    workbook.addWorksheet('表').addRows([['姓名', '身份证号'], ...people]);
    const shared = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const file of [inline, shared]) {
      const rows = await collect(readSheetRows(Readable.from(file), { columns, required: ['姓名', '身份证号'] }));
      expect(rows).toHaveLength(3000);
      expect(rows.filter((r) => r.text['姓名'].includes('\ufffd') || r.text['身份证号'].includes('\ufffd'))).toEqual([]);
      expect(rows[2999].text).toEqual({ 姓名: '瑶族苗族侗族壮族2999', 身份证号: '河口瑶族乡猴背村第2999组' });
    }
  });

  it('finds the header below a title line, accepts aliases and skips empty rows', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRows([['某县台账'], ['序号', '姓名', '身份证号码 *'], [1, '王五', '4503'], [], [2, { richText: [{ text: '赵' }, { text: '六' }] }, '4504']]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = await collect(readSheetRows(Readable.from(file), { columns, required: ['姓名', '身份证号'] }));
    expect(rows.map((r) => r.text)).toEqual([
      { 姓名: '王五', 身份证号: '4503' },
      { 姓名: '赵六', 身份证号: '4504' },
    ]);
  });

  it('names the missing columns, and tells a non-spreadsheet apart', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('台账').addRows([['姓名', '备注']]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(collect(readSheetRows(Readable.from(file), { columns, required: ['姓名', '身份证号'] }))).rejects.toEqual(
      new MissingColumnsError(['身份证号']),
    );
    await expect(collect(readSheetRows(Readable.from(Buffer.from('not a zip')), { columns, required: ['姓名'] }))).rejects.toBeInstanceOf(NotASpreadsheetError);
  });

  it('encodes a Chinese download name per RFC 5987 with an ASCII fallback', () => {
    expect(attachmentDisposition('求职登记台账.xlsx', 'seekers.xlsx')).toBe(
      `attachment; filename="seekers.xlsx"; filename*=UTF-8''%E6%B1%82%E8%81%8C%E7%99%BB%E8%AE%B0%E5%8F%B0%E8%B4%A6.xlsx`,
    );
  });
});
