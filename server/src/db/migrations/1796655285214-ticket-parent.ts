import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketParent1796655285214 implements MigrationInterface {
  name = 'TicketParent1796655285214';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ticket` ADD `parentId` int NULL');
    await queryRunner.query('CREATE INDEX `IDX_abf8ea078d9d1ed8e0f579a36a` ON `ticket` (`parentId`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_abf8ea078d9d1ed8e0f579a36a` ON `ticket`');
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `parentId`');
  }
}
