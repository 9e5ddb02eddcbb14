import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationProviderStatus1795369236665 implements MigrationInterface {
  name = 'NotificationProviderStatus1795369236665';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_message" ADD "provider_status" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "notification_message" ADD "provider_code" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "notification_message" ADD "provider_message_id" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "notification_message" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "notification_message" ADD CONSTRAINT "notification_message_sent" CHECK (("provider_status" = 'SENT') = ("sent_at" IS NOT NULL AND "provider_message_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_message" ADD CONSTRAINT "notification_message_provider_status" CHECK ("provider_status" IS NULL OR "provider_status" IN ('SENT', 'FAILED', 'NOT_SENT'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_message" DROP CONSTRAINT "notification_message_provider_status"`);
    await queryRunner.query(`ALTER TABLE "notification_message" DROP CONSTRAINT "notification_message_sent"`);
    await queryRunner.query(`ALTER TABLE "notification_message" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "notification_message" DROP COLUMN "provider_message_id"`);
    await queryRunner.query(`ALTER TABLE "notification_message" DROP COLUMN "provider_code"`);
    await queryRunner.query(`ALTER TABLE "notification_message" DROP COLUMN "provider_status"`);
  }
}
