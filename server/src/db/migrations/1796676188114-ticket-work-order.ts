import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work-order index a claim walks (docs/architecture.md#claiming-the-next-ticket). `priorityPlace`
 * is computed by the database, so existing tickets get theirs here and later writes keep it. The
 * typeorm_metadata row is how TypeORM knows the column's expression (its schema diff reads it there):
 * written for the database this runs in, not the one the migration was generated on.
 */
export class TicketWorkOrder1796676188114 implements MigrationInterface {
  name = 'TicketWorkOrder1796676188114';

  async up(queryRunner: QueryRunner): Promise<void> {
    const place = "CASE priority WHEN 'emergency' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";
    await queryRunner.query(`ALTER TABLE \`ticket\` ADD \`priorityPlace\` int AS (${place}) STORED`);
    await queryRunner.query(
      'INSERT INTO `typeorm_metadata`(`database`, `schema`, `table`, `type`, `name`, `value`) VALUES (DEFAULT, DATABASE(), ?, ?, ?, ?)',
      ['ticket', 'GENERATED_COLUMN', 'priorityPlace', place],
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_ticket_work_order` ON `ticket` (`queueId`, `assigneeId`, `priorityPlace`, `createdAt`, `id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_ticket_work_order` ON `ticket`');
    await queryRunner.query(
      'DELETE FROM `typeorm_metadata` WHERE `type` = ? AND `name` = ? AND `schema` = DATABASE() AND `table` = ?',
      ['GENERATED_COLUMN', 'priorityPlace', 'ticket'],
    );
    await queryRunner.query('ALTER TABLE `ticket` DROP COLUMN `priorityPlace`');
  }
}
