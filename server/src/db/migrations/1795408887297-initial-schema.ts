import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795408887297 implements MigrationInterface {
  name = 'InitialSchema1795408887297';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `account` (`id` int NOT NULL AUTO_INCREMENT, `accountNo` varchar(10) NOT NULL, `holderName` varchar(50) NOT NULL, `address` varchar(200) NOT NULL, `utility` varchar(16) NOT NULL, `districtId` int NOT NULL, `stationId` int NOT NULL, `areaCentiM2` int NULL, INDEX `IDX_d77effc15e885b9d4ad2f304e7` (`districtId`), INDEX `IDX_70d8bf57cfeb3447596528d7a0` (`stationId`), UNIQUE INDEX `IDX_edfff9da7b1ffe443faeaf375b` (`accountNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `personal_data_access` (`id` int NOT NULL AUTO_INCREMENT, `staffId` int NOT NULL, `staffName` varchar(50) NOT NULL, `subjectType` varchar(16) NOT NULL, `subjectId` int NOT NULL, `field` varchar(32) NOT NULL, `at` datetime(3) NOT NULL, INDEX `IDX_875f20e6ed8375381f496e53cd` (`staffId`), INDEX `IDX_a8cfe8d71b57dccdc8ec668309` (`at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `account_year_volume` (`accountId` int NOT NULL, `year` int NOT NULL, `volumeCentiM3` int NOT NULL, PRIMARY KEY (`accountId`, `year`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `bill` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `accountNo` varchar(10) NOT NULL, `period` varchar(7) NOT NULL, `utility` varchar(8) NOT NULL, `fromOn` varchar(10) NOT NULL, `toOn` varchar(10) NOT NULL, `readingId` int NULL, `fromValueCentiM3` int NULL, `toValueCentiM3` int NULL, `volumeCentiM3` int NOT NULL DEFAULT '0', `lines` text NOT NULL, `amountFen` int NOT NULL, `paidFen` int NOT NULL DEFAULT '0', `status` varchar(8) NOT NULL, `dueOn` varchar(10) NOT NULL, `createdAt` datetime(3) NOT NULL, `paidAt` datetime(3) NULL, `paymentId` int NULL, INDEX `IDX_fb304299d2e924367ba8147cbc` (`status`, `dueOn`), UNIQUE INDEX `IDX_a69f4dc005a7bdde027adbe077` (`accountId`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `meter_reading` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `readOn` varchar(10) NOT NULL, `valueCentiM3` int NOT NULL, `source` varchar(12) NOT NULL, `status` varchar(8) NOT NULL, `holdReason` varchar(200) NULL, `ticketId` int NULL, `photoId` int NULL, `recordedById` int NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_3b8c7eac3e3fff97ffb247e142` (`status`, `readOn`), UNIQUE INDEX `IDX_4809619c63b8060d3577c6ec9f` (`accountId`, `readOn`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `tariff` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(8) NOT NULL, `districtId` int NOT NULL, `effectiveFrom` varchar(10) NOT NULL, `spec` text NOT NULL, UNIQUE INDEX `IDX_26d16784b3e7a7bebed83f8f76` (`kind`, `districtId`, `effectiveFrom`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `payment_notice` (`id` int NOT NULL AUTO_INCREMENT, `noticeId` varchar(64) NOT NULL, `eventType` varchar(32) NOT NULL, `outTradeNo` varchar(32) NULL, `outcome` varchar(64) NOT NULL, `receivedAt` datetime(3) NOT NULL, INDEX `IDX_550d2011717c6d9c94bf2b3811` (`outTradeNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `payment_order` (`id` int NOT NULL AUTO_INCREMENT, `orderNo` varchar(32) NOT NULL, `billId` int NOT NULL, `openBillId` int NULL, `accountId` int NOT NULL, `residentId` int NOT NULL, `payerOpenid` varchar(64) NOT NULL, `amountFen` int NOT NULL, `status` varchar(10) NOT NULL, `prepayId` varchar(64) NULL, `transactionId` varchar(32) NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `paidAt` datetime(3) NULL, `settledBill` tinyint NOT NULL DEFAULT 1, `lastQueriedAt` datetime(3) NULL, INDEX `IDX_ff209b2ca402541eea0bb44343` (`billId`), INDEX `IDX_46ee7abbc3fe71b9ac4d4c917e` (`accountId`), INDEX `IDX_06442d28f2a301a7f46dc1398c` (`status`, `createdAt`), UNIQUE INDEX `IDX_a36c651510e0c0b42ea7d3c30f` (`orderNo`), UNIQUE INDEX `IDX_6599f7babf5b1fa1aa9d435a0b` (`openBillId`), UNIQUE INDEX `IDX_45bee1b76c6b383ecceacc6e23` (`transactionId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `reconciliation_run` (`billDate` varchar(10) NOT NULL, `startedAt` datetime(3) NOT NULL, `mismatches` int NULL, PRIMARY KEY (`billDate`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `reconciliation_mismatch` (`id` int NOT NULL AUTO_INCREMENT, `billDate` varchar(10) NOT NULL, `outTradeNo` varchar(32) NOT NULL, `kind` varchar(20) NOT NULL, `oursFen` int NULL, `wechatFen` int NULL, `ticketId` int NULL, `foundAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_929f2ccd88b0b96890086ff5ec` (`billDate`, `outTradeNo`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `refund` (`id` int NOT NULL AUTO_INCREMENT, `refundNo` varchar(32) NOT NULL, `orderId` int NOT NULL, `amountFen` int NOT NULL, `reason` varchar(200) NOT NULL, `status` varchar(12) NOT NULL, `requestedById` int NOT NULL, `decidedById` int NULL, `wechatRefundId` varchar(64) NULL, `requestedAt` datetime(3) NOT NULL, `decidedAt` datetime(3) NULL, `completedAt` datetime(3) NULL, UNIQUE INDEX `IDX_d29550677dbabd6a08c4a18a34` (`refundNo`), UNIQUE INDEX `IDX_1f1294d539d9bbfe6c5b7de66b` (`orderId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `notice_cursor` (`name` varchar(32) NOT NULL, `lastEventId` int NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `notice` (`id` int NOT NULL AUTO_INCREMENT, `dedupeKey` varchar(80) NOT NULL, `residentId` int NOT NULL, `ticketId` int NULL, `templateId` varchar(64) NOT NULL, `page` varchar(128) NOT NULL, `data` text NOT NULL, `status` varchar(12) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NOT NULL, `lockedUntil` datetime(3) NULL, `lastError` varchar(300) NULL, `createdAt` datetime(3) NOT NULL, `sentAt` datetime(3) NULL, INDEX `IDX_ab7bd7d4002cd7ee15bdbee7d5` (`status`, `nextAttemptAt`), UNIQUE INDEX `IDX_70be1e0bd651e2dc8435e916b2` (`dedupeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `subscription_consent` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `ticketId` int NOT NULL, `templateId` varchar(64) NOT NULL, `grantedAt` datetime(3) NOT NULL, `usedByNoticeId` int NULL, INDEX `IDX_4212e3343243834074e8c21c8c` (`residentId`, `ticketId`, `templateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `account_binding` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `accountId` int NOT NULL, `label` varchar(10) NOT NULL DEFAULT '', `isDefault` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL, INDEX `IDX_81c3b064d867188aabff0e25da` (`accountId`), UNIQUE INDEX `IDX_49200c9acd195d8a306793c776` (`residentId`, `accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `bind_attempt` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `accountNo` varchar(10) NOT NULL, `at` datetime(3) NOT NULL, INDEX `IDX_5e541ebef9edfb30d76fb92e85` (`residentId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `resident` (`id` int NOT NULL AUTO_INCREMENT, `openid` varchar(64) NULL, `phone` varchar(120) NULL, `privacyConsentAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `deletedAt` datetime(3) NULL, UNIQUE INDEX `IDX_5608cdd837dbeb37c20474866d` (`openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `idempotency_record` (`id` int NOT NULL AUTO_INCREMENT, `scope` varchar(40) NOT NULL, `key` varchar(100) NOT NULL, `requestHash` varchar(64) NOT NULL, `resourceType` varchar(24) NOT NULL, `resourceId` int NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_43ea3d50a854b79e2f59aaad8a` (`scope`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `district` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, UNIQUE INDEX `IDX_fbfe5cb0d22c2be8c9a9fff5b6` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `station` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `districtId` int NOT NULL, INDEX `IDX_303c0545517c0a86b351c52307` (`districtId`), UNIQUE INDEX `IDX_c99c0125a3c03ea4842fb9c5d0` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `queue_member` (`id` int NOT NULL AUTO_INCREMENT, `queueId` int NOT NULL, `staffId` int NOT NULL, INDEX `IDX_a2bbf2062ef4aec478bf628284` (`staffId`), UNIQUE INDEX `IDX_d0c3cff105dd73c8e713a03d3c` (`queueId`, `staffId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `queue` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(48) NOT NULL, `name` varchar(64) NOT NULL, `districtId` int NULL, `stationId` int NULL, `autoAssign` tinyint NOT NULL DEFAULT 0, `supervisorOnly` tinyint NOT NULL DEFAULT 0, `triage` tinyint NOT NULL DEFAULT 0, INDEX `IDX_4b5621911db36de2b638022741` (`districtId`), INDEX `IDX_0efbf0dcedc7e8d4d271c42fbd` (`stationId`), UNIQUE INDEX `IDX_c564e35d1e65354b6ebc30858a` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `routing_rule` (`id` int NOT NULL AUTO_INCREMENT, `ticketType` varchar(24) NOT NULL, `districtId` int NULL, `stationId` int NULL, `queueId` int NOT NULL, UNIQUE INDEX `IDX_ab1df0b4f06c1bbed369e1f6e8` (`ticketType`, `districtId`, `stationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `calendar_day` (`date` varchar(10) NOT NULL, `working` tinyint NOT NULL, `note` varchar(100) NOT NULL DEFAULT '', PRIMARY KEY (`date`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `sla_policy` (`id` int NOT NULL AUTO_INCREMENT, `ticketType` varchar(24) NOT NULL, `clocks` text NOT NULL, `atRiskPercent` int NOT NULL DEFAULT '80', UNIQUE INDEX `IDX_21a30903d50c52ec77fbd6fbc4` (`ticketType`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `staff` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(64) NOT NULL, `name` varchar(50) NOT NULL, `passwordHash` varchar(100) NOT NULL, `role` varchar(16) NOT NULL, `stationId` int NULL, `districtId` int NULL, `onDuty` tinyint NOT NULL DEFAULT 0, `capacity` int NOT NULL DEFAULT '5', `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_0eec70800d8e366bf835ecc7d5` (`stationId`), INDEX `IDX_8366be45d7ea6b3d40cd7fc276` (`districtId`), UNIQUE INDEX `IDX_35aafb5ad218f3ff1ff70e281e` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `sla_breach` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `clock` varchar(16) NOT NULL, `ticketType` varchar(24) NOT NULL, `queueId` int NOT NULL, `dueAt` datetime(3) NOT NULL, `breachedAt` datetime(3) NOT NULL, INDEX `IDX_432c155a6c053a7d2229749b9e` (`queueId`), INDEX `IDX_f02faefe4d5ef5f420046885ff` (`breachedAt`), UNIQUE INDEX `IDX_ae587bae6069ed9d97a76eef3e` (`ticketId`, `clock`, `dueAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `ticket_clock` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `kind` varchar(16) NOT NULL, `startedAt` datetime(3) NOT NULL, `dueAt` datetime(3) NOT NULL, `riskAt` datetime(3) NOT NULL, `stoppedAt` datetime(3) NULL, `atRiskAt` datetime(3) NULL, `breachedAt` datetime(3) NULL, INDEX `IDX_f163c1924957d4ba7b5a851a3c` (`stoppedAt`, `riskAt`), INDEX `IDX_9a0c9c79018f28f52c5127414e` (`stoppedAt`, `dueAt`), UNIQUE INDEX `IDX_8222eb8b8e596fc6f6fa6a589f` (`ticketId`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `ticket_event` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `kind` varchar(16) NOT NULL, `at` datetime(3) NOT NULL, `actorId` int NULL, `actorName` varchar(50) NULL, `actorRole` varchar(16) NULL, `fromStatus` varchar(16) NULL, `toStatus` varchar(16) NULL, `note` varchar(1000) NULL, `data` text NULL, INDEX `IDX_52ad15979fca7c3e0e008a51ba` (`ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `ticket` (`id` int NOT NULL AUTO_INCREMENT, `no` varchar(20) NULL, `type` varchar(24) NOT NULL, `status` varchar(16) NOT NULL, `priority` varchar(16) NOT NULL, `channel` varchar(16) NOT NULL, `queueId` int NOT NULL, `assigneeId` int NULL, `accountNo` varchar(10) NULL, `districtId` int NULL, `stationId` int NULL, `address` varchar(200) NOT NULL, `contactName` varchar(50) NOT NULL, `contactPhone` varchar(120) NOT NULL, `description` text NOT NULL, `createdById` int NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_333ec3aa12386aaf915fbb7c1a` (`assigneeId`), INDEX `IDX_51611b174e74fe4f6d737328c0` (`accountNo`), INDEX `IDX_9b2a57757a9c09110748cb2e68` (`queueId`, `status`), UNIQUE INDEX `IDX_d7cc6a1344b332172ea9544ac3` (`no`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `upload` (`id` int NOT NULL AUTO_INCREMENT, `ownerKind` varchar(8) NOT NULL, `ownerId` int NOT NULL, `storageKey` varchar(80) NOT NULL, `mime` varchar(16) NOT NULL, `bytes` int NOT NULL, `width` int NOT NULL, `height` int NOT NULL, `sha256` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `attachedTo` varchar(40) NULL, INDEX `IDX_b1cbbe32cad85d127bd8ee88f4` (`attachedTo`), INDEX `IDX_40295e92feb9b72acfeaf62211` (`ownerKind`, `ownerId`, `createdAt`), UNIQUE INDEX `IDX_f0ad7b3ee8560573f7182f7a04` (`storageKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_f0ad7b3ee8560573f7182f7a04` ON `upload`');
    await queryRunner.query('DROP INDEX `IDX_40295e92feb9b72acfeaf62211` ON `upload`');
    await queryRunner.query('DROP INDEX `IDX_b1cbbe32cad85d127bd8ee88f4` ON `upload`');
    await queryRunner.query('DROP TABLE `upload`');
    await queryRunner.query('DROP INDEX `IDX_d7cc6a1344b332172ea9544ac3` ON `ticket`');
    await queryRunner.query('DROP INDEX `IDX_9b2a57757a9c09110748cb2e68` ON `ticket`');
    await queryRunner.query('DROP INDEX `IDX_51611b174e74fe4f6d737328c0` ON `ticket`');
    await queryRunner.query('DROP INDEX `IDX_333ec3aa12386aaf915fbb7c1a` ON `ticket`');
    await queryRunner.query('DROP TABLE `ticket`');
    await queryRunner.query('DROP INDEX `IDX_52ad15979fca7c3e0e008a51ba` ON `ticket_event`');
    await queryRunner.query('DROP TABLE `ticket_event`');
    await queryRunner.query('DROP INDEX `IDX_8222eb8b8e596fc6f6fa6a589f` ON `ticket_clock`');
    await queryRunner.query('DROP INDEX `IDX_9a0c9c79018f28f52c5127414e` ON `ticket_clock`');
    await queryRunner.query('DROP INDEX `IDX_f163c1924957d4ba7b5a851a3c` ON `ticket_clock`');
    await queryRunner.query('DROP TABLE `ticket_clock`');
    await queryRunner.query('DROP INDEX `IDX_ae587bae6069ed9d97a76eef3e` ON `sla_breach`');
    await queryRunner.query('DROP INDEX `IDX_f02faefe4d5ef5f420046885ff` ON `sla_breach`');
    await queryRunner.query('DROP INDEX `IDX_432c155a6c053a7d2229749b9e` ON `sla_breach`');
    await queryRunner.query('DROP TABLE `sla_breach`');
    await queryRunner.query('DROP INDEX `IDX_35aafb5ad218f3ff1ff70e281e` ON `staff`');
    await queryRunner.query('DROP INDEX `IDX_8366be45d7ea6b3d40cd7fc276` ON `staff`');
    await queryRunner.query('DROP INDEX `IDX_0eec70800d8e366bf835ecc7d5` ON `staff`');
    await queryRunner.query('DROP TABLE `staff`');
    await queryRunner.query('DROP INDEX `IDX_21a30903d50c52ec77fbd6fbc4` ON `sla_policy`');
    await queryRunner.query('DROP TABLE `sla_policy`');
    await queryRunner.query('DROP TABLE `calendar_day`');
    await queryRunner.query('DROP INDEX `IDX_ab1df0b4f06c1bbed369e1f6e8` ON `routing_rule`');
    await queryRunner.query('DROP TABLE `routing_rule`');
    await queryRunner.query('DROP INDEX `IDX_c564e35d1e65354b6ebc30858a` ON `queue`');
    await queryRunner.query('DROP INDEX `IDX_0efbf0dcedc7e8d4d271c42fbd` ON `queue`');
    await queryRunner.query('DROP INDEX `IDX_4b5621911db36de2b638022741` ON `queue`');
    await queryRunner.query('DROP TABLE `queue`');
    await queryRunner.query('DROP INDEX `IDX_d0c3cff105dd73c8e713a03d3c` ON `queue_member`');
    await queryRunner.query('DROP INDEX `IDX_a2bbf2062ef4aec478bf628284` ON `queue_member`');
    await queryRunner.query('DROP TABLE `queue_member`');
    await queryRunner.query('DROP INDEX `IDX_c99c0125a3c03ea4842fb9c5d0` ON `station`');
    await queryRunner.query('DROP INDEX `IDX_303c0545517c0a86b351c52307` ON `station`');
    await queryRunner.query('DROP TABLE `station`');
    await queryRunner.query('DROP INDEX `IDX_fbfe5cb0d22c2be8c9a9fff5b6` ON `district`');
    await queryRunner.query('DROP TABLE `district`');
    await queryRunner.query('DROP INDEX `IDX_43ea3d50a854b79e2f59aaad8a` ON `idempotency_record`');
    await queryRunner.query('DROP TABLE `idempotency_record`');
    await queryRunner.query('DROP INDEX `IDX_5608cdd837dbeb37c20474866d` ON `resident`');
    await queryRunner.query('DROP TABLE `resident`');
    await queryRunner.query('DROP INDEX `IDX_5e541ebef9edfb30d76fb92e85` ON `bind_attempt`');
    await queryRunner.query('DROP TABLE `bind_attempt`');
    await queryRunner.query('DROP INDEX `IDX_49200c9acd195d8a306793c776` ON `account_binding`');
    await queryRunner.query('DROP INDEX `IDX_81c3b064d867188aabff0e25da` ON `account_binding`');
    await queryRunner.query('DROP TABLE `account_binding`');
    await queryRunner.query('DROP INDEX `IDX_4212e3343243834074e8c21c8c` ON `subscription_consent`');
    await queryRunner.query('DROP TABLE `subscription_consent`');
    await queryRunner.query('DROP INDEX `IDX_70be1e0bd651e2dc8435e916b2` ON `notice`');
    await queryRunner.query('DROP INDEX `IDX_ab7bd7d4002cd7ee15bdbee7d5` ON `notice`');
    await queryRunner.query('DROP TABLE `notice`');
    await queryRunner.query('DROP TABLE `notice_cursor`');
    await queryRunner.query('DROP INDEX `IDX_1f1294d539d9bbfe6c5b7de66b` ON `refund`');
    await queryRunner.query('DROP INDEX `IDX_d29550677dbabd6a08c4a18a34` ON `refund`');
    await queryRunner.query('DROP TABLE `refund`');
    await queryRunner.query('DROP INDEX `IDX_929f2ccd88b0b96890086ff5ec` ON `reconciliation_mismatch`');
    await queryRunner.query('DROP TABLE `reconciliation_mismatch`');
    await queryRunner.query('DROP TABLE `reconciliation_run`');
    await queryRunner.query('DROP INDEX `IDX_45bee1b76c6b383ecceacc6e23` ON `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_6599f7babf5b1fa1aa9d435a0b` ON `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_a36c651510e0c0b42ea7d3c30f` ON `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_06442d28f2a301a7f46dc1398c` ON `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_46ee7abbc3fe71b9ac4d4c917e` ON `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_ff209b2ca402541eea0bb44343` ON `payment_order`');
    await queryRunner.query('DROP TABLE `payment_order`');
    await queryRunner.query('DROP INDEX `IDX_550d2011717c6d9c94bf2b3811` ON `payment_notice`');
    await queryRunner.query('DROP TABLE `payment_notice`');
    await queryRunner.query('DROP INDEX `IDX_26d16784b3e7a7bebed83f8f76` ON `tariff`');
    await queryRunner.query('DROP TABLE `tariff`');
    await queryRunner.query('DROP INDEX `IDX_4809619c63b8060d3577c6ec9f` ON `meter_reading`');
    await queryRunner.query('DROP INDEX `IDX_3b8c7eac3e3fff97ffb247e142` ON `meter_reading`');
    await queryRunner.query('DROP TABLE `meter_reading`');
    await queryRunner.query('DROP INDEX `IDX_a69f4dc005a7bdde027adbe077` ON `bill`');
    await queryRunner.query('DROP INDEX `IDX_fb304299d2e924367ba8147cbc` ON `bill`');
    await queryRunner.query('DROP TABLE `bill`');
    await queryRunner.query('DROP TABLE `account_year_volume`');
    await queryRunner.query('DROP INDEX `IDX_a8cfe8d71b57dccdc8ec668309` ON `personal_data_access`');
    await queryRunner.query('DROP INDEX `IDX_875f20e6ed8375381f496e53cd` ON `personal_data_access`');
    await queryRunner.query('DROP TABLE `personal_data_access`');
    await queryRunner.query('DROP INDEX `IDX_edfff9da7b1ffe443faeaf375b` ON `account`');
    await queryRunner.query('DROP INDEX `IDX_70d8bf57cfeb3447596528d7a0` ON `account`');
    await queryRunner.query('DROP INDEX `IDX_d77effc15e885b9d4ad2f304e7` ON `account`');
    await queryRunner.query('DROP TABLE `account`');
  }
}
