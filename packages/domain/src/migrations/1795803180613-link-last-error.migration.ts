import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkLastError1795803180613 implements MigrationInterface {
  name = 'LinkLastError1795803180613';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_link" ADD "lastError" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_link" DROP COLUMN "lastError"`);
  }
}
