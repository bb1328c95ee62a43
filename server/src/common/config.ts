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
  /** 32 random bytes, base64: encrypts phones and ID numbers at rest. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' })
    .optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  H5_DIR: z.string().default(resolve(REPO_ROOT, 'miniapp/dist/h5')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** `mock` starts a fake WeChat API on loopback; `live` calls WeChat with WECHAT_APPID/WECHAT_SECRET. */
  WECHAT_MODE: z.enum(['mock', 'live']).default('mock'),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  /** Live: defaults to https://api.weixin.qq.com. Mock: unset = the fake's own URL; set = use it, start nothing. */
  WECHAT_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Lifetime of the fake's access tokens, so tests can make them expire. */
  WECHAT_MOCK_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(7200).default(7200),
  /** Subscribe-message templates of the mini-program (受理, 进度, 完成 notices). */
  WECHAT_TEMPLATE_ACCEPTED: z.string().min(1).max(64).default('TPL_TICKET_ACCEPTED'),
  WECHAT_TEMPLATE_PROGRESS: z.string().min(1).max(64).default('TPL_TICKET_PROGRESS'),
  WECHAT_TEMPLATE_RESOLVED: z.string().min(1).max(64).default('TPL_TICKET_RESOLVED'),
  /** How often queued resident notices are planned and sent (0 = off). */
  NOTICE_WORKER_SECONDS: z.coerce.number().int().min(0).max(3600).default(2),
});

/** The fake WeChat's credentials, used when mock mode is not given any. */
export const MOCK_WECHAT_APPID = 'wx0000000000mock';
export const MOCK_WECHAT_SECRET = 'mock-secret-for-the-fake-wechat-only';

/** Cross-field rules. `when` runs them even when another field failed, so every problem is listed at once. */
const ConfigSchema = EnvSchema.superRefine(
  (env, ctx) => {
    if (env.WECHAT_MODE !== 'live') return;
    for (const key of ['WECHAT_APPID', 'WECHAT_SECRET'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when WECHAT_MODE=live' });
    }
  },
  { when: () => true },
).transform((env) => ({
  ...env,
  WECHAT_APPID: env.WECHAT_APPID ?? MOCK_WECHAT_APPID,
  WECHAT_SECRET: env.WECHAT_SECRET ?? MOCK_WECHAT_SECRET,
}));

export type AppConfig = z.infer<typeof ConfigSchema> & { repoRoot: string };

export class InvalidConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new InvalidConfigError(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, repoRoot: REPO_ROOT };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
