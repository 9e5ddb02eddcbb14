import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Notifications1795357059840 implements MigrationInterface {
  name = 'Notifications1795357059840';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "channel" character varying(20) NOT NULL, "account_id" uuid, "phone_encrypted" text, "template_key" character varying(100) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "title" character varying(200) NOT NULL, "body" text NOT NULL, "adapter" character varying(20) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_message_recipient" CHECK ("account_id" IS NOT NULL OR "phone_encrypted" IS NOT NULL), CONSTRAINT "notification_message_channel" CHECK ("channel" IN ('SMS', 'WECHAT_TEMPLATE', 'IN_APP')), CONSTRAINT "PK_bcacc62c929cc4881ec971b6791" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ba96f40984031054c20efd44f9" ON "notification_message"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_02125a33b54a59d4e73b77482b" ON "notification_message"  ("delivered_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_1e0f863d46c0bad378a574b762" ON "notification_message"  ("account_id", "delivered_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_1e0f863d46c0bad378a574b762"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02125a33b54a59d4e73b77482b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba96f40984031054c20efd44f9"`);
    await queryRunner.query(`DROP TABLE "notification_message"`);
  }
}
