import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeBaseAndServiceOutlets1796660200596 implements MigrationInterface {
  name = 'KnowledgeBaseAndServiceOutlets1796660200596';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `knowledge_article` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(12) NOT NULL, `title` varchar(100) NOT NULL, `body` text NOT NULL, `tags` varchar(250) NOT NULL, `fees` text NULL, `published` tinyint NOT NULL DEFAULT 0, `updatedById` int NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_6efd259884ddaa7105dc712a1c` (`kind`, `published`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `service_outlet` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(60) NOT NULL, `address` varchar(200) NOT NULL, `hours` varchar(100) NOT NULL, `services` varchar(300) NOT NULL, `phone` varchar(20) NOT NULL, `latitudeE6` int NOT NULL, `longitudeE6` int NOT NULL, `sortOrder` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_6c7307f2fb50b5bf6be550c1b1` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_6c7307f2fb50b5bf6be550c1b1` ON `service_outlet`');
    await queryRunner.query('DROP TABLE `service_outlet`');
    await queryRunner.query('DROP INDEX `IDX_6efd259884ddaa7105dc712a1c` ON `knowledge_article`');
    await queryRunner.query('DROP TABLE `knowledge_article`');
  }
}
