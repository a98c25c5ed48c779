import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailSync1795791344745 implements MigrationInterface {
  name = 'EmailSync1795791344745';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Numbers of tracking tokens (CRM:0001234); not an entity, so written by hand.
    await queryRunner.query(`CREATE SEQUENCE "email_tracking_number" START 1001`);
    await queryRunner.query(
      `CREATE TABLE "email" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "direction" character varying(8) NOT NULL, "status" character varying(16) NOT NULL, "subject" text NOT NULL, "bodyContentType" character varying(4) NOT NULL DEFAULT 'html', "body" text NOT NULL, "preview" character varying(300) NOT NULL DEFAULT '', "internetMessageId" character varying(998), "conversationId" character varying(512), "inReplyTo" character varying(998), "trackingToken" character varying(40), "regardingType" character varying(12), "regardingId" uuid, "trackedBy" character varying(10) NOT NULL, "tracked" boolean NOT NULL DEFAULT true, "ownerUserId" uuid, "sendingMailboxId" uuid, "occurredAt" TIMESTAMP WITH TIME ZONE NOT NULL, "failureReason" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e7ed8734ee054ef18002e29b1c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4bac275082ce795b9167ad8966" ON "email"  ("status", "updatedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_a2a3e6d3c9b1b6c5213daa3d7f" ON "email"  ("regardingId", "occurredAt") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_1375b18062d34c65da0a3fb2fc" ON "email"  ("organisationId", "trackingToken") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b529e25937c34d0e0f25f87325" ON "email"  ("organisationId", "conversationId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_email_internet_message_id" ON "email"  ("organisationId", "internetMessageId") WHERE "internetMessageId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_copy" ("mailboxId" uuid NOT NULL, "exchangeMessageId" character varying(512) NOT NULL, "emailId" uuid NOT NULL, "organisationId" uuid NOT NULL, "folderId" character varying(512), "categoryTracked" boolean NOT NULL DEFAULT false, "removed" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15291b0241b8f605ced21cda4aa" PRIMARY KEY ("mailboxId", "exchangeMessageId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aa18eacfa11edf090731b21da7" ON "email_copy"  ("emailId") `);
    await queryRunner.query(
      `CREATE TABLE "email_party" ("emailId" uuid NOT NULL, "role" character varying(4) NOT NULL, "address" character varying(320) NOT NULL, "name" character varying(300), "resolvedType" character varying(8), "resolvedId" uuid, CONSTRAINT "PK_dd04703a0cfaad0b17219d46e95" PRIMARY KEY ("emailId", "role", "address"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_abe6924eeef97ac5b10852a70a" ON "email_party"  ("resolvedId") `);
    await queryRunner.query(
      `CREATE TABLE "folder_tracking_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "mailboxId" uuid NOT NULL, "userId" uuid NOT NULL, "folderId" character varying(512) NOT NULL, "folderPath" character varying(1000) NOT NULL, "regardingType" character varying(12), "regardingId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9e5aaaa66fa0b0672294a13d54" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d002a62d29621162ffcea238fe" ON "folder_tracking_rule"  ("mailboxId", "folderId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "graph_subscription" ("id" character varying(100) NOT NULL, "organisationId" uuid NOT NULL, "mailboxId" uuid NOT NULL, "resource" character varying(1000) NOT NULL, "clientStateHash" character varying(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_145aba0bf903d953883bb34d20a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ce82575bd4d922b30b2da80c6e" ON "graph_subscription"  ("expiresAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_98664bd16605d9823aaa5e78e7" ON "graph_subscription"  ("mailboxId") `);
    await queryRunner.query(
      `ALTER TABLE "email" ADD CONSTRAINT "FK_734cc1f1aeeebb3656041d5bc4e" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email" ADD CONSTRAINT "FK_75444670cae56d16748fecc6d3c" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email" ADD CONSTRAINT "FK_00231b67a3e35bbfd928e44e208" FOREIGN KEY ("sendingMailboxId") REFERENCES "mailbox"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_copy" ADD CONSTRAINT "FK_cbd2cc266abc703e90b0478d785" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_copy" ADD CONSTRAINT "FK_aa18eacfa11edf090731b21da78" FOREIGN KEY ("emailId") REFERENCES "email"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_party" ADD CONSTRAINT "FK_e45ee7cb5f6ad4807899b8f3890" FOREIGN KEY ("emailId") REFERENCES "email"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "folder_tracking_rule" ADD CONSTRAINT "FK_bca7582c47b0d9e45cffb018718" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "folder_tracking_rule" ADD CONSTRAINT "FK_db2eded579698e0c01c85f56741" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "folder_tracking_rule" ADD CONSTRAINT "FK_4a7b445ca3c14fc70432a3e75ea" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "graph_subscription" ADD CONSTRAINT "FK_c2648a2bac91d261da849dd282e" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "graph_subscription" ADD CONSTRAINT "FK_98664bd16605d9823aaa5e78e71" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "email_tracking_number"`);
    await queryRunner.query(`ALTER TABLE "graph_subscription" DROP CONSTRAINT "FK_98664bd16605d9823aaa5e78e71"`);
    await queryRunner.query(`ALTER TABLE "graph_subscription" DROP CONSTRAINT "FK_c2648a2bac91d261da849dd282e"`);
    await queryRunner.query(`ALTER TABLE "folder_tracking_rule" DROP CONSTRAINT "FK_4a7b445ca3c14fc70432a3e75ea"`);
    await queryRunner.query(`ALTER TABLE "folder_tracking_rule" DROP CONSTRAINT "FK_db2eded579698e0c01c85f56741"`);
    await queryRunner.query(`ALTER TABLE "folder_tracking_rule" DROP CONSTRAINT "FK_bca7582c47b0d9e45cffb018718"`);
    await queryRunner.query(`ALTER TABLE "email_party" DROP CONSTRAINT "FK_e45ee7cb5f6ad4807899b8f3890"`);
    await queryRunner.query(`ALTER TABLE "email_copy" DROP CONSTRAINT "FK_aa18eacfa11edf090731b21da78"`);
    await queryRunner.query(`ALTER TABLE "email_copy" DROP CONSTRAINT "FK_cbd2cc266abc703e90b0478d785"`);
    await queryRunner.query(`ALTER TABLE "email" DROP CONSTRAINT "FK_00231b67a3e35bbfd928e44e208"`);
    await queryRunner.query(`ALTER TABLE "email" DROP CONSTRAINT "FK_75444670cae56d16748fecc6d3c"`);
    await queryRunner.query(`ALTER TABLE "email" DROP CONSTRAINT "FK_734cc1f1aeeebb3656041d5bc4e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98664bd16605d9823aaa5e78e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce82575bd4d922b30b2da80c6e"`);
    await queryRunner.query(`DROP TABLE "graph_subscription"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d002a62d29621162ffcea238fe"`);
    await queryRunner.query(`DROP TABLE "folder_tracking_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_abe6924eeef97ac5b10852a70a"`);
    await queryRunner.query(`DROP TABLE "email_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa18eacfa11edf090731b21da7"`);
    await queryRunner.query(`DROP TABLE "email_copy"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_email_internet_message_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b529e25937c34d0e0f25f87325"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1375b18062d34c65da0a3fb2fc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a2a3e6d3c9b1b6c5213daa3d7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4bac275082ce795b9167ad8966"`);
    await queryRunner.query(`DROP TABLE "email"`);
  }
}
