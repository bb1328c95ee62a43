import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmergencyAlarms1796644388241 implements MigrationInterface {
  name = 'EmergencyAlarms1796644388241';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `emergency_alarm` (`id` int NOT NULL AUTO_INCREMENT, `residentId` int NOT NULL, `accountId` int NOT NULL, `ticketId` int NOT NULL, `joined` tinyint NOT NULL, `at` datetime(3) NOT NULL, INDEX `IDX_c70dfc267fe18c0b61f8099c02` (`ticketId`), INDEX `IDX_54936abd1e81da5dccf3162af4` (`residentId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_54936abd1e81da5dccf3162af4` ON `emergency_alarm`');
    await queryRunner.query('DROP INDEX `IDX_c70dfc267fe18c0b61f8099c02` ON `emergency_alarm`');
    await queryRunner.query('DROP TABLE `emergency_alarm`');
  }
}
