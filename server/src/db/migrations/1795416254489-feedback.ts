import { MigrationInterface, QueryRunner } from 'typeorm';

export class Feedback1795416254489 implements MigrationInterface {
  name = 'Feedback1795416254489';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `business_application` (`ticketId` int NOT NULL, `kind` varchar(24) NOT NULL, `accountId` int NOT NULL, `residentId` int NOT NULL, `fields` text NOT NULL, `documents` text NOT NULL, `createdAt` datetime(3) NOT NULL, PRIMARY KEY (`ticketId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `complaint_case` (`ticketId` int NOT NULL, `grade` smallint NULL, `relatedTicketId` int NULL, `firstReplyAt` datetime(3) NULL, `firstReply` varchar(2000) NULL, INDEX `IDX_dfa61d4f2295096ab99f6d8510` (`relatedTicketId`), PRIMARY KEY (`ticketId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `compensation` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `amountFen` int NOT NULL, `reason` varchar(500) NOT NULL, `approvedById` int NOT NULL, `approvedByName` varchar(50) NOT NULL, `approvedAt` datetime(3) NOT NULL, INDEX `IDX_f60a2410c138852e4d636df312` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `resident_request` (`ticketId` int NOT NULL, `residentId` int NOT NULL, `anonymous` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL, INDEX `IDX_09357ebc469b1bf00112be3343` (`residentId`), PRIMARY KEY (`ticketId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `disaster_period` (`id` int NOT NULL AUTO_INCREMENT, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `districtId` int NULL, `note` varchar(500) NOT NULL, `declaredById` int NOT NULL, `createdAt` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `feedback_cursor` (`name` varchar(32) NOT NULL, `lastEventId` int NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `rating` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `ticketType` varchar(24) NOT NULL, `resolution` smallint NOT NULL, `residentId` int NOT NULL, `staffId` int NULL, `level` varchar(16) NOT NULL, `speed` varchar(16) NOT NULL, `attitude` varchar(16) NOT NULL, `quality` varchar(16) NOT NULL, `tidiness` varchar(16) NOT NULL, `comment` varchar(500) NULL, `ratedAt` datetime(3) NOT NULL, INDEX `IDX_a60b573d81ef39fdea40b94891` (`staffId`), UNIQUE INDEX `IDX_6e5dd00f522c5e7961873ea28c` (`ticketId`, `resolution`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `return_visit_attempt` (`id` int NOT NULL AUTO_INCREMENT, `returnVisitId` int NOT NULL, `attempt` smallint NOT NULL, `agentId` int NOT NULL, `agentName` varchar(50) NOT NULL, `reached` tinyint NOT NULL, `level` varchar(16) NULL, `fixed` tinyint NULL, `note` varchar(1000) NOT NULL, `at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_19742fa165fddedbd489f82ce1` (`returnVisitId`, `attempt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `return_visit` (`id` int NOT NULL AUTO_INCREMENT, `visitedTicketId` int NOT NULL, `resolution` smallint NOT NULL, `resolvedAt` datetime(3) NOT NULL, `resolvedById` int NULL, `taskTicketId` int NULL, `reason` varchar(16) NOT NULL, `drawPpm` int NULL, `ratePpm` int NULL, `seed` varchar(32) NULL, `dueAt` datetime(3) NULL, `disaster` tinyint NOT NULL DEFAULT 0, `outcome` varchar(16) NULL, `followUpKind` varchar(16) NULL, `followUpTicketId` int NULL, `settledAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_2d191bef68eebb48f4c8671be3` (`taskTicketId`), UNIQUE INDEX `IDX_fb9991bb919d5019546f6286d9` (`visitedTicketId`, `resolution`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_fb9991bb919d5019546f6286d9` ON `return_visit`');
    await queryRunner.query('DROP INDEX `IDX_2d191bef68eebb48f4c8671be3` ON `return_visit`');
    await queryRunner.query('DROP TABLE `return_visit`');
    await queryRunner.query('DROP INDEX `IDX_19742fa165fddedbd489f82ce1` ON `return_visit_attempt`');
    await queryRunner.query('DROP TABLE `return_visit_attempt`');
    await queryRunner.query('DROP INDEX `IDX_6e5dd00f522c5e7961873ea28c` ON `rating`');
    await queryRunner.query('DROP INDEX `IDX_a60b573d81ef39fdea40b94891` ON `rating`');
    await queryRunner.query('DROP TABLE `rating`');
    await queryRunner.query('DROP TABLE `feedback_cursor`');
    await queryRunner.query('DROP TABLE `disaster_period`');
    await queryRunner.query('DROP INDEX `IDX_09357ebc469b1bf00112be3343` ON `resident_request`');
    await queryRunner.query('DROP TABLE `resident_request`');
    await queryRunner.query('DROP INDEX `IDX_f60a2410c138852e4d636df312` ON `compensation`');
    await queryRunner.query('DROP TABLE `compensation`');
    await queryRunner.query('DROP INDEX `IDX_dfa61d4f2295096ab99f6d8510` ON `complaint_case`');
    await queryRunner.query('DROP TABLE `complaint_case`');
    await queryRunner.query('DROP TABLE `business_application`');
  }
}
