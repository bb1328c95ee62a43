import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgAsData1796644398310 implements MigrationInterface {
  name = 'OrgAsData1796644398310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `org_version` (`id` int NOT NULL, `version` int NOT NULL DEFAULT '0', PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `shift` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `role` varchar(16) NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `note` varchar(100) NOT NULL DEFAULT '', INDEX `IDX_22e5e5c3f3c72b60b1d23922bb` (`districtId`), INDEX `IDX_6d391b2cebdcffd11af7f9cf76` (`startsAt`, `endsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `shift_member` (`id` int NOT NULL AUTO_INCREMENT, `shiftId` int NOT NULL, `staffId` int NOT NULL, INDEX `IDX_7b73bf9c01ee4ca93b5f4b876a` (`staffId`), UNIQUE INDEX `IDX_c0edf9c952bd04697585639fe9` (`shiftId`, `staffId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `station` ADD `utility` varchar(8) NOT NULL DEFAULT 'gas'");
    // The organisation's change counter starts at 0 (OrgVersion also creates it on a first change).
    await queryRunner.query('INSERT INTO `org_version` (`id`, `version`) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `station` DROP COLUMN `utility`');
    await queryRunner.query('DROP INDEX `IDX_c0edf9c952bd04697585639fe9` ON `shift_member`');
    await queryRunner.query('DROP INDEX `IDX_7b73bf9c01ee4ca93b5f4b876a` ON `shift_member`');
    await queryRunner.query('DROP TABLE `shift_member`');
    await queryRunner.query('DROP INDEX `IDX_6d391b2cebdcffd11af7f9cf76` ON `shift`');
    await queryRunner.query('DROP INDEX `IDX_22e5e5c3f3c72b60b1d23922bb` ON `shift`');
    await queryRunner.query('DROP TABLE `shift`');
    await queryRunner.query('DROP TABLE `org_version`');
  }
}
