import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sync-health dashboard counts email copies ingested per minute over the last hours. Copies are
 * appended in time order, so a BRIN index on "createdAt" finds the window's pages while costing
 * ingest next to nothing (a B-tree would add an entry per copy). TypeORM cannot declare BRIN: the
 * entity names the index with `synchronize: false`.
 */
export class SyncHealthIndex1796664405392 implements MigrationInterface {
  name = 'SyncHealthIndex1796664405392';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_email_copy_created_brin" ON "email_copy" USING brin ("createdAt")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_email_copy_created_brin"`);
  }
}
