import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys are compared byte for byte: under the default utf8mb4_unicode_ci two keys that differ
 * only in case (`abc` / `ABC`) collided, and the second request was answered with the first one's resource.
 * TypeORM does not diff collations, so the entity cannot say this; SQLite already compares bytes (BINARY).
 */
export class BinaryIdempotencyKeys1796642282846 implements MigrationInterface {
  name = 'BinaryIdempotencyKeys1796642282846';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `idempotency_record` MODIFY `key` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `idempotency_record` MODIFY `key` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL',
    );
  }
}
