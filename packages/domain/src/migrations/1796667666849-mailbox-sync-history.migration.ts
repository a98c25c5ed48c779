import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sync history of each mailbox: runs that stored mail, failed or read a folder again (not empty polls). */
export class MailboxSyncHistory1796667666849 implements MigrationInterface {
  name = 'MailboxSyncHistory1796667666849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mailbox_sync_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "mailboxId" uuid NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "finishedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(12) NOT NULL, "messagesStored" integer NOT NULL DEFAULT '0', "copiesAttached" integer NOT NULL DEFAULT '0', "foldersRead" integer NOT NULL DEFAULT '0', "foldersResynced" integer NOT NULL DEFAULT '0', "failureKind" character varying(32), "failureMessage" text, CONSTRAINT "PK_7f7feaf94acebce55a8c8cbcf4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ad4bf2d7b71635ebd6d2eeafc4" ON "mailbox_sync_run"  ("mailboxId", "startedAt") `,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_sync_run" ADD CONSTRAINT "FK_c8c52c99db4eff5a661243f3e44" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_sync_run" ADD CONSTRAINT "FK_cf45ca0e8a8d7d904391a693e9b" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" DROP CONSTRAINT "FK_cf45ca0e8a8d7d904391a693e9b"`);
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" DROP CONSTRAINT "FK_c8c52c99db4eff5a661243f3e44"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad4bf2d7b71635ebd6d2eeafc4"`);
    await queryRunner.query(`DROP TABLE "mailbox_sync_run"`);
  }
}
