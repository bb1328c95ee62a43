import { z } from 'zod';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');

/** Every setting the server reads, validated once at boot (STYLE.md: config validated at boot). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/app.db')
    .refine((v) => v.startsWith('sqlite:') || /^(mysql|mariadb):\/\/.+/.test(v), {
      message: 'must be sqlite:<path> or mysql://user:pass@host:port/db',
    }),
  /** Signs staff and resident bearer tokens; generated per process when unset (dev only). */
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  H5_DIR: z.string().default(resolve(REPO_ROOT, 'miniapp/dist/h5')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type AppConfig = z.infer<typeof EnvSchema> & { repoRoot: string };

export class InvalidConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new InvalidConfigError(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, repoRoot: REPO_ROOT };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
