import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claim-order index a claim walks (docs/architecture.md#claiming-the-next-ticket). `claimPlace`
 * is computed by the database, so existing tickets get theirs here and every later write keeps it.
 * The typeorm_metadata row is how TypeORM knows the column's expression (its schema diff reads it
 * there): written for the database this runs in, not the one the migration was generated on.
 */
export class TicketClaimOrder1796677513365 implements MigrationInterface {
  name = 'TicketClaimOrder1796677513365';

  async up(queryRunner: QueryRunner): Promise<void> {
    const place =
      "CASE WHEN assigneeId IS NULL AND parentId IS NULL AND status IN ('submitted', 'accepted') " +
      "THEN CASE priority WHEN 'emergency' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END END";
    await queryRunner.query(`ALTER TABLE \`ticket\` ADD \`claimPlace\` int AS (${place}) STORED`);
    await queryRunner.query(
      'INSERT INTO `typeorm_metadata`(`database`, `schema`, `table`, `type`, `name`, `value`) VALUES (DEFAULT, DATABASE(), ?, ?, ?, ?)',
      ['ticket', 'GENERATED_COLUMN', 'claimPlace', place],
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_ticket_claim_order` ON `ticket` (`queueId`, `claimPlace`, `createdAt`, `id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_ticket_claim_order` ON `ticket`');
    await queryRunner.query(
      'DELETE FROM `typeorm_metadata` WHERE `type` = ? AND `name` = ? AND `schema` = DATABASE() AND `table` = ?',
      ['GENERATED_COLUMN', 'claimPlace', 'ticket'],
    );
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `claimPlace`');
  }
}
