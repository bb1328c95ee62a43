import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../common/config';
import { dataSourceOptions } from './data-source-options';

/** `npm run db:migrate`: applies pending migrations to the MySQL/MariaDB of DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL.startsWith('sqlite:')) {
    process.stdout.write('SQLite builds its schema from the entities at start; nothing to migrate.\n');
    return;
  }
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(
    applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Schema is up to date.\n',
  );
  await dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
