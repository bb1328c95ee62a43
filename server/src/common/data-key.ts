import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppConfig, InvalidConfigError } from './config';
import { configureFieldCipher } from './field-cipher';

/**
 * The embedded SQLite default keeps its own key beside the database file, so that
 * `npm start` needs no setup; MySQL (production) must be given DATA_ENCRYPTION_KEY.
 */
export function setUpFieldCipher(config: AppConfig): void {
  if (config.DATA_ENCRYPTION_KEY) return configureFieldCipher(config.DATA_ENCRYPTION_KEY);
  configureFieldCipher(secretBesideSqlite(config, 'DATA_ENCRYPTION_KEY', 'data-encryption.key'));
}

/**
 * A secret the development server generates once and keeps beside the SQLite file (mode 0600), so that a
 * restart on the same data directory finds it again. In-memory SQLite gets one per process; MySQL/MariaDB
 * (several processes, production) must be given it: `variable` is named in the refusal.
 */
export function secretBesideSqlite(config: AppConfig, variable: string, fileName: string): string {
  if (!config.DATABASE_URL.startsWith('sqlite:')) {
    throw new InvalidConfigError(`Invalid environment variables:\n  ${variable}: required with MySQL/MariaDB`);
  }
  const file = config.DATABASE_URL.slice('sqlite:'.length);
  if (file === ':memory:') return randomBytes(32).toString('base64');
  const secretFile = resolve(dirname(isAbsolute(file) ? file : resolve(config.repoRoot, file)), fileName);
  if (!existsSync(secretFile)) {
    mkdirSync(dirname(secretFile), { recursive: true });
    // 'wx': two processes starting at once must not overwrite each other's secret.
    try {
      writeFileSync(secretFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(secretFile, 'utf8').trim();
}

/** TOKEN_SECRET, or in development the one kept beside the SQLite file: a restart logs nobody out. */
export function tokenSecret(config: AppConfig): string {
  return config.TOKEN_SECRET ?? secretBesideSqlite(config, 'TOKEN_SECRET', 'token-secret.key');
}
