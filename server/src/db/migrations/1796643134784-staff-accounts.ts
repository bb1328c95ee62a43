import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts (issue 13): several roles, employee number, WeCom id, one-time passwords, token versions, sign-in throttling. */
export class StaffAccounts1796643134784 implements MigrationInterface {
  name = 'StaffAccounts1796643134784';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `staff_login_failure` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(64) NOT NULL, `address` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, INDEX `IDX_839c7e0099073d6fe20af4a047` (`at`), INDEX `IDX_822ec8fa763033785f5e951324` (`address`, `at`), INDEX `IDX_8e6b7df8b7891923c120900765` (`username`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `staff` ADD `employeeNo` varchar(32) NULL');
    await queryRunner.query('ALTER TABLE `staff` ADD UNIQUE INDEX `IDX_2f1b43f7b72a747b0d381caa1d` (`employeeNo`)');
    await queryRunner.query("ALTER TABLE `staff` ADD `roles` varchar(120) NOT NULL DEFAULT ''");
    await queryRunner.query('ALTER TABLE `staff` ADD `mustChangePassword` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query("ALTER TABLE `staff` ADD `tokenVersion` int NOT NULL DEFAULT '0'");
    await queryRunner.query('ALTER TABLE `staff` ADD `wecomUserId` varchar(64) NULL');
    // Reviewed: the generator drops and re-adds the column, which would lose every password.
    await queryRunner.query('ALTER TABLE `staff` MODIFY `passwordHash` varchar(200) NOT NULL');
    // Everyone had one role: it is their primary role and their only one.
    await queryRunner.query("UPDATE `staff` SET `roles` = `role` WHERE `roles` = ''");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // scrypt hashes do not fit in 100 characters: those accounts need a reset after a downgrade.
    await queryRunner.query('ALTER TABLE `staff` MODIFY `passwordHash` varchar(100) NOT NULL');
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `wecomUserId`');
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `tokenVersion`');
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `mustChangePassword`');
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `roles`');
    await queryRunner.query('ALTER TABLE `staff` DROP INDEX `IDX_2f1b43f7b72a747b0d381caa1d`');
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `employeeNo`');
    await queryRunner.query('DROP INDEX `IDX_8e6b7df8b7891923c120900765` ON `staff_login_failure`');
    await queryRunner.query('DROP INDEX `IDX_822ec8fa763033785f5e951324` ON `staff_login_failure`');
    await queryRunner.query('DROP INDEX `IDX_839c7e0099073d6fe20af4a047` ON `staff_login_failure`');
    await queryRunner.query('DROP TABLE `staff_login_failure`');
  }
}
