import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketWindows1796644665716 implements MigrationInterface {
  name = 'TicketWindows1796644665716';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ticket` ADD `windowStart` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `ticket` ADD `windowEnd` datetime(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `windowEnd`');
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `windowStart`');
  }
}
