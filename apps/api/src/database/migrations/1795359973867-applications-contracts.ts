import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationsContracts1795359973867 implements MigrationInterface {
  name = 'ApplicationsContracts1795359973867';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "employer_id" uuid, "region_code" character varying(12) NOT NULL, "job_seeker_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'APPLIED', "message" character varying(500) NOT NULL DEFAULT '', "applied_by_staff" boolean NOT NULL DEFAULT false, "consent_note" character varying(200), "rejection_reason" character varying(200), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_consent_check" CHECK ("applied_by_staff" = false OR "consent_note" IS NOT NULL), CONSTRAINT "application_reason_check" CHECK ("status" <> 'REJECTED' OR "rejection_reason" IS NOT NULL), CONSTRAINT "application_status_check" CHECK ("status" IN ('APPLIED', 'SHORTLISTED', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8014bb71a07f35613a6edd721f" ON "application"  ("job_seeker_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_76eb66e6e9052493866253c724" ON "application"  ("job_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "application_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_status" character varying(12), "to_status" character varying(12) NOT NULL, "actor_account_id" uuid, "reason" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e7b9899b19e4ec5e3f329477be" ON "application_event"  ("application_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "contract_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "seq" integer NOT NULL, "kind" character varying(30) NOT NULL, "actor_account_id" uuid, "data" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_a0a0fdb2918e838e546c3b5fd01" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7cb3f028e4bcd3bc4d9c7604e9" ON "contract_event"  ("contract_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "contract_signature" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "party" character varying(10) NOT NULL, "account_id" uuid NOT NULL, "identity_check" character varying(60) NOT NULL, "digest" character(64) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "contract_signature_party_check" CHECK ("party" IN ('SEEKER', 'EMPLOYER')), CONSTRAINT "PK_381e2aed89dc2a1bcba4cc46be5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a14a8cc8932cf8e56be828c4f4" ON "contract_signature"  ("contract_id", "party") `);
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "job_id" uuid NOT NULL, "job_seeker_id" uuid NOT NULL, "employer_id" uuid, "region_code" character varying(12) NOT NULL, "status" character varying(20) NOT NULL, "template_version" character varying(20) NOT NULL, "content" text NOT NULL, "content_digest" character(64) NOT NULL, "pdf_digest" character(64) NOT NULL, "wage" numeric(12,2) NOT NULL, "wage_unit" character varying(10) NOT NULL, "term_kind" character varying(12) NOT NULL, "start_date" date NOT NULL, "end_date" date, "workplace_region_code" character varying(12) NOT NULL, "sealed_pdf" bytea, "sealed_pdf_digest" character(64), "chain_head" character(64) NOT NULL, "event_count" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "seeker_signed_at" TIMESTAMP WITH TIME ZONE, "activated_at" TIMESTAMP WITH TIME ZONE, "ended_on" date, "closing_reason" character varying(200), CONSTRAINT "contract_sealed_check" CHECK ("status" NOT IN ('ACTIVE', 'ENDED') OR ("sealed_pdf" IS NOT NULL AND "sealed_pdf_digest" IS NOT NULL)), CONSTRAINT "contract_end_date_check" CHECK (("term_kind" = 'FIXED') = ("end_date" IS NOT NULL)), CONSTRAINT "contract_wage_unit_check" CHECK ("wage_unit" IN ('MONTH', 'DAY', 'HOUR', 'PIECE')), CONSTRAINT "contract_term_kind_check" CHECK ("term_kind" IN ('FIXED', 'OPEN_ENDED', 'PER_TASK')), CONSTRAINT "contract_status_check" CHECK ("status" IN ('DRAFT', 'SENT', 'SIGNED_BY_SEEKER', 'ACTIVE', 'DECLINED', 'CANCELLED', 'ENDED')), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3ef1155b488da172462fdd402b" ON "contract"  ("employer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c2c6564e9c54d44336673cf9c7" ON "contract"  ("job_seeker_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5ba2270229c51f44b7d11a06b1" ON "contract"  ("application_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_signing_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "account_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6ef5cb76386a83c3bb9c6dcba8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_591f40b73a31a296c43953795e" ON "contract_signing_code"  ("contract_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "application_event" ADD CONSTRAINT "FK_a438c3c070f4e044fed183f458c" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: what TypeORM cannot express.
    // One active application per seeker and job (rejected or withdrawn ones do not count).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "application_one_active" ON "application" ("job_seeker_id", "job_id") WHERE "status" IN ('APPLIED', 'SHORTLISTED', 'OFFERED', 'HIRED')`,
    );
    // One open or active contract per application.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_one_open_per_application" ON "contract" ("application_id") WHERE "status" IN ('DRAFT', 'SENT', 'SIGNED_BY_SEEKER', 'ACTIVE')`,
    );
    await queryRunner.query(`CREATE INDEX "contract_region_prefix" ON "contract" ("region_code" varchar_pattern_ops)`);
    // The signed content never changes; the sealed PDF is written once.
    await queryRunner.query(`CREATE FUNCTION contract_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.content IS DISTINCT FROM OLD.content OR NEW.content_digest IS DISTINCT FROM OLD.content_digest
          OR NEW.pdf_digest IS DISTINCT FROM OLD.pdf_digest OR NEW.template_version IS DISTINCT FROM OLD.template_version
          OR NEW.wage IS DISTINCT FROM OLD.wage OR NEW.wage_unit IS DISTINCT FROM OLD.wage_unit OR NEW.term_kind IS DISTINCT FROM OLD.term_kind
          OR NEW.start_date IS DISTINCT FROM OLD.start_date OR NEW.end_date IS DISTINCT FROM OLD.end_date
          OR NEW.workplace_region_code IS DISTINCT FROM OLD.workplace_region_code
          OR NEW.application_id IS DISTINCT FROM OLD.application_id OR NEW.job_seeker_id IS DISTINCT FROM OLD.job_seeker_id
          OR NEW.employer_id IS DISTINCT FROM OLD.employer_id
          OR (OLD.sealed_pdf IS NOT NULL AND NEW.sealed_pdf IS DISTINCT FROM OLD.sealed_pdf)
          OR (OLD.sealed_pdf_digest IS NOT NULL AND NEW.sealed_pdf_digest IS DISTINCT FROM OLD.sealed_pdf_digest) THEN
          RAISE EXCEPTION 'contract % content is frozen: a correction is a new contract', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER contract_frozen BEFORE UPDATE ON "contract" FOR EACH ROW EXECUTE FUNCTION contract_frozen()`);
    await queryRunner.query(`CREATE FUNCTION contract_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'contract_event is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER contract_event_append_only BEFORE UPDATE OR DELETE ON "contract_event" FOR EACH ROW EXECUTE FUNCTION contract_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contract_event_append_only ON "contract_event"`);
    await queryRunner.query(`DROP FUNCTION contract_event_append_only()`);
    await queryRunner.query(`DROP TRIGGER contract_frozen ON "contract"`);
    await queryRunner.query(`DROP FUNCTION contract_frozen()`);
    await queryRunner.query(`DROP INDEX "contract_region_prefix"`);
    await queryRunner.query(`DROP INDEX "contract_one_open_per_application"`);
    await queryRunner.query(`DROP INDEX "application_one_active"`);
    await queryRunner.query(`ALTER TABLE "application_event" DROP CONSTRAINT "FK_a438c3c070f4e044fed183f458c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_591f40b73a31a296c43953795e"`);
    await queryRunner.query(`DROP TABLE "contract_signing_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ba2270229c51f44b7d11a06b1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2c6564e9c54d44336673cf9c7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ef1155b488da172462fdd402b"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a14a8cc8932cf8e56be828c4f4"`);
    await queryRunner.query(`DROP TABLE "contract_signature"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7cb3f028e4bcd3bc4d9c7604e9"`);
    await queryRunner.query(`DROP TABLE "contract_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7b9899b19e4ec5e3f329477be"`);
    await queryRunner.query(`DROP TABLE "application_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76eb66e6e9052493866253c724"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8014bb71a07f35613a6edd721f"`);
    await queryRunner.query(`DROP TABLE "application"`);
  }
}
