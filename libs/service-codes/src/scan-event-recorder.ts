import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ScanEvent } from './scan-event.entity';

const FLUSH_EVERY_MS = 1_000;
const FLUSH_AT = 200;

/** One statement of fixed text per batch, whatever its size (one array per column). */
const INSERT_SQL = `INSERT INTO scan_event (code_id, target_kind, target_id, region_code, scanned_at, account_id, client, channel)
  SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::timestamptz[], $6::uuid[], $7::varchar[], $8::varchar[])`;

/**
 * Records scans in batches: a crowd scanning a board at a fair costs one INSERT per
 * second, not one per scan. Events wait at most a second in memory and are flushed on
 * shutdown; a crash can lose that last second of counts, never anything else.
 */
@Injectable()
export class ScanEventRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ScanEventRecorder.name);
  private buffer: Omit<ScanEvent, 'id'>[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(event: Omit<ScanEvent, 'id'>): void {
    this.buffer.push(event);
    if (this.buffer.length >= FLUSH_AT) void this.flush();
  }

  /** Writes what is buffered (tests call it to read counts at once). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.buffer.length === 0) return;
      const batch = this.buffer;
      this.buffer = [];
      try {
        await this.dataSource.query(INSERT_SQL, [
          batch.map((e) => e.codeId),
          batch.map((e) => e.targetKind),
          batch.map((e) => e.targetId),
          batch.map((e) => e.regionCode),
          batch.map((e) => e.scannedAt),
          batch.map((e) => e.accountId),
          batch.map((e) => e.client),
          batch.map((e) => e.channel),
        ]);
      } catch (error) {
        this.logger.error(`could not record ${batch.length} scan event(s): ${(error as Error).message}`);
        if (this.buffer.length < 10_000) this.buffer.unshift(...batch);
      }
    });
    return this.flushing;
  }
}
