import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobVoiceNotes1795450000000 implements MigrationInterface {
  name = 'JobVoiceNotes1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_voice_note" ("job_id" uuid NOT NULL, "mime_type" character varying(20) NOT NULL, "duration_seconds" smallint NOT NULL, "byte_length" integer NOT NULL, "audio" bytea NOT NULL, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_voice_note_size_check" CHECK (octet_length("audio") <= 1048576), CONSTRAINT "job_voice_note_duration_check" CHECK ("duration_seconds" > 0 AND "duration_seconds" <= 60), CONSTRAINT "PK_80c2e8052edfd0a37415f122503" PRIMARY KEY ("job_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_voice_note" ADD CONSTRAINT "FK_80c2e8052edfd0a37415f122503" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_voice_note" ADD CONSTRAINT "FK_30e9bef69398c2babebc1149bbb" FOREIGN KEY ("recorded_by_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_voice_note" DROP CONSTRAINT "FK_30e9bef69398c2babebc1149bbb"`);
    await queryRunner.query(`ALTER TABLE "job_voice_note" DROP CONSTRAINT "FK_80c2e8052edfd0a37415f122503"`);
    await queryRunner.query(`DROP TABLE "job_voice_note"`);
  }
}
