import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795782741444 implements MigrationInterface {
  name = 'Initial1795782741444';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "tenantId" character varying(64), "appClientId" character varying(64), "appClientSecretEncrypted" text, "exchangeSubscription" character varying(16) NOT NULL DEFAULT 'UNKNOWN', "exchangeCheckedAt" TIMESTAMP WITH TIME ZONE, "emailIntegrationEnabled" boolean NOT NULL DEFAULT true, "appInUse" character varying(16) NOT NULL DEFAULT 'SALES_HUB', "defaultIncomingMethod" character varying(20) NOT NULL DEFAULT 'NONE', "defaultOutgoingMethod" character varying(20) NOT NULL DEFAULT 'NONE', "defaultActMethod" character varying(20) NOT NULL DEFAULT 'NONE', "outlookAppEnabled" boolean NOT NULL DEFAULT false, "processApprovedMailboxesOnly" boolean NOT NULL DEFAULT true, "trackingTokenEnabled" boolean NOT NULL DEFAULT true, "trackingTokenPrefix" character varying(20) NOT NULL DEFAULT 'CRM', "alertsOnError" boolean NOT NULL DEFAULT true, "alertsOnWarning" boolean NOT NULL DEFAULT false, "alertsOnInformation" boolean NOT NULL DEFAULT true, "emailConfiguredAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "displayName" character varying(200) NOT NULL, "primaryEmail" character varying(320) NOT NULL, "primaryEmailLower" character varying(320) NOT NULL, "userPrincipalName" character varying(320) NOT NULL, "salesLicense" character varying(24) NOT NULL DEFAULT 'NONE', "exchangeLicenseValid" boolean NOT NULL DEFAULT false, "disabled" boolean NOT NULL DEFAULT false, "directoryObjectId" character varying(64), "passwordHash" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b7e4659fb555bcdbbefe64cf90" ON "app_user"  ("organisationId", "primaryEmailLower") `,
    );
    await queryRunner.query(
      `CREATE TABLE "email_server_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "name" character varying(200) NOT NULL, "serverType" character varying(24) NOT NULL DEFAULT 'EXCHANGE_ONLINE', "graphEndpoint" character varying(500) NOT NULL DEFAULT 'https://graph.microsoft.com', "authorityUrl" character varying(500) NOT NULL DEFAULT 'https://login.microsoftonline.com', "tenantId" character varying(64), "clientId" character varying(64), "clientSecretEncrypted" text, "certificateEncrypted" text, "processEmailReceivedAfter" TIMESTAMP WITH TIME ZONE, "minPollingIntervalSeconds" integer NOT NULL DEFAULT '60', "maxConcurrentRequestsPerMailbox" integer NOT NULL DEFAULT '4', "moveFailedToUndeliverable" boolean NOT NULL DEFAULT false, "isDefault" boolean NOT NULL DEFAULT false, "ownerUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a68ca05121f73dd1a96f7250571" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "kind" character varying(32) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'QUEUED', "done" integer NOT NULL DEFAULT '0', "total" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "report" jsonb NOT NULL DEFAULT '{}', "error" text, "startedByUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "startedAt" TIMESTAMP WITH TIME ZONE, "finishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_56d6498f88898bf701bbadbb9a" ON "job"  ("organisationId", "createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "mailbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "ownerUserId" uuid, "queueName" character varying(200), "emailAddress" character varying(320) NOT NULL, "emailAddressLower" character varying(320) NOT NULL, "emailServerProfileId" uuid, "incomingMethod" character varying(20) NOT NULL DEFAULT 'NONE', "outgoingMethod" character varying(20) NOT NULL DEFAULT 'NONE', "actMethod" character varying(20) NOT NULL DEFAULT 'NONE', "approvalStatus" character varying(16) NOT NULL DEFAULT 'NOT_APPROVED', "incomingStatus" character varying(12) NOT NULL DEFAULT 'NOT_RUN', "outgoingStatus" character varying(12) NOT NULL DEFAULT 'NOT_RUN', "actStatus" character varying(12) NOT NULL DEFAULT 'NOT_RUN', "testRunStatus" character varying(12) NOT NULL DEFAULT 'NOT_RUN', "enabledForIncoming" boolean NOT NULL DEFAULT false, "enabledForOutgoing" boolean NOT NULL DEFAULT false, "enabledForAct" boolean NOT NULL DEFAULT false, "incomingFilter" character varying(40) NOT NULL DEFAULT 'RESPONSES_TO_CRM_EMAIL', "processingState" character varying(12) NOT NULL DEFAULT 'ACTIVE', "lastSyncAttemptAt" TIMESTAMP WITH TIME ZONE, "lastSyncSuccessAt" TIMESTAMP WITH TIME ZONE, "consecutiveFailures" integer NOT NULL DEFAULT '0', "backoffUntil" TIMESTAMP WITH TIME ZONE, "deltaCursors" jsonb NOT NULL DEFAULT '{}', "folderTrackingEnabled" boolean NOT NULL DEFAULT false, "syncStage" character varying(64), "syncStageStartedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_f7191e7ca96ddaeebb57e58650f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0f322831b54b6d8e62c02e7a61" ON "mailbox"  ("organisationId", "emailAddressLower") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mailbox_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "mailboxId" uuid NOT NULL, "severity" character varying(12) NOT NULL, "code" character varying(64) NOT NULL, "message" text NOT NULL, "firstOccurredAt" TIMESTAMP WITH TIME ZONE NOT NULL, "lastOccurredAt" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL DEFAULT '1', "readAt" TIMESTAMP WITH TIME ZONE, "dismissedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_169e949efcebbf5705d0740fa7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_32410d2b81feb87e0b02f001f6" ON "mailbox_alert"  ("mailboxId", "lastOccurredAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "kind" character varying(64) NOT NULL, "title" character varying(300) NOT NULL, "message" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "readAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_039c7fcba309434f48b3ffaa58" ON "notification"  ("userId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "security_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "name" character varying(100) NOT NULL, "displayName" character varying(200) NOT NULL, "builtIn" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3dce45165c7e3523317ef6b4565" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_901639c23008667ebb00aebc19" ON "security_role"  ("organisationId", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ff3b5bfd0767bd32942e5ccaad" ON "session"  ("tokenHash") `);
    await queryRunner.query(
      `CREATE TABLE "user_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "roleId" uuid NOT NULL, CONSTRAINT "PK_fb2e442d14add3cefbdf33c4561" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7b4e17a669299579dfa55a3fc3" ON "user_role"  ("userId", "roleId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_28905ab02fe78eb88b0293a8d26" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_server_profile" ADD CONSTRAINT "FK_efd4cd1b2371d65e310576bc079" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_server_profile" ADD CONSTRAINT "FK_c501a0f692656e3a3e71e526f7a" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_0a0d66c2aeab0855d2e04edd434" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_cf636324d784252ab5b673f2e70" FOREIGN KEY ("startedByUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox" ADD CONSTRAINT "FK_23148ea5cdeebe2ae619225dc9b" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox" ADD CONSTRAINT "FK_ceb4a97cf3c064160bed4ba91b7" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox" ADD CONSTRAINT "FK_c4e9d8001044ab33a26d4b67d75" FOREIGN KEY ("emailServerProfileId") REFERENCES "email_server_profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_alert" ADD CONSTRAINT "FK_6a84e30b2739a412f4cee9dcd9e" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_alert" ADD CONSTRAINT "FK_272848162204ad0549c80e7ee7d" FOREIGN KEY ("mailboxId") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_a6ca887facb74307596b676efa6" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_1ced25315eb974b73391fb1c81b" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "security_role" ADD CONSTRAINT "FK_b032bdc47a75d9b7fa933f75ff1" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_7b76d6229746c4c2a1e3cbaa1c0" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_3d2f174ef04fb312fdebd0ddc53" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_193583afce6eec8c231c7061540" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_ab40a6f0cd7d3ebfcce082131fd" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_dba55ed826ef26b5b22bd39409b" FOREIGN KEY ("roleId") REFERENCES "security_role"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_dba55ed826ef26b5b22bd39409b"`);
    await queryRunner.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_ab40a6f0cd7d3ebfcce082131fd"`);
    await queryRunner.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_193583afce6eec8c231c7061540"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_3d2f174ef04fb312fdebd0ddc53"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_7b76d6229746c4c2a1e3cbaa1c0"`);
    await queryRunner.query(`ALTER TABLE "security_role" DROP CONSTRAINT "FK_b032bdc47a75d9b7fa933f75ff1"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_1ced25315eb974b73391fb1c81b"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_a6ca887facb74307596b676efa6"`);
    await queryRunner.query(`ALTER TABLE "mailbox_alert" DROP CONSTRAINT "FK_272848162204ad0549c80e7ee7d"`);
    await queryRunner.query(`ALTER TABLE "mailbox_alert" DROP CONSTRAINT "FK_6a84e30b2739a412f4cee9dcd9e"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP CONSTRAINT "FK_c4e9d8001044ab33a26d4b67d75"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP CONSTRAINT "FK_ceb4a97cf3c064160bed4ba91b7"`);
    await queryRunner.query(`ALTER TABLE "mailbox" DROP CONSTRAINT "FK_23148ea5cdeebe2ae619225dc9b"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_cf636324d784252ab5b673f2e70"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_0a0d66c2aeab0855d2e04edd434"`);
    await queryRunner.query(`ALTER TABLE "email_server_profile" DROP CONSTRAINT "FK_c501a0f692656e3a3e71e526f7a"`);
    await queryRunner.query(`ALTER TABLE "email_server_profile" DROP CONSTRAINT "FK_efd4cd1b2371d65e310576bc079"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_28905ab02fe78eb88b0293a8d26"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b4e17a669299579dfa55a3fc3"`);
    await queryRunner.query(`DROP TABLE "user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ff3b5bfd0767bd32942e5ccaad"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_901639c23008667ebb00aebc19"`);
    await queryRunner.query(`DROP TABLE "security_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_039c7fcba309434f48b3ffaa58"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32410d2b81feb87e0b02f001f6"`);
    await queryRunner.query(`DROP TABLE "mailbox_alert"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f322831b54b6d8e62c02e7a61"`);
    await queryRunner.query(`DROP TABLE "mailbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56d6498f88898bf701bbadbb9a"`);
    await queryRunner.query(`DROP TABLE "job"`);
    await queryRunner.query(`DROP TABLE "email_server_profile"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b7e4659fb555bcdbbefe64cf90"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
