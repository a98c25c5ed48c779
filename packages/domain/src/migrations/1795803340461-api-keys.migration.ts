import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1795803340461 implements MigrationInterface {
  name = 'ApiKeys1795803340461';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "name" character varying(100) NOT NULL, "prefix" character varying(12) NOT NULL, "keyHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lastUsedAt" TIMESTAMP WITH TIME ZONE, "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4aacb7c1641a74534c8a96c4dc" ON "api_key"  ("keyHash") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_7a67f1b9954c708de46054c895" ON "api_key"  ("organisationId", "userId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "FK_599b2b73d4d10c85fa9680e925d" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "FK_277972f4944205eb29127f9bb6c" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_277972f4944205eb29127f9bb6c"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_599b2b73d4d10c85fa9680e925d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a67f1b9954c708de46054c895"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4aacb7c1641a74534c8a96c4dc"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
