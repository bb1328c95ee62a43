import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountWideConsent1795415802999 implements MigrationInterface {
  name = 'AccountWideConsent1795415802999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_4212e3343243834074e8c21c8c` ON `subscription_consent`');
    await queryRunner.query('ALTER TABLE `subscription_consent` CHANGE `ticketId` `ticketId` int NULL');
    await queryRunner.query(
      'CREATE INDEX `IDX_4212e3343243834074e8c21c8c` ON `subscription_consent` (`residentId`, `ticketId`, `templateId`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_4212e3343243834074e8c21c8c` ON `subscription_consent`');
    await queryRunner.query('ALTER TABLE `subscription_consent` CHANGE `ticketId` `ticketId` int NOT NULL');
    await queryRunner.query(
      'CREATE INDEX `IDX_4212e3343243834074e8c21c8c` ON `subscription_consent` (`residentId`, `ticketId`, `templateId`)',
    );
  }
}
