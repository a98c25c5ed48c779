import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactOwnerIndex1795803005149 implements MigrationInterface {
  name = 'ContactOwnerIndex1795803005149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_588513ec81f1233b4afbaaac52" ON "contact"  ("organisationId", "ownerUserId") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_588513ec81f1233b4afbaaac52"`);
  }
}
