import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactSync1795801893957 implements MigrationInterface {
  name = 'ContactSync1795801893957';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_link" ADD "detached" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "businessPhone" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "mobilePhone" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "companyName" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "syncDecision" jsonb`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // A contact's card names its company: the account's name, for contacts created before.
    await queryRunner.query(
      `UPDATE contact c SET "companyName" = a.name FROM account a WHERE a.id = c."accountId" AND c."companyName" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_link" DROP COLUMN "detached"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "updatedAt"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "syncDecision"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "companyName"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "mobilePhone"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "businessPhone"`);
  }
}
