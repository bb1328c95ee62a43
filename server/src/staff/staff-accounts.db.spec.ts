import { ErrorCode } from '@utility/shared';
import { hash as bcryptHash } from 'bcryptjs';
import { DataSource } from 'typeorm';
import { expectRefused, queueIdsByCode, signIn } from '../testing/api-fixtures';
import { TEST_PASSWORD, TestApp, startTestApp } from '../testing/test-app';
import { DemoSeed } from '../seed/demo-seed.service';

/** Issue 13: staff accounts administered by an admin, one-time passwords, revocation, the change log. */
describe('staff accounts', () => {
  let t: TestApp;
  let admin: string;
  let queues: Record<string, number>;
  let counter = 0;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).auth;
    queues = await queueIdsByCode(t);
  });
  afterAll(() => t.close());

  const newStaff = (overrides: Record<string, unknown> = {}) => {
    counter++;
    return {
      username: `tech${100 + counter}`,
      name: '钱师傅',
      employeeNo: `E${1000 + counter}`,
      phone: '13900009999',
      roles: ['technician'],
      districtId: 1,
      queueIds: [queues['repair-east-heat']],
      wecomUserId: `qian${counter}`,
      ...overrides,
    };
  };
  const create = async (overrides: Record<string, unknown> = {}) => {
    const body = newStaff(overrides);
    const res = await t.http().post('/api/admin/staff').set('Authorization', admin).send(body).expect(201);
    return { ...res.body, body } as { id: number; username: string; initialPassword: string; body: typeof body };
  };
  const loginAs = (username: string, password: string, address = '10.0.0.1') =>
    t.http().post('/api/staff/login').set('X-Forwarded-For', address).send({ username, password });
  const bearer = (token: string) => `Bearer ${token}`;
  /** Creates someone and takes them through the first sign-in: returns a working token. */
  const ready = async (overrides: Record<string, unknown> = {}) => {
    const made = await create(overrides);
    const first = await loginAs(made.username, made.initialPassword).expect(200);
    const changed = await t
      .http()
      .post('/api/staff/me/password')
      .set('Authorization', bearer(first.body.token))
      .send({ current: made.initialPassword, next: 'Huo-Qi-Shi-Fu-2026' })
      .expect(200);
    return { ...made, password: 'Huo-Qi-Shi-Fu-2026', auth: bearer(changed.body.token) };
  };
  const audit = async (id: number) =>
    (await t.http().get(`/api/admin/audit?subjectType=staff&subjectId=${id}`).set('Authorization', admin).expect(200))
      .body as { action: string; before: unknown; after: unknown; staffName: string }[];

  describe('creating', () => {
    it('answers 201 with the id, username and a one-time password that signs in once-only-to-change', async () => {
      const made = await create();
      expect(Object.keys(made).sort()).toEqual(['body', 'id', 'initialPassword', 'username']);
      expect(made.initialPassword).toMatch(/^[A-Za-z0-9]{12}$/);
      const res = await loginAs(made.username, made.initialPassword).expect(200);
      expect(res.body.mustChangePassword).toBe(true);
      expect(res.body.staff).toMatchObject({ username: made.username, role: 'technician', roles: ['technician'] });
    });

    it('lists the new person with the phone masked, their queues, and nothing secret', async () => {
      const made = await create({ roles: ['technician', 'inspector'] });
      const res = await t.http().get('/api/admin/staff').set('Authorization', admin).expect(200);
      const row = res.body.find((s: { id: number }) => s.id === made.id);
      expect(row).toEqual({
        id: made.id,
        username: made.username,
        name: '钱师傅',
        employeeNo: made.body.employeeNo,
        phone: '139****9999',
        role: 'technician',
        roles: ['technician', 'inspector'],
        districtId: 1,
        stationId: null,
        queueIds: [queues['repair-east-heat']],
        wecomUserId: made.body.wecomUserId,
        active: true,
        mustChangePassword: true,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt|13900009999/);
      expect(res.body.find((s: { username: string }) => s.username === 'tech1')).toMatchObject({
        phone: '139****1111',
        active: true,
      });
    });

    it('keeps who created whom in the change log, without the password', async () => {
      const made = await create();
      const [entry] = await audit(made.id);
      expect(entry).toMatchObject({
        action: 'staff.create',
        staffName: '系统管理员',
        before: null,
        after: expect.objectContaining({ username: made.username, phone: '139****9999', roles: ['technician'] }),
      });
      const all = JSON.stringify(await audit(made.id));
      expect(all).not.toContain(made.initialPassword);
      expect(all).not.toMatch(/scrypt|13900009999/);
    });

    it.each([
      ['no username', { username: undefined }],
      ['an upper-case username', { username: 'Tech9' }],
      ['no roles', { roles: [] }],
      ['a resident role', { roles: ['resident'] }],
      ['an unknown role', { roles: ['janitor'] }],
      ['a bad phone', { phone: '12345' }],
      ['no employee number', { employeeNo: undefined }],
      ['queue ids that are not numbers', { queueIds: ['a'] }],
    ])('refuses %s with 400 VALIDATION_FAILED and creates nobody', async (_what, overrides) => {
      const before = (await t.http().get('/api/admin/staff').set('Authorization', admin)).body.length;
      const res = await t.http().post('/api/admin/staff').set('Authorization', admin).send(newStaff(overrides));
      expectRefused(res, 400, ErrorCode.ValidationFailed);
      expect((await t.http().get('/api/admin/staff').set('Authorization', admin)).body).toHaveLength(before);
    });

    it.each([
      ['a username in use', () => ({ username: 'tech1' }), 409, ErrorCode.UsernameTaken],
      ['an employee number in use', () => ({ employeeNo: 'DEMO003' }), 409, ErrorCode.EmployeeNoTaken],
      ['an unknown queue', () => ({ queueIds: [queues['triage'], 99999] }), 422, ErrorCode.UnknownQueue],
      ['an unknown district', () => ({ districtId: 99999 }), 422, ErrorCode.UnknownDistrict],
    ])('refuses %s and creates nobody', async (_what, overrides, status, code) => {
      const body = newStaff(overrides());
      const res = await t.http().post('/api/admin/staff').set('Authorization', admin).send(body);
      expectRefused(res, status, code);
      const list = (await t.http().get('/api/admin/staff').set('Authorization', admin)).body;
      expect(list.filter((s: { username: string }) => s.username === body.username)).toHaveLength(
        body.username === 'tech1' ? 1 : 0,
      );
    });

    it('offers every district and queue to choose from', async () => {
      const res = await t.http().get('/api/admin/staff/options').set('Authorization', admin).expect(200);
      expect(res.body.districts).toEqual([
        { id: 1, name: '城东片区' },
        { id: 2, name: '城西片区' },
      ]);
      expect(res.body.queues).toEqual(
        expect.arrayContaining([{ id: queues['triage'], name: '待分类（分诊）', districtId: null }]),
      );
      expect(res.body.queues).toHaveLength(Object.keys(queues).length);
    });

    it('is for admins only', async () => {
      for (const who of ['supervisor1', 'dispatcher1', 'tech1']) {
        const auth = (await signIn(t, who)).auth;
        expectRefused(
          await t.http().post('/api/admin/staff').set('Authorization', auth).send(newStaff()),
          403,
          ErrorCode.Forbidden,
        );
        expectRefused(await t.http().get('/api/admin/staff').set('Authorization', auth), 403, ErrorCode.Forbidden);
        expectRefused(
          await t.http().get('/api/admin/staff/options').set('Authorization', auth),
          403,
          ErrorCode.Forbidden,
        );
      }
    });
  });

  describe('the first sign-in', () => {
    it('answers 403 PASSWORD_CHANGE_REQUIRED to every call but the password change', async () => {
      const made = await create();
      const token = bearer((await loginAs(made.username, made.initialPassword).expect(200)).body.token);
      for (const path of ['/api/queues', '/api/field/jobs', `/api/queues/${queues['repair-east-heat']}/tickets`]) {
        expectRefused(await t.http().get(path).set('Authorization', token), 403, ErrorCode.PasswordChangeRequired);
      }
    });

    it.each([
      ['9 characters', 'Abcdef-12', '至少需要10个字符'],
      ['the username', 'USERNAME', '不能与用户名相同'],
      ['a common password', 'password123', '过于常见'],
      ['the one-time password again', 'INITIAL', '不能与当前密码相同'],
    ])('refuses a new password that is %s with 422 PASSWORD_TOO_WEAK and the reason', async (_what, next, reason) => {
      // A username long enough to be a password by length.
      const made = await create({ username: `qian.shifu.${counter + 1}` });
      const token = bearer((await loginAs(made.username, made.initialPassword).expect(200)).body.token);
      const password = next === 'USERNAME' ? made.username : next === 'INITIAL' ? made.initialPassword : next;
      const res = await t
        .http()
        .post('/api/staff/me/password')
        .set('Authorization', token)
        .send({ current: made.initialPassword, next: password });
      expectRefused(res, 422, ErrorCode.PasswordTooWeak);
      expect(res.body.message).toContain(reason);
      // Nothing changed: the one-time password still signs in, still to be changed.
      expect((await loginAs(made.username, made.initialPassword).expect(200)).body.mustChangePassword).toBe(true);
    });

    it('refuses a wrong current password with 422 CURRENT_PASSWORD_WRONG', async () => {
      const made = await create();
      const token = bearer((await loginAs(made.username, made.initialPassword).expect(200)).body.token);
      const res = await t
        .http()
        .post('/api/staff/me/password')
        .set('Authorization', token)
        .send({ current: 'not-the-password', next: 'Huo-Qi-Shi-Fu-2026' });
      expectRefused(res, 422, ErrorCode.CurrentPasswordWrong);
    });

    it('after the change: a new token that works, the old one revoked, only the new password signs in', async () => {
      const made = await create();
      const old = bearer((await loginAs(made.username, made.initialPassword).expect(200)).body.token);
      const res = await t
        .http()
        .post('/api/staff/me/password')
        .set('Authorization', old)
        .send({ current: made.initialPassword, next: 'Huo-Qi-Shi-Fu-2026' })
        .expect(200);
      expect(res.body.mustChangePassword).toBe(false);
      await t.http().get('/api/field/jobs').set('Authorization', bearer(res.body.token)).expect(200);
      expectRefused(await t.http().get('/api/field/jobs').set('Authorization', old), 401, ErrorCode.Unauthenticated);
      expectRefused(await loginAs(made.username, made.initialPassword), 401, ErrorCode.BadCredentials);
      const again = await loginAs(made.username, 'Huo-Qi-Shi-Fu-2026').expect(200);
      expect(again.body.mustChangePassword).toBe(false);
    });
  });

  describe('an admin', () => {
    it('edits roles and queues: they apply at once, any listed role opens an endpoint, and the log has before and after', async () => {
      const person = await ready({ roles: ['dispatcher'] });
      expectRefused(await t.http().get('/api/field/jobs').set('Authorization', person.auth), 403, ErrorCode.Forbidden);
      const res = await t
        .http()
        .patch(`/api/admin/staff/${person.id}`)
        .set('Authorization', admin)
        .send({ roles: ['dispatcher', 'technician'], queueIds: [queues['emergency-east']], phone: '13700001234' })
        .expect(200);
      expect(res.body).toMatchObject({
        role: 'dispatcher',
        roles: ['dispatcher', 'technician'],
        queueIds: [queues['emergency-east']],
        phone: '137****1234',
      });
      // The same token, no new sign-in: the guard reads roles as they are now.
      await t.http().get('/api/field/jobs').set('Authorization', person.auth).expect(200);
      const members = await t
        .http()
        .get(`/api/queues/${queues['emergency-east']}/members`)
        .set('Authorization', admin)
        .expect(200);
      expect(JSON.stringify(members.body)).toContain(`"id":${person.id}`);
      const [entry] = await audit(person.id);
      expect(entry).toMatchObject({
        action: 'staff.update',
        before: expect.objectContaining({ roles: ['dispatcher'], queueIds: [queues['repair-east-heat']] }),
        after: expect.objectContaining({ roles: ['dispatcher', 'technician'], queueIds: [queues['emergency-east']] }),
      });
    });

    it('refuses an edit of an unknown person (404), a username change and a bad role (400)', async () => {
      const person = await create();
      expectRefused(
        await t.http().patch('/api/admin/staff/99999').set('Authorization', admin).send({ name: '某人' }),
        404,
        ErrorCode.NotFound,
      );
      for (const body of [{ username: 'other1' }, { roles: ['resident'] }]) {
        expectRefused(
          await t.http().patch(`/api/admin/staff/${person.id}`).set('Authorization', admin).send(body),
          400,
          ErrorCode.ValidationFailed,
        );
      }
    });

    it('disables: every token stops at once, sign-in answers STAFF_DISABLED, and it is logged', async () => {
      const person = await ready();
      await t.http().get('/api/field/jobs').set('Authorization', person.auth).expect(200);
      const res = await t.http().post(`/api/admin/staff/${person.id}/disable`).set('Authorization', admin).expect(200);
      expect(res.body.active).toBe(false);
      expectRefused(
        await t.http().get('/api/field/jobs').set('Authorization', person.auth),
        401,
        ErrorCode.Unauthenticated,
      );
      expectRefused(await loginAs(person.username, person.password), 403, ErrorCode.StaffDisabled);
      expectRefused(await loginAs(person.username, 'wrong-password-1'), 401, ErrorCode.BadCredentials);
      expect((await audit(person.id))[0]).toMatchObject({
        action: 'staff.disable',
        before: { active: true },
        after: { active: false },
      });
      // Enabled again: the old token stays revoked, the password signs in.
      await t.http().post(`/api/admin/staff/${person.id}/enable`).set('Authorization', admin).expect(200);
      expectRefused(
        await t.http().get('/api/field/jobs').set('Authorization', person.auth),
        401,
        ErrorCode.Unauthenticated,
      );
      await loginAs(person.username, person.password).expect(200);
    });

    it('cannot disable their own account nor take away their own admin role', async () => {
      const me = (await signIn(t, 'admin')).staff.id;
      const res = await t.http().post(`/api/admin/staff/${me}/disable`).set('Authorization', admin);
      expect(res.status).toBe(422);
      const demote = await t
        .http()
        .patch(`/api/admin/staff/${me}`)
        .set('Authorization', admin)
        .send({ roles: ['supervisor'] });
      expect(demote.status).toBe(422);
      await t.http().get('/api/admin/staff').set('Authorization', admin).expect(200);
    });

    it('resets a password: a new one-time password, every session ended, the old password refused', async () => {
      const person = await ready();
      const res = await t
        .http()
        .post(`/api/admin/staff/${person.id}/reset-password`)
        .set('Authorization', admin)
        .expect(200);
      expect(Object.keys(res.body)).toEqual(['initialPassword']);
      expectRefused(
        await t.http().get('/api/field/jobs').set('Authorization', person.auth),
        401,
        ErrorCode.Unauthenticated,
      );
      expectRefused(await loginAs(person.username, person.password), 401, ErrorCode.BadCredentials);
      const again = await loginAs(person.username, res.body.initialPassword).expect(200);
      expect(again.body.mustChangePassword).toBe(true);
      const log = JSON.stringify(await audit(person.id));
      expect(log).toContain('staff.reset-password');
      expect(log).not.toContain(res.body.initialPassword);
    });

    it('answers 404 for disabling or resetting someone unknown', async () => {
      for (const action of ['disable', 'reset-password']) {
        expectRefused(
          await t.http().post(`/api/admin/staff/99999/${action}`).set('Authorization', admin),
          404,
          ErrorCode.NotFound,
        );
      }
    });
  });

  describe('sign-in throttling', () => {
    it('answers the 6th failure for one username within 15 minutes with 429 and Retry-After, until the window passes', async () => {
      const person = await ready();
      for (let i = 0; i < 5; i++) {
        expectRefused(
          await loginAs(person.username, `wrong-${i}-password`, `10.1.0.${i}`),
          401,
          ErrorCode.BadCredentials,
        );
      }
      const sixth = await loginAs(person.username, 'wrong-6-password', '10.1.1.1');
      expectRefused(sixth, 429, ErrorCode.LoginThrottled);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      // Even the right password waits: otherwise the 429 would tell a guesser when they were right.
      expectRefused(await loginAs(person.username, person.password, '10.1.1.2'), 429, ErrorCode.LoginThrottled);
      // Another person is not affected.
      await loginAs('tech2', TEST_PASSWORD, '10.1.1.3').expect(200);
      t.setNow(new Date(Date.now() + 15 * 60_000 + 1000));
      try {
        await loginAs(person.username, person.password, '10.1.1.4').expect(200);
      } finally {
        t.setNow(new Date());
      }
    });

    it('a success forgives earlier failures', async () => {
      const person = await ready();
      for (let i = 0; i < 4; i++) await loginAs(person.username, 'wrong-password-x', '10.2.0.1').expect(401);
      await loginAs(person.username, person.password, '10.2.0.1').expect(200);
      for (let i = 0; i < 5; i++) await loginAs(person.username, 'wrong-password-x', '10.2.0.2').expect(401);
      await loginAs(person.username, 'wrong-password-x', '10.2.0.2').expect(429);
    });

    it('refuses a flood of failures from one address, whatever the usernames, and not other addresses', async () => {
      for (let i = 0; i < 30; i++) await loginAs(`nobody${i}`, 'wrong-password-y', '10.3.0.1').expect(401);
      const res = await loginAs('nobody-else', 'wrong-password-y', '10.3.0.1');
      expectRefused(res, 429, ErrorCode.LoginThrottled);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await loginAs('tech3', TEST_PASSWORD, '10.3.0.2').expect(200);
    });

    it('throttles guessing the current password with a stolen token', async () => {
      const person = await ready();
      const change = (current: string) =>
        t
          .http()
          .post('/api/staff/me/password')
          .set('Authorization', person.auth)
          .set('X-Forwarded-For', '10.4.0.1')
          .send({ current, next: 'Another-Good-Pass-77' });
      for (let i = 0; i < 5; i++) expectRefused(await change(`guess-${i}-abcdef`), 422, ErrorCode.CurrentPasswordWrong);
      const res = await change(person.password);
      expectRefused(res, 429, ErrorCode.LoginThrottled);
      expect(res.headers['retry-after']).toBeDefined();
    });
  });

  describe('passwords at rest', () => {
    it('signs in with a bcrypt hash from before and replaces it with scrypt', async () => {
      const person = await ready();
      const ds = t.app.get(DataSource);
      await ds.query('UPDATE staff SET passwordHash = ? WHERE id = ?', [
        await bcryptHash(person.password, 4),
        person.id,
      ]);
      await loginAs(person.username, person.password).expect(200);
      const [row] = await ds.query('SELECT passwordHash FROM staff WHERE id = ?', [person.id]);
      expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      await loginAs(person.username, person.password).expect(200);
    });
  });

  describe('the demo seed', () => {
    it('on a database with staff changes nothing: no password reset, nobody re-activated', async () => {
      const tech3 = (await signIn(t, 'tech3')).staff.id;
      await t.http().post(`/api/admin/staff/${tech3}/disable`).set('Authorization', admin).expect(200);
      const inspector = (await signIn(t, 'inspector2')).staff.id;
      const reset = await t
        .http()
        .post(`/api/admin/staff/${inspector}/reset-password`)
        .set('Authorization', admin)
        .expect(200);
      expect(await t.app.get(DemoSeed).run()).toBeNull();
      expectRefused(await loginAs('tech3', TEST_PASSWORD), 403, ErrorCode.StaffDisabled);
      expectRefused(await loginAs('inspector2', TEST_PASSWORD), 401, ErrorCode.BadCredentials);
      await loginAs('inspector2', reset.body.initialPassword).expect(200);
    });

    it('is refused in production', async () => {
      const seed = t.app.get(DemoSeed);
      const config = (seed as unknown as { config: { NODE_ENV: string } }).config;
      const was = config.NODE_ENV;
      config.NODE_ENV = 'production';
      try {
        await expect(seed.run()).rejects.toThrow(/refused in production/);
      } finally {
        config.NODE_ENV = was;
      }
    });
  });
});
