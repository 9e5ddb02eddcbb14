import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each span a workshop was certified (workshop_certification), kept by a trigger on workshop from
 * whatever writes it — the API, the demo, plain SQL: certifying opens a span, revoking closes it
 * with the revocation date, certifying again opens another. Workshop figures count by the spans,
 * so a re-certification no longer rewrites earlier years. Backfilled from the workshops' current
 * dates (the only span on record for them).
 */
export class WorkshopCertifications1795382342538 implements MigrationInterface {
  name = 'WorkshopCertifications1795382342538';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workshop_certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "certified_on" date NOT NULL, "revoked_on" date, CONSTRAINT "workshop_certification_span_check" CHECK ("revoked_on" IS NULL OR "revoked_on" >= "certified_on"), CONSTRAINT "PK_ef34bdb2e2d3e7ec291f7f677ec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "workshop_certification_open" ON "workshop_certification"  ("workshop_id") WHERE "revoked_on" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_1243ce9a2d2ad910a0c42f689f" ON "workshop_certification"  ("workshop_id") `);
    await queryRunner.query(
      `ALTER TABLE "workshop_certification" ADD CONSTRAINT "FK_1243ce9a2d2ad910a0c42f689ff" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`
      CREATE FUNCTION workshop_certification_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'PENDING' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' OR OLD.status = 'PENDING' OR (OLD.status = 'REVOKED' AND NEW.status = 'CERTIFIED') THEN
          INSERT INTO workshop_certification (workshop_id, certified_on, revoked_on) VALUES (NEW.id, NEW.certified_on, NEW.revoked_on);
        ELSIF OLD.certified_on IS DISTINCT FROM NEW.certified_on OR OLD.revoked_on IS DISTINCT FROM NEW.revoked_on THEN
          -- The current span's dates were changed (or it was revoked): the latest span follows.
          UPDATE workshop_certification SET certified_on = NEW.certified_on, revoked_on = NEW.revoked_on
           WHERE id = (SELECT id FROM workshop_certification WHERE workshop_id = NEW.id ORDER BY certified_on DESC, revoked_on DESC NULLS FIRST LIMIT 1);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER workshop_certification_keep AFTER INSERT OR UPDATE OF status, certified_on, revoked_on ON workshop FOR EACH ROW EXECUTE FUNCTION workshop_certification_keep()`,
    );
    await queryRunner.query(
      `INSERT INTO workshop_certification (workshop_id, certified_on, revoked_on) SELECT id, certified_on, revoked_on FROM workshop WHERE status <> 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER workshop_certification_keep ON workshop`);
    await queryRunner.query(`DROP FUNCTION workshop_certification_keep()`);
    await queryRunner.query(`ALTER TABLE "workshop_certification" DROP CONSTRAINT "FK_1243ce9a2d2ad910a0c42f689ff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1243ce9a2d2ad910a0c42f689f"`);
    await queryRunner.query(`DROP INDEX "public"."workshop_certification_open"`);
    await queryRunner.query(`DROP TABLE "workshop_certification"`);
  }
}
