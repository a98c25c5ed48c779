import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailboxAlertParams1796673889203 implements MigrationInterface {
  name = 'MailboxAlertParams1796673889203';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailbox_alert" ADD "params" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailbox_alert" DROP COLUMN "params"`);
  }
}
