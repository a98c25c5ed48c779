import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartialEmailIndexes1795796838699 implements MigrationInterface {
  name = 'PartialEmailIndexes1795796838699';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4bac275082ce795b9167ad8966"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a2a3e6d3c9b1b6c5213daa3d7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1375b18062d34c65da0a3fb2fc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_abe6924eeef97ac5b10852a70a"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_9ef0a805d0a6b061d34799a748" ON "email"  ("status", "updatedAt") WHERE status IN ('PENDING_SEND', 'SENDING')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c5d6a575e5f8366146901b7f2d" ON "email"  ("regardingId", "occurredAt") WHERE "regardingId" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c17d29bf3f6e2d3c62fa52a93d" ON "email"  ("organisationId", "trackingToken") WHERE "trackingToken" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c7c4bb6f1043c3c5b85c9f59ab" ON "email_party"  ("resolvedId") WHERE "resolvedId" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c7c4bb6f1043c3c5b85c9f59ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c17d29bf3f6e2d3c62fa52a93d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5d6a575e5f8366146901b7f2d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ef0a805d0a6b061d34799a748"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_abe6924eeef97ac5b10852a70a" ON "email_party" USING btree ("resolvedId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1375b18062d34c65da0a3fb2fc" ON "email" USING btree ("organisationId", "trackingToken") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a2a3e6d3c9b1b6c5213daa3d7f" ON "email" USING btree ("regardingId", "occurredAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4bac275082ce795b9167ad8966" ON "email" USING btree ("status", "updatedAt") `,
    );
  }
}
