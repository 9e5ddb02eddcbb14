import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GIN indexes on the seeker arrays that recommendedSeekers overlaps with a job's terms (`&&`). */
export class MatchingSeekerArrays1795360500000 implements MigrationInterface {
  name = 'MatchingSeekerArrays1795360500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "job_seeker_wanted_occupations" ON "job_seeker" USING gin ("wanted_occupations")`);
    await queryRunner.query(`CREATE INDEX "job_seeker_skills" ON "job_seeker" USING gin ("skills")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "job_seeker_skills"`);
    await queryRunner.query(`DROP INDEX "job_seeker_wanted_occupations"`);
  }
}
