import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A timeline ranks a record's emails into threads from one narrow index (its thread as a 64-bit
 * hash, then time), and counts them from a smaller one. Replaces the covering index of
 * ReadPathIndexes. Adding the generated column rewrites the email table once.
 *
 * An earlier draft of this migration (never released) kept each thread's latest time on its emails
 * with triggers; under concurrent ingest the sibling updates deadlocked. A database that ran that
 * draft is cleaned up here.
 */
const THREAD_HASH = `hashtextextended(COALESCE("conversationId", "id"::text), 0)`;

export class TimelineThreadIndexes1795817568945 implements MigrationInterface {
  name = 'TimelineThreadIndexes1795817568945';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS email_thread_at_insert ON email`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS email_thread_at_update ON email`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS email_thread_at_delete ON email`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS email_refresh_thread_at()`);
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_email_timeline_order"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_email_regarding_count"`);
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN IF EXISTS "threadAt"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_bca1d1314264a15dce6a80f7f6"`);
    // Each email's thread as a 64-bit hash of its conversation, computed by Postgres (TypeORM keeps
    // the expression of a generated column in its typeorm_metadata table).
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(
      `ALTER TABLE "email" ADD "threadHash" bigint GENERATED ALWAYS AS (${THREAD_HASH}) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), 'public', 'email', 'GENERATED_COLUMN', 'threadHash', $1)`,
      [THREAD_HASH],
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_email_timeline_thread" ON "email" ("regardingId", "organisationId", "threadHash", "occurredAt", "id") WHERE tracked AND "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_email_timeline_recent" ON "email" ("regardingId", "organisationId", "occurredAt", "threadHash") WHERE tracked AND "regardingId" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_email_timeline_recent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_email_timeline_thread"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'email' AND "name" = 'threadHash'`,
    );
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN "threadHash"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bca1d1314264a15dce6a80f7f6" ON "email" ("regardingId", "occurredAt", "organisationId", "tracked", "conversationId", "id") WHERE "regardingId" IS NOT NULL`,
    );
  }
}
