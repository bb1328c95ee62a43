import { z } from 'zod';
import { parseReminderDays } from '@utility/shared';
import { resolve } from 'node:path';
import { parseJobsSetting } from './jobs/job-names';

const REPO_ROOT = resolve(__dirname, '../../..');

/** Every setting the server reads, validated once at boot (docs/architecture.md#configuration). */
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
  TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** 32 random bytes, base64: encrypts phones and ID numbers at rest. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' })
    .optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Default: on in development, off in production (where turning it on refuses to boot). */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /**
   * Days of past work the demo seed writes on its first run (tickets, breaches, ratings, payments,
   * inspections), so the dashboard and last month's report show figures; 0 = none (the test apps).
   */
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(366).default(90),
  /**
   * Which background jobs this process runs: unset or `all` = every one, `off` = none, or a comma list
   * of job names (docs/architecture.md#jobs). A job also needs its interval setting above 0.
   */
  JOBS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const jobs = parseJobsSetting(v);
      if (Array.isArray(jobs)) return jobs;
      ctx.addIssue({ code: 'custom', message: jobs.error });
      return z.NEVER;
    }),
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** How often the on-call chain is advanced and tickets unclaimed past half their respond clock are reported (0 = off). */
  DISPATCH_WATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** An auto-assigned emergency not acknowledged (接单) within this goes to the next technician on shift, then the supervisors. */
  ONCALL_ACK_MINUTES: z.coerce.number().int().min(1).max(120).default(5),
  H5_DIR: z.string().default(resolve(REPO_ROOT, 'miniapp/dist/h5')),
  /** The 24-hour line residents are told to call in an emergency (safety instructions). */
  HOTLINE_NUMBER: z
    .string()
    .regex(/^\d[\d-]{2,19}$/, 'must be a phone number (digits and -)')
    .default('96777'),
  /** One-tap leak alarms a resident may raise in ALARM_LIMIT_WINDOW_MINUTES (a repeat for an open leak counts too). */
  ALARM_LIMIT_PER_RESIDENT: z.coerce.number().int().min(1).max(100).default(3),
  ALARM_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /**
   * The second fact a resident proves when binding an account, besides the holder's name: `phone_last4` (the
   * last four digits of the phone registered on the account), `last_bill_amount` (its latest bill, in yuan),
   * or `none` (the name alone). An account without that fact on record is bound at the counter.
   */
  BINDING_SECOND_FACT: z.enum(['phone_last4', 'last_bill_amount', 'none']).default('phone_last4'),
  /** Failed binding tries on one account, by all residents together, before it is locked for BIND_ACCOUNT_LOCK_HOURS. */
  BIND_ACCOUNT_FAILURE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  BIND_ACCOUNT_LOCK_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `production` refuses mock services, the demo seed and missing secrets (see productionProblems). */
  NODE_ENV: z.string().default('development'),
  /** `true` when a proxy in front terminates TLS: the server then sends HSTS. */
  TRUST_PROXY_TLS: z.enum(['true', 'false']).default('false'),
  /**
   * Largest CSV/XLSX body an import route reads (after authentication); bigger ones are refused while they
   * stream. 1,000,000 customer-master accounts as CSV are about 125 MB.
   */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 * 1024 * 1024)
    .default(512 * 1024 * 1024),
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
  WECHAT_TEMPLATE_INSPECTION: z.string().min(1).max(64).default('TPL_INSPECTION'),
  WECHAT_TEMPLATE_BILL_DUE: z.string().min(1).max(64).default('TPL_BILL_DUE'),
  WECHAT_TEMPLATE_ARREARS: z.string().min(1).max(64).default('TPL_ARREARS'),
  WECHAT_TEMPLATE_USAGE_ALERT: z.string().min(1).max(64).default('TPL_USAGE_ALERT'),
  /** Told to a resident whose binding ended because the account's holder changed (过户). */
  WECHAT_TEMPLATE_ACCOUNT_CHANGE: z.string().min(1).max(64).default('TPL_ACCOUNT_CHANGE'),
  WECHAT_TEMPLATE_OUTAGE: z.string().min(1).max(64).default('TPL_OUTAGE'),
  WECHAT_TEMPLATE_PREPAID_BALANCE: z.string().min(1).max(64).default('TPL_PREPAID_BALANCE'),
  /** `mock` starts a fake WeCom (企业微信) API on loopback; `live` calls WeCom with WECOM_CORP_ID/AGENT_ID/SECRET. */
  WECOM_MODE: z.enum(['mock', 'live']).default('mock'),
  WECOM_CORP_ID: z.string().min(1).max(64).optional(),
  WECOM_AGENT_ID: z.coerce.number().int().min(1).optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  /** Live: defaults to https://qyapi.weixin.qq.com. Mock: unset = the fake's own URL; set = use it, start nothing. */
  WECOM_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  WECOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** How often due staff WeCom messages are sent (0 = off, tests drive it). */
  STAFF_NOTICE_WORKER_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** Where the H5 build is served (this server's `/` by default): a WeCom card's button opens its staff page. */
  STAFF_APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** How often queued resident notices are planned and sent (0 = off). */
  NOTICE_WORKER_SECONDS: z.coerce.number().int().min(0).max(3600).default(2),
  /** Broadcast notices (an outage's) sent per notice-worker run, after the resident's own: WeChat's send rate, shared. */
  NOTICE_BROADCAST_PER_RUN: z.coerce.number().int().min(0).max(5000).default(40),
  /** How often resolved tickets are read for return visits and ratings (0 = off, tests drive it). */
  RETURN_VISIT_PLANNER_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Share of sampled work (inspections, applications, reports) given a return visit; docs/domain.md#return-visits: at least 10 %. */
  RETURN_VISIT_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.1),
  /** Seed of the reproducible sampling draw; recorded on each task so a draw can be checked later. */
  RETURN_VISIT_SAMPLE_SEED: z.string().min(1).max(32).default('utility-2026'),
  /** Inspection bookings close this many calendar days before the slot's date, at INSPECTION_CUTOFF_HOUR Shanghai. */
  INSPECTION_CUTOFF_DAYS_BEFORE: z.coerce.number().int().min(0).max(14).default(1),
  INSPECTION_CUTOFF_HOUR: z.coerce.number().int().min(0).max(23).default(18),
  /** How far ahead residents see bookable inspection slots. */
  INSPECTION_BOOKING_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** How often the day-before inspection reminders are queued (0 = off). */
  INSPECTION_REMINDER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** How often unnotified orders are queried and expired ones closed (0 = off, also turns off the daily reconciliation). */
  PAYMENT_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Shanghai hour after which yesterday's WeChat Pay trade bill is reconciled. */
  RECONCILE_AT_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  /** How often the monthly report job runs (0 = off): it generates last month's report from the 1st and freezes it at the due time. */
  REPORT_JOB_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /** docs/domain.md#monthly-report: the month's report is due on this day of the next month at this Shanghai hour (7th, 16:00). */
  REPORT_DUE_DAY: z.coerce.number().int().min(1).max(28).default(7),
  REPORT_DUE_HOUR: z.coerce.number().int().min(0).max(23).default(16),
  /**
   * docs/domain.md#prepaid-accounts: the IoT meter vendor's platform. `mock` starts a fake vendor on loopback
   * (server/src/dev/); `live` needs METER_VENDOR_API_BASE and METER_VENDOR_KEY. The same signed client runs either way.
   */
  METER_VENDOR_MODE: z.enum(['mock', 'live']).default('mock'),
  METER_VENDOR_API_BASE: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((v) => /^https?:\/\/[^?#]+$/.test(v), { message: 'must be a URL without a query string' })
    .optional(),
  /** The shared key requests to the vendor are signed with (HMAC-SHA256, prepaid/meter-vendor-signature.ts). */
  METER_VENDOR_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  METER_VENDOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** How often credited IoT top-ups are sent to the vendor until it confirms (0 = off). */
  METER_DELIVERY_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** An IoT top-up the vendor has not confirmed this many hours after payment opens a billing ticket. */
  METER_CONFIRM_HOURS: z.coerce.number().min(0.01).max(72).default(2),
  /** A prepaid resident is warned when the balance lasts fewer days than this (docs/domain.md#prepaid-accounts). */
  PREPAID_LOW_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** How often resident bill alerts (due soon, arrears, high use) are planned (0 = off). */
  BILL_ALERT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  /** A bill-due alert goes this many days before the due date. */
  BILL_DUE_ALERT_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  /** docs/domain.md#arrears: days after the due date on which an unpaid bill is reminded again ("1,10,30"). */
  ARREARS_REMINDER_DAYS: z
    .string()
    .default('1,10,30')
    .transform((text, ctx) => {
      try {
        const days = parseReminderDays(text);
        if (days.length) return days;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must list days 1–365 after the due date, e.g. 3,10,30' });
      return z.NEVER;
    }),
  /** 滞纳金 per day, in ‰ of the bill's amount, from the day after the due date (0 = no late fee, the default). */
  LATE_FEE_PER_DAY_PERMILLE: z.coerce.number().int().min(0).max(100).default(0),
  /** The late fee never exceeds this share of the bill's amount, in ‰ (0 = no late fee). */
  LATE_FEE_CAP_PERMILLE: z.coerce.number().int().min(0).max(1000).default(0),
  /** Days after the due date at which an unpaid bill opens a stop-supply application for a supervisor (0 = never). */
  ARREARS_STOP_AFTER_DAYS: z.coerce.number().int().min(0).max(3650).default(60),
  /** 代缴: how many accounts one resident may look up by 户号 per hour (against enumeration). */
  PAY_BY_ACCOUNT_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  /** Where photos are kept (LocalPhotoStorage). Default: `uploads/` beside the SQLite file, else <repo>/data/uploads. */
  UPLOADS_DIR: z.string().min(1).optional(),
  /** Largest photo accepted, in bytes; a bigger one is refused while it streams in. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Largest photo decoded, in pixels (width × height): decompression bombs stop here. */
  UPLOAD_MAX_PIXELS: z.coerce.number().int().min(10_000).max(200_000_000).default(50_000_000),
  /** Photos one person may upload in an hour that are not attached to anything yet. */
  UPLOAD_HOURLY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Photos that may wait (on disk) for one of this process's two decoding places; more → 503 with Retry-After. */
  UPLOAD_QUEUE_LENGTH: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Photos never attached to a ticket or reading are deleted after this many hours (0 = keep them). */
  UPLOAD_ORPHAN_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 365)
    .default(24),
  /**
   * WeChat Pay v3. `mock` generates the merchant keys and starts a fake WeChat Pay on loopback with its own
   * platform key; `live` needs every WECHATPAY_* below. Either way the same client and checks run.
   */
  WECHATPAY_MODE: z.enum(['mock', 'live']).default('mock'),
  WECHATPAY_MCHID: z
    .string()
    .regex(/^\d{6,32}$/, 'must be the merchant number (digits)')
    .optional(),
  WECHATPAY_APPID: z.string().min(1).max(32).optional(),
  /** Serial number of the merchant API certificate (hex). */
  WECHATPAY_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial (hex)')
    .optional(),
  WECHATPAY_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  WECHATPAY_APIV3_KEY: z
    .string()
    .refine((v) => Buffer.byteLength(v) === 32, { message: 'must be exactly 32 characters' })
    .optional(),
  /**
   * WeChat Pay public key PEMs, or platform certificate PEMs, comma-separated; WECHATPAY_PLATFORM_SERIAL lists
   * their PUB_KEY_ID_… or serials in the same order. Several while WeChat Pay rotates its key: notices signed
   * by the old and by the new one are both accepted.
   */
  WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_SERIAL: z
    .string()
    .regex(
      /^\s*(PUB_KEY_ID_[0-9A-Za-z_]+|[0-9A-Fa-f]{8,64})\s*(,\s*(PUB_KEY_ID_[0-9A-Za-z_]+|[0-9A-Fa-f]{8,64})\s*)*$/,
      'must be PUB_KEY_ID_… or a certificate serial (hex), or several, comma-separated',
    )
    .optional(),
  /**
   * With platform certificates (not PUB_KEY_ID_ keys): how often the current ones are downloaded from
   * /v3/certificates, verified with a certificate already trusted, and added (0 = never).
   */
  WECHATPAY_CERT_REFRESH_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  /** Live: defaults to https://api.mch.weixin.qq.com; any server speaking the v3 contract (tests use the fake). */
  WECHATPAY_API_BASE: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), {
      message: 'must be an origin without a path, like https://api.mch.weixin.qq.com',
    })
    .optional(),
  /** Where WeChat Pay posts notices. Mock default: this server's own endpoint on loopback. */
  WECHATPAY_NOTIFY_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((v) => !v.includes('?'), { message: 'must not carry a query string (WeChat Pay refuses it)' })
    .optional(),
});

/** A comma-separated config value as its items (empty for none). */
export const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The fake WeChat Pay's merchant number (the one in WeChat Pay's own examples), used when mock mode is given none. */
export const MOCK_WECHATPAY_MCHID = '1900000109';

const WECHATPAY_LIVE_REQUIRED = [
  'WECHATPAY_MCHID',
  'WECHATPAY_APPID',
  'WECHATPAY_SERIAL',
  'WECHATPAY_PRIVATE_KEY_PATH',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
  'WECHATPAY_PLATFORM_SERIAL',
  'WECHATPAY_NOTIFY_URL',
] as const;

/** The fake meter vendor's key, used when mock mode is given none. */
export const MOCK_METER_VENDOR_KEY = 'mock-key-for-the-fake-meter-vendor-only';

/** The fake WeChat's credentials, used when mock mode is not given any. */
export const MOCK_WECHAT_APPID = 'wx0000000000mock';
export const MOCK_WECHAT_SECRET = 'mock-secret-for-the-fake-wechat-only';
export const MOCK_WECOM_CORP_ID = 'ww00000000mock';
export const MOCK_WECOM_AGENT_ID = 1000002;
export const MOCK_WECOM_SECRET = 'mock-secret-for-the-fake-wecom-only';

/**
 * NODE_ENV=production: nothing made for the demo may run (fakes, demo seed), and the secrets must be given,
 * not generated. Live credentials are then checked by the live-mode rules below.
 */
function productionProblems(env: z.infer<typeof EnvSchema>): [keyof typeof env, string][] {
  const problems: [keyof typeof env, string][] = [];
  if (env.WECHAT_MODE !== 'live') problems.push(['WECHAT_MODE', 'must be live when NODE_ENV=production']);
  if (env.WECHATPAY_MODE !== 'live') problems.push(['WECHATPAY_MODE', 'must be live when NODE_ENV=production']);
  if (env.WECOM_MODE !== 'live') problems.push(['WECOM_MODE', 'must be live when NODE_ENV=production']);
  if (env.METER_VENDOR_MODE !== 'live') problems.push(['METER_VENDOR_MODE', 'must be live when NODE_ENV=production']);
  if (env.SEED_DEMO === 'true') problems.push(['SEED_DEMO', 'must be false when NODE_ENV=production']);
  for (const key of ['TOKEN_SECRET', 'DATA_ENCRYPTION_KEY'] as const) {
    if (!env[key]) problems.push([key, 'is required when NODE_ENV=production']);
  }
  return problems;
}

/** Cross-field rules. `when` runs them even when another field failed, so every problem is listed at once. */
const ConfigSchema = EnvSchema.superRefine(
  (env, ctx) => {
    if (env.WECHAT_MODE !== 'live') return;
    for (const key of ['WECHAT_APPID', 'WECHAT_SECRET'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when WECHAT_MODE=live' });
    }
  },
  { when: () => true },
)
  .superRefine(
    (env, ctx) => {
      if (env.WECOM_MODE !== 'live') return;
      for (const key of ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when WECOM_MODE=live' });
      }
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.WECHATPAY_MODE === 'live') {
        for (const key of WECHATPAY_LIVE_REQUIRED) {
          if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when WECHATPAY_MODE=live' });
        }
        const paths = splitList(env.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH);
        const serials = splitList(env.WECHATPAY_PLATFORM_SERIAL);
        if (paths.length && serials.length && paths.length !== serials.length)
          ctx.addIssue({
            code: 'custom',
            path: ['WECHATPAY_PLATFORM_SERIAL'],
            message: `lists ${serials.length} serials for ${paths.length} WECHATPAY_PLATFORM_PUBLIC_KEY_PATH files`,
          });
      } else if (env.WECHATPAY_API_BASE) {
        ctx.addIssue({
          code: 'custom',
          path: ['WECHATPAY_API_BASE'],
          message: 'is only used when WECHATPAY_MODE=live (mock mode starts its own fake)',
        });
      }
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.METER_VENDOR_MODE !== 'live') return;
      for (const key of ['METER_VENDOR_API_BASE', 'METER_VENDOR_KEY'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when METER_VENDOR_MODE=live' });
      }
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV !== 'production') return;
      for (const [path, message] of productionProblems(env)) ctx.addIssue({ code: 'custom', path: [path], message });
    },
    { when: () => true },
  )
  .transform((env) => ({
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? (env.NODE_ENV === 'production' ? 'false' : 'true'),
    WECHAT_APPID: env.WECHAT_APPID ?? MOCK_WECHAT_APPID,
    WECHAT_SECRET: env.WECHAT_SECRET ?? MOCK_WECHAT_SECRET,
    WECOM_CORP_ID: env.WECOM_CORP_ID ?? MOCK_WECOM_CORP_ID,
    WECOM_AGENT_ID: env.WECOM_AGENT_ID ?? MOCK_WECOM_AGENT_ID,
    WECOM_SECRET: env.WECOM_SECRET ?? MOCK_WECOM_SECRET,
    METER_VENDOR_KEY: env.METER_VENDOR_KEY ?? MOCK_METER_VENDOR_KEY,
    STAFF_APP_URL: env.STAFF_APP_URL ?? `http://127.0.0.1:${env.PORT}`,
    // Live mode has refused to get here without these; the defaults are mock mode's.
    WECHATPAY_MCHID: env.WECHATPAY_MCHID ?? MOCK_WECHATPAY_MCHID,
    WECHATPAY_APPID: env.WECHATPAY_APPID ?? env.WECHAT_APPID ?? MOCK_WECHAT_APPID,
    WECHATPAY_NOTIFY_URL: env.WECHATPAY_NOTIFY_URL ?? `http://127.0.0.1:${env.PORT}/api/payments/wechat/notify`,
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
