import { type SheetColumn } from '@jobcode/spreadsheets';

import { ImportOutcome, type SeekerImportReport } from './seeker-import.service';

const OUTCOME_NAMES: Record<ImportOutcome, string> = { CREATED: '已新增', EXISTING: '已登记过（未改动）', REFUSED: '未导入' };

export const IMPORT_REPORT_COLUMNS: SheetColumn[] = [
  { header: '行号', width: 8, type: 'COUNT' },
  { header: '姓名', width: 12 },
  { header: '结果', width: 18 },
  { header: '有问题的列', width: 14 },
  { header: '原因', width: 70 },
];

/** The full import report as ledger rows: one line per row of the uploaded file, problems joined. */
export function* importReportRows(report: SeekerImportReport): Generator<string[]> {
  yield ['合计', `共 ${report.totalRows} 行`, `新增 ${report.created}，已登记 ${report.existing}，未导入 ${report.refused}`, '', ''];
  for (const row of report.rows) {
    const problems = row.problems ?? [];
    yield [
      String(row.row),
      row.name,
      OUTCOME_NAMES[row.outcome],
      [...new Set(problems.map((p) => p.column).filter(Boolean))].join('、'),
      problems.map((p) => p.message).join('；'),
    ];
  }
}
