import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database keeps a contract's status on its path: DRAFT → SENT → SIGNED_BY_SEEKER → ACTIVE
 * → ENDED, or DECLINED (from SENT) / CANCELLED (before ACTIVE), and nothing ever leaves
 * DECLINED, CANCELLED or ENDED. Once set, the signing and activation times and the parties'
 * references never change either. A bug or a hand-written UPDATE cannot revive or undo a contract.
 */
export class ContractStatusGuard1795361600000 implements MigrationInterface {
  name = 'ContractStatusGuard1795361600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION contract_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'DRAFT' AND NEW.status IN ('SENT', 'CANCELLED'))
          OR (OLD.status = 'SENT' AND NEW.status IN ('SIGNED_BY_SEEKER', 'DECLINED', 'CANCELLED'))
          OR (OLD.status = 'SIGNED_BY_SEEKER' AND NEW.status IN ('ACTIVE', 'CANCELLED'))
          OR (OLD.status = 'ACTIVE' AND NEW.status = 'ENDED')) THEN
          RAISE EXCEPTION 'contract % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        IF (OLD.seeker_signed_at IS NOT NULL AND NEW.seeker_signed_at IS DISTINCT FROM OLD.seeker_signed_at)
          OR (OLD.activated_at IS NOT NULL AND NEW.activated_at IS DISTINCT FROM OLD.activated_at)
          OR (OLD.ended_on IS NOT NULL AND NEW.ended_on IS DISTINCT FROM OLD.ended_on)
          OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by
          OR NEW.job_id IS DISTINCT FROM OLD.job_id OR NEW.region_code IS DISTINCT FROM OLD.region_code THEN
          RAISE EXCEPTION 'contract % signing record is frozen', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER contract_status_guard BEFORE UPDATE ON "contract" FOR EACH ROW EXECUTE FUNCTION contract_status_guard()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contract_status_guard ON "contract"`);
    await queryRunner.query(`DROP FUNCTION contract_status_guard()`);
  }
}
