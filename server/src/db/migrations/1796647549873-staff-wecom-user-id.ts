import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff's 企业微信 user id. Its own migration: the staff branch may add the same column (keep one of the two). */
export class StaffWecomUserId1796647549873 implements MigrationInterface {
  name = 'StaffWecomUserId1796647549873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff` ADD `wecomUserId` varchar(64) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `wecomUserId`');
  }
}
