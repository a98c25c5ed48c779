import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadPathIndexes1795812753921 implements MigrationInterface {
  name = 'ReadPathIndexes1795812753921';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c5d6a575e5f8366146901b7f2d"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cfb2d4b1331128f7add064d1e5" ON "mailbox"  ("organisationId", "testRunStatus") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bca1d1314264a15dce6a80f7f6" ON "email"  ("regardingId", "occurredAt", "organisationId", "tracked", "conversationId", "id") WHERE "regardingId" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_bca1d1314264a15dce6a80f7f6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfb2d4b1331128f7add064d1e5"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c5d6a575e5f8366146901b7f2d" ON "email" ("regardingId", "occurredAt") WHERE "regardingId" IS NOT NULL`,
    );
  }
}
