import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inspections1795416152007 implements MigrationInterface {
  name = 'Inspections1795416152007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `hazard` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `districtId` int NOT NULL, `visitId` int NOT NULL, `code` varchar(16) NOT NULL, `severity` varchar(16) NOT NULL, `note` varchar(500) NOT NULL, `advice` varchar(300) NOT NULL, `photoIds` text NOT NULL, `deadline` datetime(3) NOT NULL, `status` varchar(16) NOT NULL, `foundAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, `closedByVisitId` int NULL, `reinspectionTicketId` int NULL, `stopSupplyTicketId` int NULL, INDEX `IDX_245bdbd67ba3d38eff61a3ac4c` (`districtId`, `status`), INDEX `IDX_9c3798e1505bdf6187788e6d9a` (`accountId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `inspection_booking` (`id` int NOT NULL AUTO_INCREMENT, `planId` int NOT NULL, `slotId` int NOT NULL, `accountId` int NOT NULL, `residentId` int NOT NULL, `ticketId` int NOT NULL, `state` varchar(16) NOT NULL, `active` tinyint NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_654413805455a39fe83e029a5f` (`accountId`), INDEX `IDX_e02d2860b91160a9be005ece8f` (`slotId`), UNIQUE INDEX `IDX_e1fdb469fc6e96328a5814926c` (`planId`, `accountId`, `active`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `inspection_plan` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `name` varchar(50) NOT NULL, `period` varchar(16) NOT NULL, `startDate` varchar(10) NOT NULL, `endDate` varchar(10) NOT NULL, `halves` text NOT NULL, `capacity` int NOT NULL, `createdById` int NULL, `createdAt` datetime(3) NOT NULL, `cancelledAt` datetime(3) NULL, `cancelReason` varchar(200) NULL, INDEX `IDX_a6fd425c2e8ef2bd603b731b37` (`districtId`, `endDate`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `inspection_slot` (`id` int NOT NULL AUTO_INCREMENT, `planId` int NOT NULL, `districtId` int NOT NULL, `date` varchar(10) NOT NULL, `half` varchar(2) NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `capacity` int NOT NULL, `booked` int NOT NULL DEFAULT '0', `closedAt` datetime(3) NULL, INDEX `IDX_e5f3d6831c1ef89b44a89b7cd4` (`districtId`, `date`), UNIQUE INDEX `IDX_5844a50febc5191504770f27a2` (`planId`, `date`, `half`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `inspection_visit` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `bookingId` int NULL, `accountId` int NOT NULL, `kind` varchar(16) NOT NULL, `outcome` varchar(16) NOT NULL, `inspectorId` int NOT NULL, `items` text NOT NULL, `note` varchar(500) NULL, `confirmationKind` varchar(16) NULL, `signaturePhotoId` int NULL, `recordedAt` datetime(3) NOT NULL, INDEX `IDX_02b92d0c15fbb6cc694d246cab` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_02b92d0c15fbb6cc694d246cab` ON `inspection_visit`');
    await queryRunner.query('DROP TABLE `inspection_visit`');
    await queryRunner.query('DROP INDEX `IDX_5844a50febc5191504770f27a2` ON `inspection_slot`');
    await queryRunner.query('DROP INDEX `IDX_e5f3d6831c1ef89b44a89b7cd4` ON `inspection_slot`');
    await queryRunner.query('DROP TABLE `inspection_slot`');
    await queryRunner.query('DROP INDEX `IDX_a6fd425c2e8ef2bd603b731b37` ON `inspection_plan`');
    await queryRunner.query('DROP TABLE `inspection_plan`');
    await queryRunner.query('DROP INDEX `IDX_e1fdb469fc6e96328a5814926c` ON `inspection_booking`');
    await queryRunner.query('DROP INDEX `IDX_e02d2860b91160a9be005ece8f` ON `inspection_booking`');
    await queryRunner.query('DROP INDEX `IDX_654413805455a39fe83e029a5f` ON `inspection_booking`');
    await queryRunner.query('DROP TABLE `inspection_booking`');
    await queryRunner.query('DROP INDEX `IDX_9c3798e1505bdf6187788e6d9a` ON `hazard`');
    await queryRunner.query('DROP INDEX `IDX_245bdbd67ba3d38eff61a3ac4c` ON `hazard`');
    await queryRunner.query('DROP TABLE `hazard`');
  }
}
