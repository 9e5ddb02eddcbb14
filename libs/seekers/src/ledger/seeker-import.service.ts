import { type Readable } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { RegionScope, RegionsService } from '@jobcode/regions';
import { MissingColumnsError, NotASpreadsheetError, readSheetRows } from '@jobcode/spreadsheets';

import { validateDraft } from '../job-seeker-draft';
import { RegistrationChannel } from '../job-seeker.enums';
import { JobSeekerRepository, type SealedJobSeeker } from '../job-seeker.repository';
import { SeekersException, SeekersExceptionCode } from '../seekers.exception';
import { SupportGroupsService } from '../support-groups.service';
import { columnOfField, draftFromLedgerRow, LEDGER_COLUMNS, LedgerDictionary, REQUIRED_COLUMNS } from './seeker-ledger';

export enum ImportOutcome {
  CREATED = 'CREATED',
  EXISTING = 'EXISTING',
  REFUSED = 'REFUSED',
}

export interface ImportProblem {
  /** The ledger column (Chinese header) the problem is about. */
  column: string;
  message: string;
}

export interface ImportRowReport {
  row: number;
  name: string;
  outcome: ImportOutcome;
  jobSeekerId?: string;
  problems?: ImportProblem[];
}

export interface SeekerImportReport {
  totalRows: number;
  created: number;
  existing: number;
  refused: number;
  /** Row by row: every refused row (up to `MAX_REFUSED_LISTED`), and created / existing rows among the first `MAX_ROWS_LISTED`. */
  rows: ImportRowReport[];
  /** True when some rows were left out of `rows` (the counts are always complete). */
  truncated: boolean;
  millis: number;
}

export const MAX_ROWS_LISTED = 1000;
export const MAX_REFUSED_LISTED = 2000;
/** Rows per INSERT statement (one JSON parameter each). */
export const IMPORT_BATCH = 1000;
/**
 * Batches in the database at once, each in its own transaction on its own connection, while the
 * next is parsed: the database writes on two cores (on the embedded database, one session, they
 * simply take turns).
 */
export const IMPORT_WRITERS = 2;

interface PendingRow {
  row: number;
  name: string;
  sealed: SealedJobSeeker;
}

/**
 * Imports a ledger (.xlsx) of job seekers: streams the rows, validates each one with the
 * same rules as the form, and inserts the valid ones in batches of `IMPORT_BATCH`, each batch
 * one transaction with `ON CONFLICT (id_number_hash) DO NOTHING`. A refused row writes
 * nothing; a person already registered is reported, not duplicated; the same file twice
 * creates nothing new. While `IMPORT_WRITERS` batches are written the next is parsed.
 */
@Injectable()
export class SeekerImportService {
  private readonly logger = new Logger(SeekerImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: JobSeekerRepository,
    private readonly groups: SupportGroupsService,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  /** `listAll`: list every row in `rows` (for the downloadable full report) instead of the bounded selection. */
  async import(actor: Actor, input: Readable, options: { listAll?: boolean } = {}): Promise<SeekerImportReport> {
    const started = Date.now();
    const allGroups = await this.groups.all();
    const regionMap = new Map((await this.regions.descendants('')).map((r) => [r.code, r]));
    const dictionary = new LedgerDictionary(regionMap, allGroups);
    const context = { groups: allGroups, region: (code: string) => regionMap.get(code) };
    const report: SeekerImportReport = { totalRows: 0, created: 0, existing: 0, refused: 0, rows: [], truncated: false, millis: 0 };
    const firstRowOf = new Map<string, number>();
    let batch: PendingRow[] = [];
    const writing = new Set<Promise<void>>();
    let writeFailure: unknown;

    const note = (entry: ImportRowReport) => {
      if (entry.outcome === ImportOutcome.REFUSED) report.refused++;
      else if (entry.outcome === ImportOutcome.CREATED) report.created++;
      else report.existing++;
      const listed = options.listAll || (entry.outcome === ImportOutcome.REFUSED ? report.refused <= MAX_REFUSED_LISTED : entry.row <= MAX_ROWS_LISTED + 1);
      if (listed) report.rows.push(entry);
      else report.truncated = true;
    };
    const flush = () => {
      const rows = batch;
      batch = [];
      const written: Promise<void> = this.write(rows, note)
        .catch((error: unknown) => {
          writeFailure ??= error;
        })
        .finally(() => writing.delete(written));
      writing.add(written);
    };
    const allWritten = () => Promise.all(writing);

    try {
      for await (const { rowNumber, text, raw } of readSheetRows(input, { columns: LEDGER_COLUMNS, required: REQUIRED_COLUMNS })) {
        report.totalRows++;
        const name = text['姓名'] ?? '';
        const parsed = draftFromLedgerRow(text, raw, dictionary);
        const { value, problems } = parsed.problems.length ? { value: undefined, problems: parsed.problems } : validateDraft(parsed.draft!, context);
        if (value && !this.scope.covers(actor, value.regionCode)) {
          problems.push({
            field: 'regionCode',
            message: `该村（${await this.regions.fullName(value.regionCode)}）不在您的管辖范围内，请交由所属乡镇或县里导入`,
          });
        }
        if (!value || problems.length) {
          note({
            row: rowNumber,
            name,
            outcome: ImportOutcome.REFUSED,
            problems: problems.map((p) => ({ column: columnOfField(p.field), message: p.message })),
          });
          continue;
        }
        const sealed = this.repository.seal(value, { accountId: null, registeredBy: actor.accountId, channel: RegistrationChannel.IMPORT });
        const first = firstRowOf.get(sealed.id_number_hash);
        if (first !== undefined) {
          note({
            row: rowNumber,
            name,
            outcome: ImportOutcome.REFUSED,
            problems: [{ column: '身份证号', message: `与本表第 ${first} 行的身份证号相同，同一人只登记一次` }],
          });
          continue;
        }
        firstRowOf.set(sealed.id_number_hash, rowNumber);
        batch.push({ row: rowNumber, name, sealed });
        if (batch.length >= IMPORT_BATCH) {
          while (writing.size >= IMPORT_WRITERS) await Promise.race(writing); // at most IMPORT_WRITERS batches in the database while the next is parsed
          if (writeFailure) throw writeFailure;
          flush();
        }
      }
    } catch (error) {
      await allWritten();
      if (error instanceof MissingColumnsError) {
        throw new SeekersException(
          SeekersExceptionCode.MISSING_COLUMNS,
          `表格缺少必需的列：${error.missing.join('、')}。第一行应为列名，例如 ${REQUIRED_COLUMNS.join('、')}`,
          {
            details: { missing: error.missing },
          },
        );
      }
      if (error instanceof NotASpreadsheetError) {
        throw new SeekersException(SeekersExceptionCode.NOT_A_SPREADSHEET, '上传的文件不是 Excel .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传');
      }
      throw error;
    }
    flush();
    await allWritten();
    if (writeFailure) throw writeFailure;
    report.rows.sort((a, b) => a.row - b.row);
    report.millis = Date.now() - started;
    this.logger.log(
      `Import by ${actor.accountId}: ${report.totalRows} rows, ${report.created} created, ${report.existing} existing, ${report.refused} refused in ${report.millis} ms`,
    );
    return report;
  }

  /** One transaction per batch; should the batch fail as a whole, each row is retried alone so one bad row cannot sink the others. */
  private async write(rows: PendingRow[], note: (entry: ImportRowReport) => void): Promise<void> {
    if (!rows.length) return;
    try {
      const created = await inTransaction(this.dataSource, (manager) =>
        this.repository.insertMany(
          manager,
          rows.map((r) => r.sealed),
        ),
      );
      for (const r of rows) this.noteWritten(r, created, note);
    } catch (error) {
      this.logger.warn(`Batch of ${rows.length} rows failed (${(error as Error).message}); retrying row by row`);
      for (const r of rows) {
        try {
          const created = await inTransaction(this.dataSource, (manager) => this.repository.insertMany(manager, [r.sealed]));
          this.noteWritten(r, created, note);
        } catch (rowError) {
          this.logger.error(`Row ${r.row} could not be written: ${(rowError as Error).message}`);
          note({
            row: r.row,
            name: r.name,
            outcome: ImportOutcome.REFUSED,
            problems: [{ column: '', message: '这一行没能写入数据库，请稍后单独重新导入这一行，或联系管理员' }],
          });
        }
      }
    }
  }

  private noteWritten(r: PendingRow, created: Map<string, string>, note: (entry: ImportRowReport) => void): void {
    const id = created.get(r.sealed.id_number_hash);
    note(id ? { row: r.row, name: r.name, outcome: ImportOutcome.CREATED, jobSeekerId: id } : { row: r.row, name: r.name, outcome: ImportOutcome.EXISTING });
  }
}
