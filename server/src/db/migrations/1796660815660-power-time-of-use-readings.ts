import { MigrationInterface, QueryRunner } from 'typeorm';

export class PowerTimeOfUseReadings1796660815660 implements MigrationInterface {
  name = 'PowerTimeOfUseReadings1796660815660';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `meter_reading` ADD `peakCentiKwh` int NULL');
    await queryRunner.query('ALTER TABLE `meter_reading` ADD `valleyCentiKwh` int NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `meter_reading` DROP COLUMN `valleyCentiKwh`');
    await queryRunner.query('ALTER TABLE `meter_reading` DROP COLUMN `peakCentiKwh`');
  }
}
