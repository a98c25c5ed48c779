import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserManager1795789019555 implements MigrationInterface {
  name = 'UserManager1795789019555';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "managerUserId" uuid`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_e20d36cfdd06b8822544caa6f90" FOREIGN KEY ("managerUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_e20d36cfdd06b8822544caa6f90"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "managerUserId"`);
  }
}
