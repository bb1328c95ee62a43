import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../common/config';
import { TicketNumbering } from '../tickets/ticket-numbering';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** What TypeORM runs on every entity it reads (a ticket's number). */
const SUBSCRIBERS = [TicketNumbering];

/**
 * `sqlite:<path>` is the embedded default (schema synchronised from the entities);
 * `mysql://…` is production, whose schema comes only from reviewed migrations.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'repoRoot'>): DataSourceOptions {
  const url = config.DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const database = file === ':memory:' || isAbsolute(file) ? file : resolve(config.repoRoot, file);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      type: 'better-sqlite3',
      database,
      entities: ENTITIES,
      subscribers: SUBSCRIBERS,
      synchronize: true,
      enableWAL: true,
      timeout: 10_000,
      // SQLite's advice for WAL: commits survive a crashed process; only a power cut may drop the last ones.
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => void db.pragma('synchronous = NORMAL'),
    };
  }
  return {
    // MariaDB is what this runs and is tested on. Told 'mysql', TypeORM misreads MariaDB's catalogue
    // (nullable columns report DEFAULT 'NULL') and every schema diff, hence `db:generate`, is noise.
    type: 'mariadb',
    url: url.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    subscribers: SUBSCRIBERS,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // trace: false — mysql2 otherwise captures a stack trace on every query, only to decorate the
    // rare error with its caller (≈ 8 % of intake's CPU); errors keep their code and message.
    extra: { connectionLimit: 20, trace: false },
  };
}
