import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a job failed, as a code the console words in the reader's language. */
export class JobErrorCode1796673922112 implements MigrationInterface {
  name = 'JobErrorCode1796673922112';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job" ADD "errorCode" character varying(32)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job" DROP COLUMN "errorCode"`);
  }
}
