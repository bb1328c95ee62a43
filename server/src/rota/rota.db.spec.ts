import { ErrorCode, ShiftView } from '@utility/shared';
import { call, createTicket, expectRefused, getTicket, login, signIn } from '../testing/api-fixtures';
import { auditOf, districtIdsByCode, rosterShift } from '../testing/rota-fixtures';
import { DemoSeed } from '../seed/demo-seed.service';
import { TestApp, startTestApp } from '../testing/test-app';

/** /api/admin/rota: shifts per district and role; "on duty" is the roster at that moment. */
describe('the duty roster (admin)', () => {
  let t: TestApp;
  let admin: string;
  let districts: Record<string, number>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
    districts = await districtIdsByCode(t);
  });
  afterAll(() => t.close());

  const id = async (username: string) => (await signIn(t, username)).staff.id;
  const post = (body: object, auth = admin) => t.http().post('/api/admin/rota').set('Authorization', auth).send(body);
  const shifts = async (from: string, to: string): Promise<ShiftView[]> =>
    (await t.http().get('/api/admin/rota').query({ from, to }).set('Authorization', admin).expect(200)).body;

  it('has the demo technicians on day and night shifts around the clock from the seed on', async () => {
    const now = new Date();
    const next = await shifts(now.toISOString(), new Date(now.getTime() + 2 * 86_400_000).toISOString());
    const east = next.filter((s) => s.districtId === districts.east);
    expect(east.length).toBeGreaterThanOrEqual(4);
    expect(east[0]).toMatchObject({ role: 'technician', staffIds: [await id('tech1'), await id('tech2')] });
    expect(east.map((s) => s.note)).toEqual(expect.arrayContaining(['白班', '夜班']));
    // Back to back: each shift ends when the next begins.
    for (let i = 1; i < east.length; i++) expect(east[i].startsAt).toBe(east[i - 1].endsAt);
    // A restart (the seed again) adds no second copy of a shift.
    const fortnight = [now.toISOString(), new Date(now.getTime() + 14 * 86_400_000).toISOString()] as const;
    const before = await shifts(...fortnight);
    await t.app.get(DemoSeed).run();
    expect(await shifts(...fortnight)).toEqual(before);
  });

  it('adds a shift (201), lists it by range, and changes who is on it, each change logged', async () => {
    const res = await post({
      districtId: districts.west,
      role: 'inspector',
      startsAt: '2026-03-02T08:00:00+08:00',
      endsAt: '2026-03-02T17:00:00+08:00',
      staffIds: [await id('inspector2')],
      note: '安检白班',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      districtId: districts.west,
      role: 'inspector',
      startsAt: '2026-03-02T00:00:00.000Z',
      endsAt: '2026-03-02T09:00:00.000Z',
      staffIds: [await id('inspector2')],
      staff: [{ id: await id('inspector2'), name: '孙安检' }],
      note: '安检白班',
    });
    expect(await shifts('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toEqual([res.body]);
    expect(await shifts('2026-03-02T09:00:00Z', '2026-03-03T00:00:00Z')).toEqual([]);
    const patched = await t
      .http()
      .patch(`/api/admin/rota/${res.body.id}`)
      .set('Authorization', admin)
      .send({ staffIds: [await id('inspector1'), await id('inspector2')], endsAt: '2026-03-02T10:00:00Z' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      endsAt: '2026-03-02T10:00:00.000Z',
      staffIds: [await id('inspector2'), await id('inspector1')],
    });
    expect((await auditOf(t, 'shift', res.body.id)).map((c) => c.action)).toEqual(['shift.update', 'shift.create']);
  });

  it.each<[string, () => Promise<object>]>([
    ['an end before the start', async () => ({ startsAt: '2026-03-03T10:00:00Z', endsAt: '2026-03-03T08:00:00Z' })],
    ['a shift over 24 hours', async () => ({ startsAt: '2026-03-03T00:00:00Z', endsAt: '2026-03-04T06:00:00Z' })],
    ['a time without a zone', async () => ({ startsAt: '2026-03-03T08:00:00' })],
    ['someone of another role', async () => ({ staffIds: [await id('agent1')] })],
    ['someone who does not exist', async () => ({ staffIds: [99999] })],
    ['an unknown district', async () => ({ districtId: 99999 })],
    ['the resident role', async () => ({ role: 'resident' })],
  ])('refuses a shift with %s: 400 VALIDATION_FAILED, nothing added', async (_what, change) => {
    const body = {
      districtId: districts.east,
      role: 'technician',
      startsAt: '2026-03-03T00:00:00Z',
      endsAt: '2026-03-03T12:00:00Z',
      staffIds: [await id('tech1')],
      ...(await change()),
    };
    expectRefused(await post(body), 400, ErrorCode.ValidationFailed);
    expect(await shifts('2026-03-02T12:00:00Z', '2026-03-05T00:00:00Z')).toEqual([]);
  });

  it('refuses a PATCH that reverses the times (400), an unknown shift (404), a range over 62 days (400), a supervisor (403)', async () => {
    const [shift] = await shifts('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z');
    const patch = (shiftId: number, body: object) =>
      t.http().patch(`/api/admin/rota/${shiftId}`).set('Authorization', admin).send(body);
    expectRefused(await patch(shift.id, { endsAt: '2026-03-01T00:00:00Z' }), 400, ErrorCode.ValidationFailed);
    expectRefused(await patch(99999, { note: '无' }), 404, ErrorCode.NotFound);
    expect((await shifts('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'))[0]).toEqual(shift);
    expectRefused(
      await t
        .http()
        .get('/api/admin/rota')
        .query({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })
        .set('Authorization', admin),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(await post({}, await login(t, 'supervisor1')), 403, ErrorCode.Forbidden);
  });
});

describe('the roster drives the auto-assignment of leaks', () => {
  let t: TestApp;
  let dispatcher: string;
  const leak = () => call({ type: 'leak', description: '楼道里有燃气味' });
  beforeAll(async () => {
    t = await startTestApp();
    dispatcher = await login(t, 'dispatcher1');
    // 10 March 2026, before anything the seed rostered: only these shifts exist.
    await rosterShift(t, {
      district: 'east',
      usernames: ['tech2'],
      startsAt: '2026-03-10T00:00:00Z',
      endsAt: '2026-03-10T12:00:00Z',
    });
    // tech1 works the east emergency queue too, but that night is on the west's roster only.
    await rosterShift(t, {
      district: 'west',
      usernames: ['tech1', 'tech3'],
      startsAt: '2026-03-10T12:00:00Z',
      endsAt: '2026-03-11T00:00:00Z',
    });
  });
  afterAll(() => {
    t.setNow(new Date());
    return t.close();
  });

  it('gives an east leak to the technician on the east shift, never to one off shift however idle', async () => {
    const tech2 = (await signIn(t, 'tech2')).staff.id;
    for (const at of ['2026-03-10T00:00:00Z', '2026-03-10T06:00:00Z', '2026-03-10T11:59:00Z']) {
      t.setNow(new Date(at));
      expect(await createTicket(t, dispatcher, leak())).toMatchObject({ status: 'assigned', assigneeId: tech2 });
    }
    const members = (
      await t
        .http()
        .get(`/api/queues/${(await createTicket(t, dispatcher, leak())).queueId}/members`)
        .set('Authorization', dispatcher)
        .expect(200)
    ).body as { id: number; onDuty: boolean }[];
    expect(members.filter((m) => m.onDuty).map((m) => m.id)).toEqual([tech2]);
  });

  it('escalates at once when nobody is on an east technician shift (a shift in another district does not count)', async () => {
    t.setNow(new Date('2026-03-10T12:00:00Z'));
    const ticket = await createTicket(t, dispatcher, leak());
    expect(ticket).toMatchObject({ status: 'accepted', assigneeId: null });
    expect((await getTicket(t, dispatcher, ticket.id)).events.at(-1)).toMatchObject({
      kind: 'escalated',
      note: '无值班人员可派，已通知主管',
    });
  });

  it('uses a roster change at once: tech1 put on the east night shift gets the next leak', async () => {
    t.setNow(new Date('2026-03-10T13:00:00Z'));
    const shift = await rosterShift(t, {
      district: 'east',
      usernames: ['tech1'],
      startsAt: '2026-03-10T12:00:00Z',
      endsAt: '2026-03-11T00:00:00Z',
    });
    expect(await createTicket(t, dispatcher, leak())).toMatchObject({
      status: 'assigned',
      assigneeId: shift.staffIds[0],
    });
    await t
      .http()
      .patch(`/api/admin/rota/${shift.id}`)
      .set('Authorization', await login(t, 'admin'))
      .send({ staffIds: [] })
      .expect(200);
    expect(await createTicket(t, dispatcher, leak())).toMatchObject({ status: 'accepted', assigneeId: null });
  });
});
