import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@utility/shared';
import { call, countTickets, expectRefused } from '../testing/api-fixtures';
import { TEST_PASSWORD, TestApp, startTestApp } from '../testing/test-app';

/** Every endpoint behind StaffGuard; ids need not exist, the token is checked first. */
const STAFF_ENDPOINTS: ['get' | 'post' | 'put', string][] = [
  ['get', '/api/queues'],
  ['get', '/api/queues/1/tickets'],
  ['get', '/api/queues/1/members'],
  ['post', '/api/queues/1/claim'],
  ['post', '/api/tickets'],
  ['get', '/api/tickets/1'],
  ['post', '/api/tickets/1/claim'],
  ['post', '/api/tickets/1/assign'],
  ['post', '/api/tickets/1/transition'],
  ['post', '/api/tickets/1/retype'],
  ['get', '/api/admin/sla-policies'],
  ['put', '/api/admin/sla-policies/repair'],
  ['put', '/api/admin/calendar/2026-10-12'],
];

describe('staff login and bearer tokens', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers a token, its expiry and who logged in, without any password hash', async () => {
    const before = Date.now();
    const res = await t
      .http()
      .post('/api/staff/login')
      .send({ username: 'tech1', password: TEST_PASSWORD })
      .expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'mustChangePassword', 'staff', 'token']);
    expect(res.body.mustChangePassword).toBe(false);
    expect(res.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // TOKEN_TTL_MINUTES defaults to 120.
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 120 * 60_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 120 * 60_000 + 1000);
    expect(res.body.staff).toEqual({
      id: expect.any(Number),
      name: '张师傅',
      username: 'tech1',
      role: 'technician',
      roles: ['technician'],
      stationId: expect.any(Number),
      districtId: expect.any(Number),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt|\$2[ab]\$/i);
  });

  it('takes a username with spaces around it', async () => {
    await t.http().post('/api/staff/login').send({ username: ' agent1 ', password: TEST_PASSWORD }).expect(200);
  });

  it.each([
    ['a wrong password', { username: 'agent1', password: 'wrong-password' }],
    ['an unknown user', { username: 'nobody', password: TEST_PASSWORD }],
    ['a username in the wrong case', { username: 'AGENT1', password: TEST_PASSWORD }],
  ])('refuses %s with 401 BAD_CREDENTIALS', async (_what, body) => {
    const res = await t.http().post('/api/staff/login').send(body);
    expectRefused(res, 401, ErrorCode.BadCredentials);
    expect(res.body.token).toBeUndefined();
  });

  it.each([
    ['no body', undefined],
    ['no password', { username: 'agent1' }],
    ['an empty username', { username: '   ', password: TEST_PASSWORD }],
    ['a number as password', { username: 'agent1', password: 12345678 }],
    ['a username too long', { username: 'a'.repeat(65), password: TEST_PASSWORD }],
  ])('refuses %s with 400 VALIDATION_FAILED and field details', async (_what, body) => {
    const res = await t
      .http()
      .post('/api/staff/login')
      .send(body as object);
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.any(String), message: expect.any(String) })]),
    );
  });

  it('refuses malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await t
      .http()
      .post('/api/staff/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "agent1",');
    expectRefused(res, 400, ErrorCode.ValidationFailed);
  });

  describe('a staff endpoint without a valid token', () => {
    const sign = (claims: object, options: object = {}) =>
      t.app.get(JwtService).signAsync(claims as Record<string, unknown>, options);
    const tech1Claims = async () => {
      const res = await t
        .http()
        .post('/api/staff/login')
        .send({ username: 'tech1', password: TEST_PASSWORD })
        .expect(200);
      return { sub: String(res.body.staff.id), kind: 'staff', ver: 0 };
    };

    it.each([
      ['no Authorization header', null],
      ['an empty bearer', 'Bearer '],
      ['another scheme', 'Basic YWdlbnQxOnRlc3Q='],
      ['a garbage token', 'Bearer not.a.token'],
    ])('is 401 UNAUTHENTICATED with %s', async (_what, header) => {
      for (const [method, path] of STAFF_ENDPOINTS) {
        const req = t.http()[method](path).send({});
        const res = header === null ? await req : await req.set('Authorization', header);
        expectRefused(res, 401, ErrorCode.Unauthenticated);
      }
    });

    it('is 401 UNAUTHENTICATED with an expired token, which worked before it expired', async () => {
      const claims = await tech1Claims();
      const live = await sign(claims, { expiresIn: 60 });
      await t.http().get('/api/queues').set('Authorization', `Bearer ${live}`).expect(200);
      const expired = await sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 });
      expectRefused(
        await t.http().get('/api/queues').set('Authorization', `Bearer ${expired}`),
        401,
        ErrorCode.Unauthenticated,
      );
    });

    it('is 401 UNAUTHENTICATED with a token signed by another secret', async () => {
      const forged = await new JwtService({ secret: 'y'.repeat(32) }).signAsync({
        ...(await tech1Claims()),
        role: 'admin',
      });
      expectRefused(
        await t.http().get('/api/admin/sla-policies').set('Authorization', `Bearer ${forged}`),
        401,
        ErrorCode.Unauthenticated,
      );
    });

    it('is 401 UNAUTHENTICATED with a validly signed token that is not a staff token', async () => {
      const resident = await sign({ ...(await tech1Claims()), kind: 'resident' });
      expectRefused(
        await t.http().get('/api/queues').set('Authorization', `Bearer ${resident}`),
        401,
        ErrorCode.Unauthenticated,
      );
    });

    it('creates nothing when intake is refused for want of a token', async () => {
      const before = await countTickets(t);
      const res = await t.http().post('/api/tickets').send(call());
      expectRefused(res, 401, ErrorCode.Unauthenticated);
      expect(await countTickets(t)).toBe(before);
    });
  });
});
