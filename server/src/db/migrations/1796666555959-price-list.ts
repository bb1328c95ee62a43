import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company's price list as it was a constant (DEFAULT_REPAIR_PRICE_LIST), written out here so
 * that this migration seeds the same list whatever the constant becomes (docs/domain.md#charges).
 */
const SEED: [code: string, name: string, unit: string, unitFen: number][] = [
  ['visit', '户内维修上门服务费', '次', 3000],
  ['gas-hose', '燃气灶前软管更换（含材料）', '根', 4500],
  ['gas-valve', '灶前阀更换（含材料）', '个', 6000],
  ['stove-thermocouple', '灶具熄火保护针更换', '个', 3500],
  ['heater-service', '燃气热水器检修', '台', 8000],
  ['radiator-valve', '暖气片阀门更换（含材料）', '个', 8000],
  ['radiator-vent', '暖气片排气阀更换', '个', 2500],
  ['radiator-pipe', '户内暖气管道漏点维修', '处', 12000],
  ['radiator-flush', '暖气片清洗', '组', 5000],
  ['power-socket', '户内插座/开关更换（含材料）', '个', 2000],
];

export class PriceList1796666555959 implements MigrationInterface {
  name = 'PriceList1796666555959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `price_list_item` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(32) NOT NULL, `name` varchar(50) NOT NULL, `unit` varchar(8) NOT NULL, `unitFen` int NOT NULL, `position` int NOT NULL, `retired` tinyint NOT NULL DEFAULT 0, `updatedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_518fd039b59f4f32365a7f7bae` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      `INSERT INTO \`price_list_item\` (\`code\`, \`name\`, \`unit\`, \`unitFen\`, \`position\`, \`retired\`, \`updatedAt\`) VALUES ${SEED.map(() => '(?, ?, ?, ?, ?, 0, UTC_TIMESTAMP(3))').join(', ')}`,
      SEED.flatMap((item, position) => [...item, position]),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_518fd039b59f4f32365a7f7bae` ON `price_list_item`');
    await queryRunner.query('DROP TABLE `price_list_item`');
  }
}
