import { MigrationInterface, QueryRunner } from 'typeorm';

export class PrepaidAccounts1796666498455 implements MigrationInterface {
  name = 'PrepaidAccounts1796666498455';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `prepaid_entry` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `kind` varchar(8) NOT NULL, `amountFen` int NOT NULL, `volumeCentiM3` int NULL, `refKey` varchar(40) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_cc222305112283b504c615d433` (`accountId`), UNIQUE INDEX `IDX_0e728a49b9eb87adab0377dfdc` (`refKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `top_up` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `residentId` int NOT NULL, `amountFen` int NOT NULL, `meterKind` varchar(8) NOT NULL, `status` varchar(16) NOT NULL, `orderNo` varchar(32) NULL, `createdAt` datetime(3) NOT NULL, `creditedAt` datetime(3) NULL, `deliveredAt` datetime(3) NULL, `deliveryAttempts` int NOT NULL DEFAULT '0', `nextDeliveryAt` datetime(3) NULL, `lastDeliveryError` varchar(200) NULL, `escalatedAt` datetime(3) NULL, `ticketId` int NULL, `loadedById` int NULL, INDEX `IDX_054cfd16f9bd0862743b348ba4` (`accountId`), INDEX `IDX_c3954884f1f02411a21e5708f6` (`status`, `nextDeliveryAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query("ALTER TABLE `account` ADD `meterKind` varchar(8) NOT NULL DEFAULT 'ordinary'");
    await queryRunner.query('ALTER TABLE `payment_order` ADD `topUpId` int NULL');
    await queryRunner.query('ALTER TABLE `payment_order` ADD `openTopUpAccountId` int NULL');
    await queryRunner.query(
      'ALTER TABLE `payment_order` ADD UNIQUE INDEX `IDX_c9bea6b3641c5cf88c284a0608` (`openTopUpAccountId`)',
    );
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `billId` `billId` int NULL');
    await queryRunner.query('CREATE INDEX `IDX_3a2311447970d34ec9f666bc15` ON `payment_order` (`topUpId`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_3a2311447970d34ec9f666bc15` ON `payment_order`');
    await queryRunner.query('ALTER TABLE `payment_order` CHANGE `billId` `billId` int NOT NULL');
    await queryRunner.query('ALTER TABLE `payment_order` DROP INDEX `IDX_c9bea6b3641c5cf88c284a0608`');
    await queryRunner.query('ALTER TABLE `payment_order` DROP COLUMN `openTopUpAccountId`');
    await queryRunner.query('ALTER TABLE `payment_order` DROP COLUMN `topUpId`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `meterKind`');
    await queryRunner.query('DROP INDEX `IDX_c3954884f1f02411a21e5708f6` ON `top_up`');
    await queryRunner.query('DROP INDEX `IDX_054cfd16f9bd0862743b348ba4` ON `top_up`');
    await queryRunner.query('DROP TABLE `top_up`');
    await queryRunner.query('DROP INDEX `IDX_0e728a49b9eb87adab0377dfdc` ON `prepaid_entry`');
    await queryRunner.query('DROP INDEX `IDX_cc222305112283b504c615d433` ON `prepaid_entry`');
    await queryRunner.query('DROP TABLE `prepaid_entry`');
  }
}
