import { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-uploader row locked while a photo is counted against the hourly allowance (uploads). */
export class UploadAllowance1795420000000 implements MigrationInterface {
  name = 'UploadAllowance1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `upload_allowance` (`ownerKind` varchar(8) NOT NULL, `ownerId` int NOT NULL, `stored` int NOT NULL DEFAULT 0, PRIMARY KEY (`ownerKind`, `ownerId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `upload_allowance`');
  }
}
