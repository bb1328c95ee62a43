import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffNotifications1796647549874 implements MigrationInterface {
  name = 'StaffNotifications1796647549874';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `staff_notification` (`id` int NOT NULL AUTO_INCREMENT, `staffId` int NOT NULL, `dedupeKey` varchar(80) NOT NULL, `kind` varchar(32) NOT NULL, `title` varchar(100) NOT NULL, `body` varchar(500) NOT NULL, `url` varchar(200) NULL, `ticketId` int NULL, `readAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `delivery` varchar(12) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NULL, `lockedUntil` datetime(3) NULL, `sentAt` datetime(3) NULL, `lastError` varchar(300) NULL, `givenUpReason` varchar(300) NULL, INDEX `IDX_f52402359bdcb565bb2e783709` (`delivery`, `nextAttemptAt`), INDEX `IDX_33b8aeebad5171151386e314e9` (`staffId`, `readAt`), UNIQUE INDEX `IDX_aa97c90e93829019795bdebe11` (`staffId`, `dedupeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_aa97c90e93829019795bdebe11` ON `staff_notification`');
    await queryRunner.query('DROP INDEX `IDX_33b8aeebad5171151386e314e9` ON `staff_notification`');
    await queryRunner.query('DROP INDEX `IDX_f52402359bdcb565bb2e783709` ON `staff_notification`');
    await queryRunner.query('DROP TABLE `staff_notification`');
  }
}
