import { JOB_NAMES } from './jobs/job-names';
import { InvalidConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'sqlite:data/test.db', TOKEN_SECRET: 'x'.repeat(32) };

/** The error a misconfigured server stops with: its message must name the variable to fix. */
function refusal(env: Record<string, string>): InvalidConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return error as InvalidConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('fills the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:data/app.db',
      TOKEN_TTL_MINUTES: 120,
      SEED_DEMO: 'true',
      SLA_SWEEP_SECONDS: 30,
      LOG_LEVEL: 'info',
    });
    expect(config.TOKEN_SECRET).toBeUndefined();
    expect(config.repoRoot).toEqual(expect.any(String));
  });

  it('reads numbers from strings and accepts MySQL and MariaDB URLs', () => {
    expect(loadConfig({ ...valid, PORT: '8080' }).PORT).toBe(8080);
    expect(loadConfig({ ...valid, DATABASE_URL: 'mysql://u:p@db:3306/utility' }).DATABASE_URL).toBe(
      'mysql://u:p@db:3306/utility',
    );
    expect(loadConfig({ ...valid, DATABASE_URL: 'mariadb://u:p@db/utility' }).DATABASE_URL).toBe(
      'mariadb://u:p@db/utility',
    );
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '0'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'postgres://u:p@db/utility'],
    ['DATABASE_URL', 'mysql://'],
    ['DATABASE_URL', 'data/app.db'],
    ['TOKEN_SECRET', 'too-short'],
    ['TOKEN_TTL_MINUTES', '1'],
    ['DEMO_PASSWORD', 'short'],
    ['SEED_DEMO', 'yes'],
    ['SLA_SWEEP_SECONDS', '-1'],
    ['LOG_LEVEL', 'verbose'],
    ['JOBS', 'sla-sweep,nightly-backup'],
    ['JOBS', ''],
  ])('refuses %s=%s with an InvalidConfigError naming the variable', (name, value) => {
    const error = refusal({ ...valid, [name]: value });
    expect(error.message).toMatch(/^Invalid environment variables:/);
    expect(error.message).toContain(`${name}:`);
    // Only the bad variable is blamed.
    const named = error.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(named).toEqual([name]);
  });

  it('says why DATABASE_URL and TOKEN_SECRET are wrong', () => {
    expect(refusal({ ...valid, DATABASE_URL: 'postgres://x' }).message).toContain('must be sqlite:<path> or mysql://');
    expect(refusal({ ...valid, TOKEN_SECRET: 'short' }).message).toContain('at least 32 characters');
  });

  it('reads the arrears settings: reminder days, late fee off by default, stop-supply grace', () => {
    expect(loadConfig(valid)).toMatchObject({
      ARREARS_REMINDER_DAYS: [1, 10, 30],
      LATE_FEE_PER_DAY_PERMILLE: 0,
      LATE_FEE_CAP_PERMILLE: 0,
      ARREARS_STOP_AFTER_DAYS: 60,
    });
    expect(loadConfig({ ...valid, ARREARS_REMINDER_DAYS: '30, 3,10' }).ARREARS_REMINDER_DAYS).toEqual([3, 10, 30]);
    for (const bad of ['', '0', '3,x', '400'])
      expect(refusal({ ...valid, ARREARS_REMINDER_DAYS: bad }).message).toContain('ARREARS_REMINDER_DAYS:');
    expect(refusal({ ...valid, LATE_FEE_PER_DAY_PERMILLE: '0.5' }).message).toContain('LATE_FEE_PER_DAY_PERMILLE:');
  });

  it('lists every bad variable at once', () => {
    const message = refusal({ PORT: 'x', DATABASE_URL: 'oracle:', TOKEN_SECRET: 'y' }).message;
    for (const name of ['PORT', 'DATABASE_URL', 'TOKEN_SECRET']) expect(message).toContain(`${name}:`);
  });

  it('runs WeCom against its fake by default, and refuses live mode without its credentials', () => {
    expect(loadConfig(valid)).toMatchObject({ WECOM_MODE: 'mock', STAFF_NOTICE_WORKER_SECONDS: 5 });
    const message = refusal({ ...valid, WECOM_MODE: 'live' }).message;
    for (const name of ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET']) {
      expect(message).toContain(`${name}: is required when WECOM_MODE=live`);
    }
    const live = {
      ...valid,
      WECOM_MODE: 'live',
      WECOM_CORP_ID: 'ww1234',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 's',
    };
    expect(loadConfig(live)).toMatchObject({ WECOM_AGENT_ID: 1000002, WECOM_CORP_ID: 'ww1234' });
    expect(refusal({ ...live, WECOM_AGENT_ID: 'agent' }).message).toContain('WECOM_AGENT_ID:');
    expect(refusal({ ...valid, WECOM_API_BASE: 'ftp://x' }).message).toContain('WECOM_API_BASE:');
  });

  it('reads JOBS as all, off, or the list of jobs to run', () => {
    expect(loadConfig(valid).JOBS).toContain('sla-sweep');
    expect(loadConfig(valid).JOBS).toEqual([...JOB_NAMES]);
    expect(loadConfig({ ...valid, JOBS: 'all' }).JOBS).toEqual([...JOB_NAMES]);
    expect(loadConfig({ ...valid, JOBS: 'off' }).JOBS).toEqual([]);
    expect(loadConfig({ ...valid, JOBS: 'notice-worker, sla-sweep' }).JOBS).toEqual(['sla-sweep', 'notice-worker']);
    expect(refusal({ ...valid, JOBS: 'sla-sweep,nightly-backup' }).message).toContain('unknown: "nightly-backup"');
  });
});

describe('loadConfig with NODE_ENV=production', () => {
  /** Everything production needs: live WeChat, WeChat Pay and WeCom, given secrets, no demo data. */
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://u:p@db:3306/utility',
    TOKEN_SECRET: 't'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    SEED_DEMO: 'false',
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx1234567890abcdef',
    WECHAT_SECRET: 'live-secret',
    WECHATPAY_MODE: 'live',
    WECHATPAY_MCHID: '1230000109',
    WECHATPAY_APPID: 'wx1234567890abcdef',
    WECHATPAY_SERIAL: 'ABCDEF0123456789',
    WECHATPAY_PRIVATE_KEY_PATH: '/etc/utility/apiclient_key.pem',
    WECHATPAY_APIV3_KEY: 'k'.repeat(32),
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: '/etc/utility/pub_key.pem',
    WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0112345678',
    WECHATPAY_NOTIFY_URL: 'https://pay.example.cn/api/payments/wechat/notify',
    WECOM_MODE: 'live',
    WECOM_CORP_ID: 'ww1234567890abcdef',
    WECOM_AGENT_ID: '1000009',
    WECOM_SECRET: 'live-wecom-secret',
    METER_VENDOR_MODE: 'live',
    METER_VENDOR_API_BASE: 'https://meters.example.cn/api',
    METER_VENDOR_KEY: 'live-meter-vendor-key-0123',
  };
  const blamed = (message: string) =>
    message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);

  it('accepts a production configuration with live credentials; the demo seed is off unless asked for', () => {
    expect(loadConfig(production)).toMatchObject({ NODE_ENV: 'production', SEED_DEMO: 'false' });
    const { SEED_DEMO: _omitted, ...withoutSeed } = production;
    expect(loadConfig(withoutSeed).SEED_DEMO).toBe('false');
  });

  it.each([
    ['WECHAT_MODE', { WECHAT_MODE: 'mock' }],
    ['WECHATPAY_MODE', { WECHATPAY_MODE: 'mock' }],
    ['WECOM_MODE', { WECOM_MODE: 'mock' }],
    ['METER_VENDOR_MODE', { METER_VENDOR_MODE: 'mock' }],
    ['SEED_DEMO', { SEED_DEMO: 'true' }],
    ['TOKEN_SECRET', { TOKEN_SECRET: undefined }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: undefined }],
  ])('refuses to boot naming %s', (name, change) => {
    const env = Object.fromEntries(
      Object.entries({ ...production, ...change }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const error = refusal(env);
    expect(blamed(error.message)).toEqual([name]);
    expect(error.message).toContain(`${name}: `);
    expect(error.message).toContain('NODE_ENV=production');
  });

  it.each([
    'WECHAT_APPID',
    'WECHAT_SECRET',
    'WECHATPAY_MCHID',
    'WECHATPAY_SERIAL',
    'WECHATPAY_PRIVATE_KEY_PATH',
    'WECHATPAY_APIV3_KEY',
    'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
    'WECHATPAY_PLATFORM_SERIAL',
    'WECHATPAY_NOTIFY_URL',
    'METER_VENDOR_API_BASE',
    'METER_VENDOR_KEY',
  ])('refuses incomplete live credentials, naming %s', (name) => {
    const env = Object.fromEntries(Object.entries(production).filter(([key]) => key !== name));
    expect(blamed(refusal(env).message)).toEqual([name]);
  });

  it('lists every production problem at once', () => {
    const { TOKEN_SECRET: _t, DATA_ENCRYPTION_KEY: _k, ...env } = production;
    const message = refusal({ ...env, WECHAT_MODE: 'mock', WECHATPAY_MODE: 'mock', SEED_DEMO: 'true' }).message;
    expect(blamed(message).sort()).toEqual(
      ['DATA_ENCRYPTION_KEY', 'SEED_DEMO', 'TOKEN_SECRET', 'WECHATPAY_MODE', 'WECHAT_MODE'].sort(),
    );
  });

  it('keeps development as it was: mock services and the demo seed need nothing', () => {
    expect(loadConfig({})).toMatchObject({ NODE_ENV: 'development', WECHAT_MODE: 'mock', SEED_DEMO: 'true' });
  });
});
