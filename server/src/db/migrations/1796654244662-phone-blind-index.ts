import { MigrationInterface, QueryRunner } from 'typeorm';

export class PhoneBlindIndex1796654244662 implements MigrationInterface {
  name = 'PhoneBlindIndex1796654244662';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `account` ADD `phoneIndex` varchar(44) NULL');
    await queryRunner.query('ALTER TABLE `ticket` ADD `contactPhoneIndex` varchar(44) NULL');
    await queryRunner.query('CREATE INDEX `IDX_3df0b73569c298a79011355dad` ON `account` (`phoneIndex`)');
    await queryRunner.query('CREATE INDEX `IDX_ad36bf2816fea4e124d950f43d` ON `ticket` (`contactPhoneIndex`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_ad36bf2816fea4e124d950f43d` ON `ticket`');
    await queryRunner.query('DROP INDEX `IDX_3df0b73569c298a79011355dad` ON `account`');
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `contactPhoneIndex`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `phoneIndex`');
  }
}
