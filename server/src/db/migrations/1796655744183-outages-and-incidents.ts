import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutagesAndIncidents1796655744183 implements MigrationInterface {
  name = 'OutagesAndIncidents1796655744183';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `outage` (`id` int NOT NULL AUTO_INCREMENT, `utility` varchar(8) NOT NULL, `kind` varchar(10) NOT NULL, `area` text NOT NULL, `startsAt` datetime(3) NOT NULL, `restoreBy` datetime(3) NOT NULL, `restoredAt` datetime(3) NULL, `reason` varchar(200) NOT NULL, `districtIds` text NOT NULL, `households` int NOT NULL DEFAULT '0', `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_94a45af4d3a09e36f2d5e77361` (`restoredAt`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `outage_account` (`id` int NOT NULL AUTO_INCREMENT, `outageId` int NOT NULL, `accountId` int NOT NULL, `accountNo` varchar(10) NOT NULL, INDEX `IDX_df0cd19581409171736f97cd3e` (`accountNo`), UNIQUE INDEX `IDX_613213ef5d3692e912c06bb081` (`outageId`, `accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `outage_ticket` (`id` int NOT NULL AUTO_INCREMENT, `outageId` int NOT NULL, `ticketId` int NOT NULL, `linkedAt` datetime(3) NOT NULL, `unlinkedAt` datetime(3) NULL, INDEX `IDX_71cce12d108eb9d111c4d151e0` (`outageId`), UNIQUE INDEX `IDX_90a4626468890e71f7d02d93ff` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `outage_announcement` (`id` int NOT NULL AUTO_INCREMENT, `outageId` int NOT NULL, `kind` varchar(16) NOT NULL, `sendAt` datetime(3) NOT NULL, `cursor` int NOT NULL DEFAULT '0', `residentsQueued` int NOT NULL DEFAULT '0', `doneAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_11891bdb68c3d3cba2a2b2aba1` (`doneAt`, `sendAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `incident` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(100) NOT NULL, `description` text NOT NULL, `leadId` int NULL, `status` varchar(8) NOT NULL, `startedAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_ticket` (`id` int NOT NULL AUTO_INCREMENT, `incidentId` int NOT NULL, `ticketId` int NOT NULL, `addedAt` datetime(3) NOT NULL, INDEX `IDX_2eb81c6d5f9d78bd675ea9ae79` (`incidentId`), UNIQUE INDEX `IDX_263af4ef341fedf68a5afc5438` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_event` (`id` int NOT NULL AUTO_INCREMENT, `incidentId` int NOT NULL, `kind` varchar(16) NOT NULL, `note` varchar(1000) NOT NULL, `actorId` int NULL, `actorName` varchar(50) NULL, `at` datetime(3) NOT NULL, INDEX `IDX_5201ca03ecb4bc8862b1f64e24` (`incidentId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `notice` ADD `priority` smallint NOT NULL DEFAULT '0'");
    await queryRunner.query(
      'CREATE INDEX `IDX_3acdb662c3230090f72ec784d6` ON `notice` (`status`, `priority`, `nextAttemptAt`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_3acdb662c3230090f72ec784d6` ON `notice`');
    await queryRunner.query('ALTER TABLE `notice` DROP COLUMN `priority`');
    await queryRunner.query('DROP INDEX `IDX_5201ca03ecb4bc8862b1f64e24` ON `incident_event`');
    await queryRunner.query('DROP TABLE `incident_event`');
    await queryRunner.query('DROP INDEX `IDX_263af4ef341fedf68a5afc5438` ON `incident_ticket`');
    await queryRunner.query('DROP INDEX `IDX_2eb81c6d5f9d78bd675ea9ae79` ON `incident_ticket`');
    await queryRunner.query('DROP TABLE `incident_ticket`');
    await queryRunner.query('DROP TABLE `incident`');
    await queryRunner.query('DROP INDEX `IDX_11891bdb68c3d3cba2a2b2aba1` ON `outage_announcement`');
    await queryRunner.query('DROP TABLE `outage_announcement`');
    await queryRunner.query('DROP INDEX `IDX_90a4626468890e71f7d02d93ff` ON `outage_ticket`');
    await queryRunner.query('DROP INDEX `IDX_71cce12d108eb9d111c4d151e0` ON `outage_ticket`');
    await queryRunner.query('DROP TABLE `outage_ticket`');
    await queryRunner.query('DROP INDEX `IDX_613213ef5d3692e912c06bb081` ON `outage_account`');
    await queryRunner.query('DROP INDEX `IDX_df0cd19581409171736f97cd3e` ON `outage_account`');
    await queryRunner.query('DROP TABLE `outage_account`');
    await queryRunner.query('DROP INDEX `IDX_94a45af4d3a09e36f2d5e77361` ON `outage`');
    await queryRunner.query('DROP TABLE `outage`');
  }
}
