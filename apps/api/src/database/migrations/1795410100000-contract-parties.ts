import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractParties1795410100000 implements MigrationInterface {
  name = 'ContractParties1795410100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer" ADD "legal_representative" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "seeker_identity_encrypted" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "seeker_identity_encrypted"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "legal_representative"`);
  }
}
