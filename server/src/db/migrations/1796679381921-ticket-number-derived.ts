import { MigrationInterface, QueryRunner } from 'typeorm';

/** ticketNumber (shared) in SQL: the Shanghai date (UTC+8, no daylight saving) and the id, at least six digits. */
const DERIVED_NO =
  "CONCAT(DATE_FORMAT(`createdAt` + INTERVAL 8 HOUR, '%Y%m%d'), LPAD(`id`, GREATEST(6, LENGTH(`id`)), '0'))";

/**
 * A ticket's number is derived from its id and creation time as it is read (issue 19: intake then
 * writes it in no second statement). Every stored number was made by that same rule; a ticket whose
 * stored number is another stops the migration rather than lose it.
 */
export class TicketNumberDerived1796679381921 implements MigrationInterface {
  name = 'TicketNumberDerived1796679381921';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query(
      `SELECT COUNT(*) AS n FROM \`ticket\` WHERE \`no\` IS NOT NULL AND \`no\` <> ${DERIVED_NO}`,
    );
    if (Number(n) > 0) throw new Error(`${n} tickets carry a number other than their date and id: not dropped`);
    await queryRunner.query('DROP INDEX `IDX_d7cc6a1344b332172ea9544ac3` ON `ticket`');
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `no`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ticket` ADD `no` varchar(20) NULL');
    await queryRunner.query(`UPDATE \`ticket\` SET \`no\` = ${DERIVED_NO}`);
    await queryRunner.query('CREATE UNIQUE INDEX `IDX_d7cc6a1344b332172ea9544ac3` ON `ticket` (`no`)');
  }
}
