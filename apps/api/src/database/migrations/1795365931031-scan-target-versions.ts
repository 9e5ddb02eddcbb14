import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * scan_target_version: one counter per scan target, bumped by deferred constraint triggers at
 * commit whenever something a scan of it can show changes. A counter (not max(updated_at)) so
 * that a transaction committing late with an older timestamp still changes the version; bumped
 * at commit so the row lock is held only for the commit, not the whole booking transaction.
 */
const BUMPS: { table: string; fn: string; targets: (row: 'OLD' | 'NEW') => string }[] = [
  // A job: its own code, its station, workshop or fair (old and new, when moved), and the stations its shifts meet at (their boards).
  {
    table: 'job',
    fn: 'scan_bump_job',
    targets: (r) =>
      `ARRAY[${r}.id, ${r}.station_id, ${r}.workshop_id, ${r}.fair_id] || coalesce((SELECT array_agg(s.meeting_station_id) FROM job_shift s WHERE s.job_id = ${r}.id), '{}')`,
  },
  // A shift (slots booked, cancelled, changed): its job and the job's sources, and the station it meets at.
  {
    table: 'job_shift',
    fn: 'scan_bump_job_shift',
    targets: (r) =>
      `ARRAY[${r}.job_id, ${r}.meeting_station_id] || coalesce((SELECT ARRAY[j.station_id, j.workshop_id, j.fair_id] FROM job j WHERE j.id = ${r}.job_id), '{}')`,
  },
  { table: 'gig_station', fn: 'scan_bump_gig_station', targets: (r) => `ARRAY[${r}.id]` },
  { table: 'workshop', fn: 'scan_bump_workshop', targets: (r) => `ARRAY[${r}.id]` },
  { table: 'job_fair', fn: 'scan_bump_job_fair', targets: (r) => `ARRAY[${r}.id]` },
  { table: 'fair_booth', fn: 'scan_bump_fair_booth', targets: (r) => `ARRAY[${r}.fair_id]` },
  // An employer's name or status shows with each of its jobs.
  {
    table: 'employer',
    fn: 'scan_bump_employer',
    targets: (r) =>
      `coalesce((SELECT array_agg(t) FROM job j, unnest(ARRAY[j.id, j.station_id, j.workshop_id, j.fair_id]) AS t WHERE j.employer_id = ${r}.id), '{}')
       || coalesce((SELECT array_agg(s.meeting_station_id) FROM job j JOIN job_shift s ON s.job_id = j.id WHERE j.employer_id = ${r}.id), '{}')`,
  },
];

export class ScanTargetVersions1795365931031 implements MigrationInterface {
  name = 'ScanTargetVersions1795365931031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scan_target_version" ("target_id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT '1', CONSTRAINT "PK_eba272afb00b4ab74325627437f" PRIMARY KEY ("target_id"))`,
    );
    // Sorted, so two transactions bumping the same targets take the row locks in one order.
    await queryRunner.query(`CREATE FUNCTION scan_bump(targets uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO scan_target_version AS v (target_id, version)
      SELECT DISTINCT t, 1 FROM unnest(targets) AS t WHERE t IS NOT NULL ORDER BY 1
      ON CONFLICT (target_id) DO UPDATE SET version = v.version + 1
    $$`);
    for (const { table, fn, targets } of BUMPS) {
      await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM scan_bump(${targets('OLD')}); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM scan_bump(${targets('NEW')}); END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${fn}_write AFTER INSERT OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${fn}_update AFTER UPDATE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION ${fn}()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, fn } of BUMPS) {
      await queryRunner.query(`DROP TRIGGER ${fn}_update ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${fn}_write ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query(`DROP FUNCTION scan_bump(uuid[])`);
    await queryRunner.query(`DROP TABLE "scan_target_version"`);
  }
}
