import { MigrationInterface, QueryRunner } from 'typeorm';

export class RepairQuotes1796654600268 implements MigrationInterface {
  name = 'RepairQuotes1796654600268';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `repair_quote` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `technicianId` int NOT NULL, `lines` text NOT NULL, `totalFen` int NOT NULL, `status` varchar(16) NOT NULL, `sentAt` datetime(3) NOT NULL, `acceptedAt` datetime(3) NULL, `acceptedVia` varchar(16) NULL, `acceptedByResidentId` int NULL, `signaturePhotoId` int NULL, `resultId` int NULL, INDEX `IDX_222e9d3da621f8b01532b9adf1` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `repair_result` ADD `quoteId` int NULL');
    await queryRunner.query('ALTER TABLE `room_temperature_reading` ADD `signaturePhotoId` int NULL');
    await queryRunner.query('ALTER TABLE `room_temperature_reading` ADD `residentConfirmedAt` datetime(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `room_temperature_reading` DROP COLUMN `residentConfirmedAt`');
    await queryRunner.query('ALTER TABLE `room_temperature_reading` DROP COLUMN `signaturePhotoId`');
    await queryRunner.query('ALTER TABLE `repair_result` DROP COLUMN `quoteId`');
    await queryRunner.query('DROP INDEX `IDX_222e9d3da621f8b01532b9adf1` ON `repair_quote`');
    await queryRunner.query('DROP TABLE `repair_quote`');
  }
}
