import { MigrationInterface, QueryRunner } from 'typeorm';

export class OncallChain1796655581432 implements MigrationInterface {
  name = 'OncallChain1796655581432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `oncall_page` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `step` int NOT NULL DEFAULT '0', `staffId` int NOT NULL, `pagedIds` varchar(200) NOT NULL, `state` varchar(12) NOT NULL, `pagedAt` datetime(3) NOT NULL, `ackDueAt` datetime(3) NULL, `updatedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_36003482863a5f321ed735436d` (`ticketId`), INDEX `IDX_c2fb1f1ca1be10fbf437eba6c2` (`state`, `ackDueAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `unclaimed_alert` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `clockId` int NOT NULL, `clockStartedAt` datetime(3) NOT NULL, `alertedAt` datetime(3) NOT NULL, INDEX `IDX_fc44688c52838ee74ca2949f07` (`ticketId`), UNIQUE INDEX `IDX_abb5ed9c5d62d319b77556ae19` (`clockId`, `clockStartedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `staff` DROP COLUMN `onDuty`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff` ADD `onDuty` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('DROP INDEX `IDX_abb5ed9c5d62d319b77556ae19` ON `unclaimed_alert`');
    await queryRunner.query('DROP INDEX `IDX_fc44688c52838ee74ca2949f07` ON `unclaimed_alert`');
    await queryRunner.query('DROP TABLE `unclaimed_alert`');
    await queryRunner.query('DROP INDEX `IDX_c2fb1f1ca1be10fbf437eba6c2` ON `oncall_page`');
    await queryRunner.query('DROP INDEX `IDX_36003482863a5f321ed735436d` ON `oncall_page`');
    await queryRunner.query('DROP TABLE `oncall_page`');
  }
}
