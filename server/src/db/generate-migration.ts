import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../common/config';
import { dataSourceOptions } from './data-source-options';

/**
 * `npm run db:generate -w server -- Name`: diffs the entities against a MySQL/MariaDB that has
 * every migration applied and writes the difference as a new migration to review and list in
 * `migrations/index.ts`.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Usage: db:generate -- MigrationName (PascalCase)');
  const dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (!sql.upQueries.length) return void process.stdout.write('Entities match the migrations: nothing to generate.\n');
  const stamp = Date.now();
  const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
  const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => q(u.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => q(d.query))
  .join('\n')}
  }
}
`;
  const path = resolve(
    __dirname,
    '../../src/db/migrations',
    `${stamp}-${name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`,
  );
  writeFileSync(path, file);
  process.stdout.write(`Wrote ${path}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
