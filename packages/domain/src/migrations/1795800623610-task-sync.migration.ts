import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskSync1795800623610 implements MigrationInterface {
  name = 'TaskSync1795800623610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "ownerUserId" uuid NOT NULL, "subject" character varying(400) NOT NULL, "description" text NOT NULL DEFAULT '', "dueAt" TIMESTAMP WITH TIME ZONE, "status" character varying(20) NOT NULL DEFAULT 'NOT_STARTED', "importance" character varying(6) NOT NULL DEFAULT 'NORMAL', "completedAt" TIMESTAMP WITH TIME ZONE, "regardingType" character varying(12), "regardingId" uuid, "syncDecision" jsonb, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12e9c8ade22c4a19db3724b6a7" ON "task"  ("regardingId") WHERE "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97934fbb728dcbffb655bf6265" ON "task"  ("organisationId", "ownerUserId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exchange_link" ("mailboxId" uuid NOT NULL, "kind" character varying(12) NOT NULL, "crmId" uuid NOT NULL, "organisationId" uuid NOT NULL, "exchangeId" character varying(512), "changeKey" character varying(512), "crmVersion" integer NOT NULL, "base" jsonb NOT NULL, "syncedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d12332e382f834e06a8839444ae" PRIMARY KEY ("mailboxId", "kind", "crmId"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bf0795c569db0be8687147ed0b" ON "exchange_link"  ("mailboxId", "kind", "exchangeId") WHERE "exchangeId" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actCursors" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actSyncStage" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actSyncStageStartedAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actConsecutiveFailures" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actBackoffUntil" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actLastSyncAttemptAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mailbox" ADD "actLastSyncSuccessAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_ade9b73b6b6fbf7e01288fd01d0" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_85534be7fe1e2313d4dd8125520" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_link" ADD CONSTRAINT "FK_e371fcb9c37ef73a24e1f58c371" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_link" DROP CONSTRAINT "FK_e371fcb9c37ef73a24e1f58c371"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_85534be7fe1e2313d4dd8125520"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_ade9b73b6b6fbf7e01288fd01d0"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actLastSyncSuccessAt"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actLastSyncAttemptAt"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actBackoffUntil"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actConsecutiveFailures"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actSyncStageStartedAt"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actSyncStage"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP COLUMN "actCursors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf0795c569db0be8687147ed0b"`);
    await queryRunner.query(`DROP TABLE "exchange_link"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97934fbb728dcbffb655bf6265"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12e9c8ade22c4a19db3724b6a7"`);
    await queryRunner.query(`DROP TABLE "task"`);
  }
}
