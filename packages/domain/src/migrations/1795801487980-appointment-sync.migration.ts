import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AppointmentSync1795801487980 implements MigrationInterface {
  name = 'AppointmentSync1795801487980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "ownerUserId" uuid NOT NULL, "subject" character varying(400) NOT NULL, "description" text NOT NULL DEFAULT '', "location" character varying(300) NOT NULL DEFAULT '', "startAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endAt" TIMESTAMP WITH TIME ZONE NOT NULL, "isAllDay" boolean NOT NULL DEFAULT false, "attendees" jsonb NOT NULL DEFAULT '[]', "regardingType" character varying(12), "regardingId" uuid, "syncDecision" jsonb, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_72f62498160e27cb54fa692833" ON "appointment"  ("organisationId", "startAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dd0424ea5cf30fea1a6d366600" ON "appointment"  ("regardingId") WHERE "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_43941c5db6aa0d87ca37bd962d" ON "appointment"  ("organisationId", "ownerUserId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_e2a1212c95cd74d8e4ec6507121" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_86a8e5c35ac948d8ff8960bf84f" FOREIGN KEY ("ownerUserId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_86a8e5c35ac948d8ff8960bf84f"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_e2a1212c95cd74d8e4ec6507121"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43941c5db6aa0d87ca37bd962d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd0424ea5cf30fea1a6d366600"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72f62498160e27cb54fa692833"`);
    await queryRunner.query(`DROP TABLE "appointment"`);
  }
}
