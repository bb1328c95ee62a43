import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA policies per ticket type × utility × area class × district × channel (docs/domain.md#clocks),
 * the district's area class (power rules), the return-visit policy as data, and the 12345 / letter
 * reference number of a ticket.
 */
export class SlaPoliciesPerChannelAndReturnVisitPolicy1796655164140 implements MigrationInterface {
  name = 'SlaPoliciesPerChannelAndReturnVisitPolicy1796655164140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_21a30903d50c52ec77fbd6fbc4` ON `sla_policy`');
    await queryRunner.query(
      'CREATE TABLE `return_visit_policy` (`id` int NOT NULL, `policy` text NOT NULL, `updatedAt` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `district` ADD `areaClass` varchar(8) NOT NULL DEFAULT 'urban'");
    await queryRunner.query('ALTER TABLE `sla_policy` ADD `selectorKey` varchar(80) NOT NULL');
    await queryRunner.query('ALTER TABLE `sla_policy` ADD `utility` varchar(8) NULL');
    await queryRunner.query('ALTER TABLE `sla_policy` ADD `areaClass` varchar(8) NULL');
    await queryRunner.query('ALTER TABLE `sla_policy` ADD `districtId` int NULL');
    await queryRunner.query('ALTER TABLE `sla_policy` ADD `channel` varchar(16) NULL');
    // Rows so far were one per type, for any district and channel (policySelectorKey of such a row).
    await queryRunner.query("UPDATE `sla_policy` SET `selectorKey` = CONCAT(`ticketType`, '|*|*|*|*')");
    await queryRunner.query(
      'ALTER TABLE `sla_policy` ADD UNIQUE INDEX `IDX_2518ca405bf17dd9e37cf2ee7b` (`selectorKey`)',
    );
    await queryRunner.query('ALTER TABLE `ticket` ADD `externalRef` varchar(40) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one row per type: only the rows for any utility, area, district and channel stay.
    await queryRunner.query("DELETE FROM `sla_policy` WHERE `selectorKey` <> CONCAT(`ticketType`, '|*|*|*|*')");
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `externalRef`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP COLUMN `channel`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP COLUMN `districtId`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP COLUMN `areaClass`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP COLUMN `utility`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP INDEX `IDX_2518ca405bf17dd9e37cf2ee7b`');
    await queryRunner.query('ALTER TABLE `sla_policy` DROP COLUMN `selectorKey`');
    await queryRunner.query('ALTER TABLE `district` DROP COLUMN `areaClass`');
    await queryRunner.query('DROP TABLE `return_visit_policy`');
    await queryRunner.query('CREATE UNIQUE INDEX `IDX_21a30903d50c52ec77fbd6fbc4` ON `sla_policy` (`ticketType`)');
  }
}
