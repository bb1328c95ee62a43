import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArrearsCounterBankPayByAccount1796654994830 implements MigrationInterface {
  name = 'ArrearsCounterBankPayByAccount1796654994830';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `account_lookup` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `accountId` int NULL, `at` datetime(3) NOT NULL, INDEX `IDX_74831e0db25cdede2a3a147657` (`residentId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `stop_supply_case` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `accountNo` varchar(10) NOT NULL, `triggerBillId` int NOT NULL, `openAccountId` int NULL, `status` varchar(10) NOT NULL, `stopTicketId` int NULL, `restoreTicketId` int NULL, `openedAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, INDEX `IDX_4aee61a02599c3e58caee67888` (`accountId`), UNIQUE INDEX `IDX_e1b4466bbaf01667d5a8c166fc` (`triggerBillId`), UNIQUE INDEX `IDX_7382da0d96c45f8b0a97e2edfc` (`openAccountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `bill` ADD `lateFeeFen` int NOT NULL DEFAULT '0'");
    await queryRunner.query('ALTER TABLE `bill` ADD `lateFeeWaivedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `bill` ADD `lateFeeWaivedById` int NULL');
    await queryRunner.query('ALTER TABLE `bill` ADD `lateFeeWaiverReason` varchar(200) NULL');
    await queryRunner.query("ALTER TABLE `payment_order` ADD `method` varchar(16) NOT NULL DEFAULT 'wechat'");
    await queryRunner.query('ALTER TABLE `payment_order` ADD `receiptNo` varchar(30) NULL');
    await queryRunner.query('ALTER TABLE `payment_order` ADD `recordedById` int NULL');
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `residentId` `residentId` int NULL');
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `payerOpenid` `payerOpenid` varchar(64) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `payerOpenid` `payerOpenid` varchar(64) NOT NULL');
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `residentId` `residentId` int NOT NULL');
    await queryRunner.query('ALTER TABLE `payment_order` DROP COLUMN `recordedById`');
    await queryRunner.query('ALTER TABLE `payment_order` DROP COLUMN `receiptNo`');
    await queryRunner.query('ALTER TABLE `payment_order` DROP COLUMN `method`');
    await queryRunner.query('ALTER TABLE `bill` DROP COLUMN `lateFeeWaiverReason`');
    await queryRunner.query('ALTER TABLE `bill` DROP COLUMN `lateFeeWaivedById`');
    await queryRunner.query('ALTER TABLE `bill` DROP COLUMN `lateFeeWaivedAt`');
    await queryRunner.query('ALTER TABLE `bill` DROP COLUMN `lateFeeFen`');
    await queryRunner.query('DROP INDEX `IDX_7382da0d96c45f8b0a97e2edfc` ON `stop_supply_case`');
    await queryRunner.query('DROP INDEX `IDX_e1b4466bbaf01667d5a8c166fc` ON `stop_supply_case`');
    await queryRunner.query('DROP INDEX `IDX_4aee61a02599c3e58caee67888` ON `stop_supply_case`');
    await queryRunner.query('DROP TABLE `stop_supply_case`');
    await queryRunner.query('DROP INDEX `IDX_74831e0db25cdede2a3a147657` ON `account_lookup`');
    await queryRunner.query('DROP TABLE `account_lookup`');
  }
}
