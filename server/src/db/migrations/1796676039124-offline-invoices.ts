import { MigrationInterface, QueryRunner } from 'typeorm';

/** Counter and bank money invoiced in WeChat Pay's WITHOUT_WECHATPAY scene (docs/domain.md#invoices). */
export class OfflineInvoices1796676039124 implements MigrationInterface {
  name = 'OfflineInvoices1796676039124';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `invoice` ADD `scene` varchar(20) NOT NULL DEFAULT 'WITH_WECHATPAY'");
    await queryRunner.query('ALTER TABLE `invoice` ADD `titleFilledAt` datetime(3) NULL');
    // Every invoice so far was a WeChat Pay payment's, its title given with the request.
    await queryRunner.query('UPDATE `invoice` SET `titleFilledAt` = `requestedAt`');
    await queryRunner.query('CREATE INDEX `IDX_3d3b2afea90ac8b8a79235f51a` ON `invoice` (`fapiaoApplyId`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_3d3b2afea90ac8b8a79235f51a` ON `invoice`');
    await queryRunner.query('ALTER TABLE `invoice` DROP COLUMN `titleFilledAt`');
    await queryRunner.query('ALTER TABLE `invoice` DROP COLUMN `scene`');
  }
}
