import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a send or a sync run failed, as a code and params the console words in the reader's language. */
export class FailureCodes1796676478224 implements MigrationInterface {
  name = 'FailureCodes1796676478224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email" ADD "failureCode" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "email" ADD "failureParams" jsonb`);
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" ADD "failureCode" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" ADD "failureParams" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" DROP COLUMN "failureParams"`);
    await queryRunner.query(`ALTER TABLE "mailbox_sync_run" DROP COLUMN "failureCode"`);
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN "failureParams"`);
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN "failureCode"`);
  }
}
