import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ContractStatus.DRAFT was never set: a contract is created SENT. The status check no longer
 * admits it. A database holding a DRAFT contract (only hand-written SQL could make one) stops
 * here with a message rather than losing it. The partial index contract_one_open_per_application
 * and the status guard trigger still name DRAFT; with the check, that branch can never match.
 */
export class ContractStatusWithoutDraft1795500100000 implements MigrationInterface {
  name = 'ContractStatusWithoutDraft1795500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ drafts }] = (await queryRunner.query(`SELECT count(*)::int AS drafts FROM "contract" WHERE "status" = 'DRAFT'`)) as { drafts: number }[];
    if (drafts > 0) throw new Error(`${drafts} contract(s) have status DRAFT, which the application never sets: move them to SENT or CANCELLED first`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_status_check" CHECK ("status" IN ('SENT', 'SIGNED_BY_SEEKER', 'ACTIVE', 'DECLINED', 'CANCELLED', 'ENDED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_status_check" CHECK ("status" IN ('DRAFT', 'SENT', 'SIGNED_BY_SEEKER', 'ACTIVE', 'DECLINED', 'CANCELLED', 'ENDED'))`,
    );
  }
}
