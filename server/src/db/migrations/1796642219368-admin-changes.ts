import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminChanges1796642219368 implements MigrationInterface {
  name = 'AdminChanges1796642219368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `admin_change` (`id` int NOT NULL AUTO_INCREMENT, `staffId` int NOT NULL, `staffName` varchar(50) NOT NULL, `action` varchar(48) NOT NULL, `subjectType` varchar(32) NOT NULL, `subjectId` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, `at` datetime(3) NOT NULL, INDEX `IDX_b5858887a82312bb1ea2f7ed0e` (`staffId`), INDEX `IDX_8f3e68064703fbf7f16f32648b` (`subjectType`, `subjectId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_8f3e68064703fbf7f16f32648b` ON `admin_change`');
    await queryRunner.query('DROP INDEX `IDX_b5858887a82312bb1ea2f7ed0e` ON `admin_change`');
    await queryRunner.query('DROP TABLE `admin_change`');
  }
}
