import { MigrationInterface, QueryRunner } from 'typeorm';

export class BindingSecondFact1796645287422 implements MigrationInterface {
  name = 'BindingSecondFact1796645287422';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `ended_binding` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `accountId` int NOT NULL, `label` varchar(10) NOT NULL DEFAULT '', `boundAt` datetime(3) NOT NULL, `endedAt` datetime(3) NOT NULL, `reason` varchar(200) NOT NULL, INDEX `IDX_6edafc08043fd80f47bb66f2a7` (`residentId`), INDEX `IDX_4ac0d286a9d70537cfa91a9497` (`accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query('ALTER TABLE `account` ADD `phone` varchar(120) NULL');
    await queryRunner.query('CREATE INDEX `IDX_efab6ae825d68b451015103cc2` ON `bind_attempt` (`accountNo`, `at`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_efab6ae825d68b451015103cc2` ON `bind_attempt`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `phone`');
    await queryRunner.query('DROP INDEX `IDX_4ac0d286a9d70537cfa91a9497` ON `ended_binding`');
    await queryRunner.query('DROP INDEX `IDX_6edafc08043fd80f47bb66f2a7` ON `ended_binding`');
    await queryRunner.query('DROP TABLE `ended_binding`');
  }
}
