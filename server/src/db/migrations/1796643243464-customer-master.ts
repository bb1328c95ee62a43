import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerMaster1796643243464 implements MigrationInterface {
  name = 'CustomerMaster1796643243464';

  // account.phone comes with the binding's second fact (1796645287422); ended bindings move to ended_binding.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `account_holder_history` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `holderName` varchar(50) NOT NULL, `heldFrom` datetime(3) NULL, `heldUntil` datetime(3) NOT NULL, `changedById` int NOT NULL, `changedByName` varchar(50) NOT NULL, `source` varchar(48) NOT NULL, INDEX `IDX_9690c3cf6ac3afaf7165e7d4fd` (`accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `import_job` (`id` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `format` varchar(8) NOT NULL, `status` varchar(12) NOT NULL, `processed` int NOT NULL DEFAULT '0', `total` int NOT NULL DEFAULT '0', `errors` text NULL, `errorCount` int NOT NULL DEFAULT '0', `summary` varchar(200) NULL, `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NULL, INDEX `IDX_3d9683b5e02c06497d0d9f48c3` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query('ALTER TABLE `account` ADD `holderSince` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `account` ADD `meterNo` varchar(32) NULL');
    await queryRunner.query("ALTER TABLE `account` ADD `usageType` varchar(16) NOT NULL DEFAULT 'residential'");
    await queryRunner.query('ALTER TABLE `account` ADD `keyCustomer` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query("ALTER TABLE `account` ADD `paymentMode` varchar(8) NOT NULL DEFAULT 'postpaid'");
    await queryRunner.query('ALTER TABLE `account` ADD `active` tinyint NOT NULL DEFAULT 1');
    await queryRunner.query('ALTER TABLE `account` ADD `updatedAt` datetime(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `updatedAt`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `active`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `paymentMode`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `keyCustomer`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `usageType`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `meterNo`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `holderSince`');
    await queryRunner.query('DROP INDEX `IDX_3d9683b5e02c06497d0d9f48c3` ON `import_job`');
    await queryRunner.query('DROP TABLE `import_job`');
    await queryRunner.query('DROP INDEX `IDX_9690c3cf6ac3afaf7165e7d4fd` ON `account_holder_history`');
    await queryRunner.query('DROP TABLE `account_holder_history`');
  }
}
