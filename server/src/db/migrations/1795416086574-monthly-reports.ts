import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthlyReports1795416086574 implements MigrationInterface {
  name = 'MonthlyReports1795416086574';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `monthly_report` (`id` int NOT NULL AUTO_INCREMENT, `period` varchar(7) NOT NULL, `scope` varchar(24) NOT NULL, `districtId` int NULL, `figures` text NOT NULL, `generatedAt` datetime(3) NOT NULL, `dueAt` datetime(3) NOT NULL, `frozenAt` datetime(3) NULL, `version` int NOT NULL DEFAULT '1', UNIQUE INDEX `IDX_f8bf370c40cc86faded5bba394` (`period`, `scope`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_f8bf370c40cc86faded5bba394` ON `monthly_report`');
    await queryRunner.query('DROP TABLE `monthly_report`');
  }
}
