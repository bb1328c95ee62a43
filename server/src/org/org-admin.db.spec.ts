import { ErrorCode } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { auditOf } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** /api/admin/districts and /api/admin/stations: the organisation as data, every change logged. */
describe('districts and stations (admin)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'patch', path: string, body: object, auth = admin) =>
    t.http()[method](path).set('Authorization', auth).send(body);
  const list = async (what: string) =>
    (await t.http().get(`/api/admin/${what}`).set('Authorization', admin).expect(200)).body;

  it('lists the demo districts and stations with what each station supplies', async () => {
    expect(await list('districts')).toEqual([
      { id: expect.any(Number), code: 'east', name: '城东片区', areaClass: 'urban' },
      { id: expect.any(Number), code: 'west', name: '城西片区', areaClass: 'urban' },
    ]);
    expect((await list('stations')).map((s: { code: string; utility: string }) => [s.code, s.utility])).toEqual([
      ['east-heat', 'heating'],
      ['east-hall', 'gas'],
      ['west-heat', 'heating'],
    ]);
  });

  it('creates a district (201) and renames it, each change in the log with before and after', async () => {
    const created = await send('post', '/api/admin/districts', { code: 'north', name: '城北片区' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), code: 'north', name: '城北片区', areaClass: 'urban' });
    const renamed = await send('patch', `/api/admin/districts/${created.body.id}`, { name: '城北新区' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...created.body, name: '城北新区' });
    expect(await list('districts')).toContainEqual(renamed.body);
    expect(await auditOf(t, 'district', created.body.id)).toEqual([
      expect.objectContaining({
        action: 'district.update',
        staffName: '系统管理员',
        before: created.body,
        after: renamed.body,
      }),
      expect.objectContaining({ action: 'district.create', before: null, after: created.body }),
    ]);
  });

  it('creates a power station in a district and moves it to another', async () => {
    const [east, west] = await list('districts');
    const created = await send('post', '/api/admin/stations', {
      code: 'east-power',
      name: '东城供电所',
      districtId: east.id,
      utility: 'power',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'east-power', districtId: east.id, utility: 'power' });
    const moved = await send('patch', `/api/admin/stations/${created.body.id}`, { districtId: west.id });
    expect(moved.body).toMatchObject({ id: created.body.id, districtId: west.id, utility: 'power' });
    expect((await auditOf(t, 'station', created.body.id)).map((c) => c.action)).toEqual([
      'station.update',
      'station.create',
    ]);
  });

  it.each([
    ['a district code already used', '/api/admin/districts', { code: 'east', name: '另一个东区' }],
    ['a district name already used', '/api/admin/districts', { code: 'east2', name: '城东片区' }],
    [
      'a station code already used',
      '/api/admin/stations',
      { code: 'east-heat', name: '新站', districtId: 1, utility: 'gas' },
    ],
  ])('refuses %s with 409 ALREADY_EXISTS and adds nothing', async (_what, path, body) => {
    const before = await list(path.split('/').pop()!);
    expectRefused(await send('post', path, body), 409, ErrorCode.AlreadyExists);
    expect(await list(path.split('/').pop()!)).toEqual(before);
  });

  it('refuses renaming a district to the code of another with 409, and keeps it', async () => {
    const [, west] = await list('districts');
    expectRefused(
      await send('patch', `/api/admin/districts/${west.id}`, { code: 'east' }),
      409,
      ErrorCode.AlreadyExists,
    );
    expect((await list('districts'))[1]).toEqual(west);
  });

  it.each([
    ['no name', '/api/admin/districts', { code: 'south' }],
    ['a code with spaces', '/api/admin/districts', { code: 'so uth', name: '城南' }],
    ['an unknown utility', '/api/admin/stations', { code: 's1', name: '站', districtId: 1, utility: 'water' }],
    [
      'a district that does not exist',
      '/api/admin/stations',
      { code: 's1', name: '站', districtId: 99999, utility: 'gas' },
    ],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_what, path, body) => {
    const before = await list(path.split('/').pop()!);
    expectRefused(await send('post', path, body), 400, ErrorCode.ValidationFailed);
    expect(await list(path.split('/').pop()!)).toEqual(before);
  });

  it('refuses an empty PATCH with 400 and an unknown id with 404', async () => {
    expectRefused(await send('patch', '/api/admin/districts/1', {}), 400, ErrorCode.ValidationFailed);
    expectRefused(await send('patch', '/api/admin/districts/99999', { name: '无' }), 404, ErrorCode.NotFound);
    expectRefused(await send('patch', '/api/admin/stations/99999', { name: '无' }), 404, ErrorCode.NotFound);
  });

  it.each(['supervisor1', 'dispatcher1'])('refuses %s with 403', async (username) => {
    const auth = await login(t, username);
    expectRefused(
      await send('post', '/api/admin/districts', { code: 'x', name: '某区' }, auth),
      403,
      ErrorCode.Forbidden,
    );
    expectRefused(await t.http().get('/api/admin/stations').set('Authorization', auth), 403, ErrorCode.Forbidden);
  });
});
