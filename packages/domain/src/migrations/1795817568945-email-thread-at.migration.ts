import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each email carries its thread's place on timelines: `threadAt`, the latest `occurredAt` among the
 * organisation's tracked emails of its conversation (NULL where that is the email's own time, so a
 * thread of one writes nothing). Triggers keep it true on every write, whichever code path makes it
 * (ingest, sends, tracking by hand or folder), so a timeline page is read in thread order straight
 * from an index instead of ranking every thread of the record on each request.
 */
export class EmailThreadAt1795817568945 implements MigrationInterface {
  name = 'EmailThreadAt1795817568945';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email" ADD "threadAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE email e SET "threadAt" = l.at
         FROM (SELECT "organisationId", "conversationId", max("occurredAt") AS at FROM email
                WHERE tracked AND "conversationId" IS NOT NULL GROUP BY 1, 2) l
        WHERE e."organisationId" = l."organisationId" AND e."conversationId" = l."conversationId"
          AND l.at <> e."occurredAt"`,
    );
    // Recomputes the threads of the conversations a statement touched, in one UPDATE per statement.
    await queryRunner.query(
      `CREATE FUNCTION email_refresh_thread_at() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         orgs uuid[];
         conversations varchar[];
       BEGIN
         -- The UPDATE below fires the update trigger again; it changes no thread of its own.
         IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
         IF TG_OP = 'INSERT' THEN
           SELECT array_agg(t.o), array_agg(t.c) INTO orgs, conversations
             FROM (SELECT DISTINCT "organisationId" AS o, "conversationId" AS c FROM new_rows
                    WHERE "conversationId" IS NOT NULL AND tracked) t;
         ELSIF TG_OP = 'DELETE' THEN
           SELECT array_agg(t.o), array_agg(t.c) INTO orgs, conversations
             FROM (SELECT DISTINCT "organisationId" AS o, "conversationId" AS c FROM old_rows
                    WHERE "conversationId" IS NOT NULL AND tracked) t;
         ELSE
           SELECT array_agg(t.o), array_agg(t.c) INTO orgs, conversations
             FROM (SELECT DISTINCT n."organisationId" AS o, v.c
                     FROM new_rows n JOIN old_rows p ON p.id = n.id
                          CROSS JOIN LATERAL (VALUES (n."conversationId"), (p."conversationId")) AS v(c)
                    WHERE v.c IS NOT NULL
                      AND (n.tracked IS DISTINCT FROM p.tracked OR n."occurredAt" IS DISTINCT FROM p."occurredAt"
                           OR n."conversationId" IS DISTINCT FROM p."conversationId")) t;
           -- An email that left its conversation is a thread of its own again.
           UPDATE email e SET "threadAt" = NULL
             FROM new_rows n
            WHERE e.id = n.id AND n."conversationId" IS NULL AND n."threadAt" IS NOT NULL;
         END IF;
         IF orgs IS NULL THEN RETURN NULL; END IF;
         UPDATE email e SET "threadAt" = NULLIF(l.at, e."occurredAt")
           FROM (SELECT t.o, t.c,
                        (SELECT max(x."occurredAt") FROM email x
                          WHERE x."organisationId" = t.o AND x."conversationId" = t.c AND x.tracked) AS at
                   FROM unnest(orgs, conversations) AS t(o, c)) l
          WHERE e."organisationId" = l.o AND e."conversationId" = l.c
            AND e."threadAt" IS DISTINCT FROM NULLIF(l.at, e."occurredAt");
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER email_thread_at_insert AFTER INSERT ON email REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION email_refresh_thread_at()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER email_thread_at_update AFTER UPDATE ON email REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION email_refresh_thread_at()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER email_thread_at_delete AFTER DELETE ON email REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION email_refresh_thread_at()`,
    );
    // A timeline's emails regarding one record, in timeline order: the thread's time and key, then
    // the email's own. Expressions, so TypeORM does not manage it (the entity declares it with
    // synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "IDX_email_timeline_order" ON "email" ("regardingId", "organisationId",
         (COALESCE("threadAt", "occurredAt")), (COALESCE("conversationId", id::text)), "occurredAt", id)
         WHERE tracked AND "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_email_regarding_count" ON "email" ("regardingId", "organisationId") WHERE tracked AND "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_bca1d1314264a15dce6a80f7f6"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_bca1d1314264a15dce6a80f7f6" ON "email"  ("regardingId", "occurredAt", "organisationId", "tracked", "conversationId", "id") WHERE "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_email_regarding_count"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_email_timeline_order"`);
    await queryRunner.query(`DROP TRIGGER email_thread_at_delete ON email`);
    await queryRunner.query(`DROP TRIGGER email_thread_at_update ON email`);
    await queryRunner.query(`DROP TRIGGER email_thread_at_insert ON email`);
    await queryRunner.query(`DROP FUNCTION email_refresh_thread_at()`);
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN "threadAt"`);
  }
}
