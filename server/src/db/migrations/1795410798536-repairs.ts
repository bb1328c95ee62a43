import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fault reports, repair results and room-temperature readings (repairs module); technicians' work phones. */
export class Repairs1795410798536 implements MigrationInterface {
  name = 'Repairs1795410798536';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `repair_request` (`ticketId` int NOT NULL, `residentId` int NOT NULL, `category` varchar(16) NOT NULL, `photoIds` text NOT NULL, `windowStart` datetime(3) NULL, `windowEnd` datetime(3) NULL, `latitude` double NULL, `longitude` double NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_2edc73bc835d8ee376b0cbfb86` (`residentId`), PRIMARY KEY (`ticketId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `repair_result` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `technicianId` int NOT NULL, `diagnosis` varchar(1000) NOT NULL, `work` text NOT NULL, `parts` text NOT NULL, `photoIdsBefore` text NOT NULL, `photoIdsAfter` text NOT NULL, `chargeable` tinyint NOT NULL, `chargeFen` int NULL, `residentConsentToCharge` tinyint NOT NULL, `confirmationKind` varchar(16) NOT NULL, `signaturePhotoId` int NULL, `resolvedAt` datetime(3) NOT NULL, INDEX `IDX_5760af9008452d59115893687b` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `room_temperature_reading` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `technicianId` int NOT NULL, `deciCelsius` int NOT NULL, `measuredAt` datetime(3) NOT NULL, `minCelsius` int NOT NULL, `belowStandard` tinyint NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `IDX_eaea6d7a9d118404e08a67140b` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `staff` ADD `phone` varchar(120) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `phone`');
    await queryRunner.query('DROP TABLE `room_temperature_reading`');
    await queryRunner.query('DROP TABLE `repair_result`');
    await queryRunner.query('DROP TABLE `repair_request`');
  }
}
