import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartiesOnEmail1795800018134 implements MigrationInterface {
  name = 'PartiesOnEmail1795800018134';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c7c4bb6f1043c3c5b85c9f59ab"`);
    await queryRunner.query(`ALTER TABLE "email" ADD "parties" jsonb NOT NULL DEFAULT '[]'`);
    // Every party moves onto its email, From first; only contacts, leads and accounts keep a row.
    await queryRunner.query(
      `UPDATE email e SET parties = p.list
         FROM (SELECT "emailId",
                      jsonb_agg(jsonb_build_object('role', role, 'address', address, 'name', name,
                                                   'resolvedType', "resolvedType", 'resolvedId', "resolvedId")
                                ORDER BY CASE role WHEN 'FROM' THEN 0 WHEN 'TO' THEN 1 WHEN 'CC' THEN 2 ELSE 3 END, address) AS list
                 FROM email_party GROUP BY "emailId") p
        WHERE p."emailId" = e.id`,
    );
    await queryRunner.query(
      `DELETE FROM email_party WHERE "resolvedId" IS NULL OR "resolvedType" NOT IN ('CONTACT', 'LEAD', 'ACCOUNT')`,
    );
    await queryRunner.query(`ALTER TABLE "email_party" ALTER COLUMN "resolvedType" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "email_party" ALTER COLUMN "resolvedId" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_abe6924eeef97ac5b10852a70a" ON "email_party"  ("resolvedId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_abe6924eeef97ac5b10852a70a"`);
    await queryRunner.query(`ALTER TABLE "email_party" ALTER COLUMN "resolvedId" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "email_party" ALTER COLUMN "resolvedType" DROP NOT NULL`);
    await queryRunner.query(
      `INSERT INTO email_party ("emailId", role, address, name, "resolvedType", "resolvedId")
       SELECT e.id, p.role, p.address, p.name, p."resolvedType", p."resolvedId"::uuid
         FROM email e CROSS JOIN LATERAL jsonb_to_recordset(e.parties)
              AS p(role text, address text, name text, "resolvedType" text, "resolvedId" text)
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`ALTER TABLE "email" DROP COLUMN "parties"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c7c4bb6f1043c3c5b85c9f59ab" ON "email_party" USING btree ("resolvedId") WHERE ("resolvedId" IS NOT NULL)`,
    );
  }
}
