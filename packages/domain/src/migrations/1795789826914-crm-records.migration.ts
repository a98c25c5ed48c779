import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CrmRecords1795789826914 implements MigrationInterface {
  name = 'CrmRecords1795789826914';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "name" character varying(200) NOT NULL, "emailAddress" character varying(320), "ownerUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b2a1ab72fc9fd78eb32c3d09d0" ON "account"  ("organisationId", "name") `);
    await queryRunner.query(
      `CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "firstName" character varying(100) NOT NULL, "lastName" character varying(100) NOT NULL, "emailAddress" character varying(320), "jobTitle" character varying(200), "accountId" uuid, "ownerUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bb8c4cc0377a3c34da98bc1af1" ON "contact"  ("organisationId", "emailAddress") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lead" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "firstName" character varying(100) NOT NULL, "lastName" character varying(100) NOT NULL, "companyName" character varying(200), "emailAddress" character varying(320), "ownerUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca96c1888f7dcfccab72b72fffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_281a4748d0d179bbb8d5cf8c04" ON "lead"  ("organisationId", "emailAddress") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opportunity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "name" character varying(300) NOT NULL, "accountId" uuid, "estimatedValueMinor" bigint, "ownerUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_085fd6d6f4765325e6c16163568" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4c352e6f46523d0058392c1f04" ON "opportunity"  ("organisationId", "ownerUserId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opportunity_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "opportunityId" uuid NOT NULL, "contactId" uuid NOT NULL, CONSTRAINT "PK_6fcd5898b644cfa3840badb7ea9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b2204a587b1b1722b4ddf24ee2" ON "opportunity_contact"  ("opportunityId", "contactId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "FK_f639f0c733a5e5dc589a11d97b6" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "FK_f77ad4f60732da1eaff60e6708d" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "FK_0bd14275bad5af5634c7b341ae1" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "FK_c41c33073aa7374623d9b20a6ba" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "FK_9af5188a658e4b761c3d5042676" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "FK_9ea5abe25b2ed18475755146a49" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "FK_d3799c8563685fcf9e1017d217a" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity" ADD CONSTRAINT "FK_762eb59626e5bf270329d7e06bb" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity" ADD CONSTRAINT "FK_69e32f4f4652f654dc8641ae2b8" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity" ADD CONSTRAINT "FK_63c564606b1f5612595c9750012" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_contact" ADD CONSTRAINT "FK_38d2d13648858c659b99d660c17" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_contact" ADD CONSTRAINT "FK_3e405b4b5515dd33c307d8e46a3" FOREIGN KEY ("opportunityId") REFERENCES "opportunity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_contact" ADD CONSTRAINT "FK_aa37a694673be4fc33ee7da7eb2" FOREIGN KEY ("contactId") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunity_contact" DROP CONSTRAINT "FK_aa37a694673be4fc33ee7da7eb2"`);
    await queryRunner.query(`ALTER TABLE "opportunity_contact" DROP CONSTRAINT "FK_3e405b4b5515dd33c307d8e46a3"`);
    await queryRunner.query(`ALTER TABLE "opportunity_contact" DROP CONSTRAINT "FK_38d2d13648858c659b99d660c17"`);
    await queryRunner.query(`ALTER TABLE "opportunity" DROP CONSTRAINT "FK_63c564606b1f5612595c9750012"`);
    await queryRunner.query(`ALTER TABLE "opportunity" DROP CONSTRAINT "FK_69e32f4f4652f654dc8641ae2b8"`);
    await queryRunner.query(`ALTER TABLE "opportunity" DROP CONSTRAINT "FK_762eb59626e5bf270329d7e06bb"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "FK_d3799c8563685fcf9e1017d217a"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "FK_9ea5abe25b2ed18475755146a49"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_9af5188a658e4b761c3d5042676"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_c41c33073aa7374623d9b20a6ba"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_0bd14275bad5af5634c7b341ae1"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_f77ad4f60732da1eaff60e6708d"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_f639f0c733a5e5dc589a11d97b6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2204a587b1b1722b4ddf24ee2"`);
    await queryRunner.query(`DROP TABLE "opportunity_contact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c352e6f46523d0058392c1f04"`);
    await queryRunner.query(`DROP TABLE "opportunity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_281a4748d0d179bbb8d5cf8c04"`);
    await queryRunner.query(`DROP TABLE "lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bb8c4cc0377a3c34da98bc1af1"`);
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2a1ab72fc9fd78eb32c3d09d0"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
