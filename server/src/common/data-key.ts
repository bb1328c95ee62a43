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
  if (!config.DATABASE_URL.startsWith('sqlite:')) {
    throw new InvalidConfigError('Invalid environment variables:\n  DATA_ENCRYPTION_KEY: required with MySQL/MariaDB');
  }
  const file = config.DATABASE_URL.slice('sqlite:'.length);
  if (file === ':memory:') return configureFieldCipher(randomBytes(32).toString('base64'));
  const keyFile = resolve(dirname(isAbsolute(file) ? file : resolve(config.repoRoot, file)), 'data-encryption.key');
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  configureFieldCipher(readFileSync(keyFile, 'utf8').trim());
}
