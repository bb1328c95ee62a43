import { ErrorCode } from '@utility/shared';
import { createHash } from 'node:crypto';
import { get, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { answerBeforeBody } from '../testing/raw-http';
import { residentLogin } from '../testing/resident-fixtures';
import { startTestApp, TEST_PASSWORD, TestApp } from '../testing/test-app';

/**
 * An H5 build as Taro lays it out: index.html with its one inline script, hashed JS and CSS; one script
 * with the brotli copy miniapp/scripts/precompress-h5.mjs writes beside it.
 */
function fakeH5Build(): { dir: string; inlineScript: string; js: string; vendorBrotli: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'utility-h5-'));
  const inlineScript = '!function(n){document.documentElement.style.fontSize=n/20+"px"}(375);';
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><script>${inlineScript}</script><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>`,
  );
  mkdirSync(join(dir, 'js'));
  const js = 'console.log("智慧燃气");\n'.repeat(2000);
  writeFileSync(join(dir, 'js/app.0123abcd.js'), js);
  const vendor = 'export const tariff = "阶梯气价";\n'.repeat(2000);
  const vendorBrotli = brotliCompressSync(vendor, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(join(dir, 'js/vendor.4567cdef.js'), vendor);
  writeFileSync(join(dir, 'js/vendor.4567cdef.js.br'), vendorBrotli);
  return { dir, inlineScript, js, vendorBrotli };
}

/** A GET whose body is kept as it came over the wire (still compressed). */
function rawGet(
  target: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Collects what the server logs, one parsed JSON line per entry. */
function logCapture(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('HTTP hardening (development profile)', () => {
  let t: TestApp;
  let url: string;
  let h5: ReturnType<typeof fakeH5Build>;
  const log = logCapture();

  beforeAll(async () => {
    h5 = fakeH5Build();
    t = await startTestApp({ H5_DIR: h5.dir, LOG_LEVEL: 'info' }, { logDestination: log.stream });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5.dir, { recursive: true, force: true });
  });

  describe('security headers', () => {
    const expectHardened = (headers: Record<string, string>) => {
      const csp = headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-content-type-options']).toBe('nosniff');
      // No TLS in front (TRUST_PROXY_TLS unset): HSTS would lock browsers out of plain HTTP.
      expect(headers['strict-transport-security']).toBeUndefined();
    };

    it('are on the H5 page, whose inline script and tab bar links are allowed by their hashes and nothing else', async () => {
      const res = await t.http().get('/').expect(200);
      expectHardened(res.headers);
      const hash = createHash('sha256').update(h5.inlineScript).digest('base64');
      const scriptSrc = res.headers['content-security-policy']
        .split(';')
        .find((d: string) => d.startsWith('script-src'));
      const tabBarLink = createHash('sha256').update('javascript:;').digest('base64');
      expect(scriptSrc).toBe(`script-src 'self' 'sha256-${hash}' 'unsafe-hashes' 'sha256-${tabBarLink}'`);
    });

    it('are on API answers, refusals included', async () => {
      expectHardened((await t.http().get('/api/tickets/1').expect(401)).headers);
      expectHardened((await t.http().get('/healthz').expect(200)).headers);
      expectHardened((await t.http().post('/api/no-such-route').send({}).expect(404)).headers);
    });
  });

  describe('the H5 build', () => {
    it('is cached for a year as immutable when its name has a hash, and revalidated otherwise', async () => {
      const asset = await t.http().get('/js/app.0123abcd.js').expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const page of ['/', '/index.html']) {
        expect((await t.http().get(page).expect(200)).headers['cache-control']).toBe('no-cache');
      }
    });

    it.each([
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ])('sends JavaScript compressed with %s when the browser accepts it', async (encoding, decompress) => {
      const { headers, body: raw } = await rawGet(`${url}/js/app.0123abcd.js`, { 'accept-encoding': encoding });
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['vary']).toMatch(/accept-encoding/i);
      expect(raw.length).toBeLessThan(Buffer.byteLength(h5.js) / 4);
      expect(decompress(raw).toString()).toBe(h5.js);
    });
  });

  describe('the H5 build, precompressed', () => {
    it("sends the build's brotli copy as it is, cached as immutable as the script it stands for", async () => {
      const { headers, body } = await rawGet(`${url}/js/vendor.4567cdef.js`, {
        'accept-encoding': 'gzip, deflate, br',
      });
      expect(headers['content-encoding']).toBe('br');
      expect(headers['content-type']).toMatch(/javascript/);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headers['vary']).toMatch(/accept-encoding/i);
      expect(body.equals(h5.vendorBrotli)).toBe(true);
    });

    it('compresses on the fly for an encoding the build has no copy for', async () => {
      const { headers, body } = await rawGet(`${url}/js/vendor.4567cdef.js`, { 'accept-encoding': 'gzip' });
      expect(headers['content-encoding']).toBe('gzip');
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gunzipSync(body).toString()).toContain('阶梯气价');
    });
  });

  describe('bodies', () => {
    it('refuses a JSON body over 1 MB with 413, before any guard or handler', async () => {
      const res = await t
        .http()
        .post('/api/auth/wechat')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    });

    it('answers text/csv to a route that takes no file 415, without reading it', async () => {
      const res = await answerBeforeBody(url, '/api/auth/wechat', { 'content-type': 'text/csv' }, 19 * 1024 * 1024);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('lets an import route refuse an unauthenticated CSV before reading it', async () => {
      const res = await answerBeforeBody(
        url,
        '/api/staff/meter-readings/import',
        { 'content-type': 'text/csv' },
        19 * 1024 * 1024,
      );
      expect(res).toMatchObject({ status: 401, body: { code: ErrorCode.Unauthenticated } });
    });

    it('answers a route that does not exist 404 before reading its body, whatever its type', async () => {
      for (const type of ['application/json', 'text/csv', 'application/octet-stream']) {
        const res = await answerBeforeBody(url, '/api/no-such-route', { 'content-type': type }, 20 * 1024 * 1024);
        expect(res).toMatchObject({ status: 404, body: { code: ErrorCode.NotFound } });
      }
    });
  });

  describe('the API access log', () => {
    it('has one line per API request: method, route pattern, status, time and who, never a secret', async () => {
      const from = log.lines().length;
      await t.http().post('/api/staff/login').send({ username: 'agent1', password: 'wrong-password-1' }).expect(401);
      const staff = await t.login('dispatcher1');
      await t.http().get('/api/tickets/987654').set('Authorization', staff).expect(404);
      await t
        .http()
        .post('/api/staff/meter-readings')
        .set('Authorization', staff)
        .send({ accountNo: '9100000001', readOn: '2026-11-30', value: 1 })
        .expect(403);
      await t.http().get('/api/tickets/1').expect(401);
      const resident = await residentLogin(t, 'access-log');
      await t.http().get('/api/accounts').set('Authorization', resident.auth).expect(200);
      let status = 0;
      for (let i = 0; i < 7 && status !== 429; i++) {
        status = (
          await t
            .http()
            .post('/api/accounts/bind')
            .set('Authorization', resident.auth)
            .send({ accountNo: '9100000001', holderName: '不是户主', secondFact: '0000' })
        ).status;
      }
      expect(status).toBe(429);

      const lines = log
        .lines()
        .slice(from)
        .filter((l) => l.msg === 'api request');
      const line = (method: string, route: string, status: number) =>
        lines.find((l) => l.method === method && l.route === route && l.status === status);
      const staffId = JSON.parse(Buffer.from(staff.split('.')[1], 'base64url').toString()).sub;

      expect(line('POST', '/api/staff/login', 401)).toEqual({
        level: 40,
        time: expect.any(Number),
        pid: expect.any(Number),
        hostname: expect.any(String),
        context: 'AccessLog',
        msg: 'api request',
        method: 'POST',
        route: '/api/staff/login',
        status: 401,
        ms: expect.any(Number),
      });
      expect(line('POST', '/api/staff/login', 200)).toMatchObject({ level: 30 });
      expect(line('GET', '/api/tickets/:id', 404)).toMatchObject({ staffId: Number(staffId) });
      expect(line('POST', '/api/staff/meter-readings', 403)).toMatchObject({ staffId: Number(staffId), level: 40 });
      expect(line('GET', '/api/tickets/:id', 401)).not.toHaveProperty('staffId');
      const residentLine = line('GET', '/api/accounts', 200);
      expect(residentLine).toMatchObject({ resident: expect.stringMatching(/^[\w-]{16}$/) });
      expect(residentLine).not.toHaveProperty('staffId');
      expect(line('POST', '/api/accounts/bind', 429)).toMatchObject({ resident: residentLine!.resident });

      const text = log.text();
      const [{ openid }] = await t.app
        .get(DataSource)
        .query('SELECT openid FROM resident WHERE id = ?', [resident.resident.id]);
      for (const secret of [
        staff.slice('Bearer '.length),
        resident.auth.slice('Bearer '.length),
        openid,
        'wrong-password-1',
        TEST_PASSWORD,
        '不是户主',
      ]) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
