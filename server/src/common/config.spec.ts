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
});
