import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConfigureEmail1795784765964 implements MigrationInterface {
  name = 'ConfigureEmail1795784765964';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "jobId" uuid NOT NULL, "itemId" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'PENDING', "detail" jsonb NOT NULL DEFAULT '{}', "finishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_18ea7b7ffad385f8de383b1bdc1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9f6b2b3d683295bbe7012ad1f6" ON "job_item"  ("jobId", "itemId") `);
    await queryRunner.query(`ALTER TABLE "job" ADD "dedupeKey" character varying(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_job_active_dedupe" ON "job"  ("organisationId", "dedupeKey") WHERE "status" IN ('QUEUED', 'RUNNING')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mailbox_alert_open" ON "mailbox_alert"  ("mailboxId", "code") WHERE "dismissedAt" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_item" ADD CONSTRAINT "FK_e4dd97fe3a09886eb3750b6c0eb" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_item" ADD CONSTRAINT "FK_ba2aec0f7109ba3e3b257a3daa2" FOREIGN KEY ("jobId") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_item" DROP CONSTRAINT "FK_ba2aec0f7109ba3e3b257a3daa2"`);
    await queryRunner.query(`ALTER TABLE "job_item" DROP CONSTRAINT "FK_e4dd97fe3a09886eb3750b6c0eb"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mailbox_alert_open"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_job_active_dedupe"`);
    await queryRunner.query(`ALTER TABLE "job" DROP COLUMN "dedupeKey"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f6b2b3d683295bbe7012ad1f6"`);
    await queryRunner.query(`DROP TABLE "job_item"`);
  }
}
