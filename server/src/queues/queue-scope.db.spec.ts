import { ErrorCode } from '@utility/shared';
import {
  call,
  createTicket,
  expectRefused,
  login,
  queueIdsByCode,
  signIn,
  ticketState,
  WEST_ACCOUNT,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const EAST = [
  'emergency-east',
  'inspection-east',
  'complaint-east',
  'report-east',
  'business-east',
  'billing-east',
  'return-visit-east',
  'complaint-supervisor-east',
  'consult-east',
];
/**
 * Company-wide: reports naming no district (anonymous) and grade-1 complaints without one (supervisors only),
 * and questions and suggestions that name no account.
 */
const COMPANY = ['report-all', 'complaint-supervisor-all', 'consult-all'];
const WEST = EAST.map((c) => c.replace('-east', '-west'));

/** Who sees which queue (docs/domain.md#organisation-and-scope: staff see only what their station or district covers). */
describe('GET /api/queues: the queues in your scope', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const codesFor = async (username: string) => {
    const res = await t
      .http()
      .get('/api/queues')
      .set('Authorization', await login(t, username))
      .expect(200);
    return res.body.map((q: { code: string }) => q.code).sort();
  };

  it.each([
    [
      'agent1',
      [
        'triage',
        'complaint-east',
        'business-east',
        'billing-east',
        'return-visit-east',
        'complaint-west',
        'business-west',
        'billing-west',
        'return-visit-west',
        'consult-east',
        'consult-west',
        'consult-all',
      ],
    ],
    ['dispatcher1', ['emergency-east', 'emergency-west', 'repair-east-heat', 'repair-east-hall', 'repair-west-heat']],
    ['tech1', ['emergency-east', 'repair-east-heat', 'repair-east-hall']],
    ['tech3', ['emergency-west', 'repair-west-heat']],
    ['inspector2', ['inspection-west']],
    ['supervisor1', ['triage', ...COMPANY, ...EAST, 'repair-east-heat', 'repair-east-hall']],
    ['supervisor2', ['triage', ...COMPANY, ...WEST, 'repair-west-heat']],
    ['admin', ['triage', ...COMPANY, ...EAST, ...WEST, 'repair-east-heat', 'repair-east-hall', 'repair-west-heat']],
  ])('%s sees exactly their queues', async (username, expected) => {
    expect(await codesFor(username)).toEqual([...expected].sort());
  });

  it('shows each queue with its place and open / at-risk / breached counts', async () => {
    const res = await t
      .http()
      .get('/api/queues')
      .set('Authorization', await login(t, 'tech1'))
      .expect(200);
    for (const q of res.body) {
      expect(q).toEqual({
        id: expect.any(Number),
        code: expect.any(String),
        name: expect.stringMatching(/[\u4e00-\u9fff]/),
        districtId: expect.any(Number),
        stationId: q.code.startsWith('repair-') ? expect.any(Number) : null,
        counts: { open: expect.any(Number), atRisk: expect.any(Number), breached: expect.any(Number) },
      });
    }
  });

  it('counts a new ticket as open in its queue only', async () => {
    const dispatcher = await login(t, 'dispatcher1');
    const counts = async () => {
      const res = await t.http().get('/api/queues').set('Authorization', dispatcher).expect(200);
      return Object.fromEntries(
        res.body.map((q: { code: string; counts: { open: number } }) => [q.code, q.counts.open]),
      );
    };
    const before = await counts();
    await createTicket(t, dispatcher, call({ accountNo: WEST_ACCOUNT }));
    expect(await counts()).toEqual({ ...before, 'repair-west-heat': before['repair-west-heat'] + 1 });
  });
});

describe('tickets and queues outside your scope are not found', () => {
  let t: TestApp;
  let queues: Record<string, number>;
  beforeAll(async () => {
    t = await startTestApp();
    queues = await queueIdsByCode(t);
  });
  afterAll(() => t.close());

  it('hides a west repair from an east technician on every ticket endpoint, and changes nothing', async () => {
    const dispatcher = await login(t, 'dispatcher1');
    const west = await createTicket(t, dispatcher, call({ accountNo: WEST_ACCOUNT }));
    const tech1 = await login(t, 'tech1');
    const tech3 = await signIn(t, 'tech3');
    const before = await ticketState(t, west.id);

    expectRefused(await t.http().get(`/api/tickets/${west.id}`).set('Authorization', tech1), 404, ErrorCode.NotFound);
    expectRefused(
      await t.http().post(`/api/tickets/${west.id}/claim`).set('Authorization', tech1),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t.http().post(`/api/tickets/${west.id}/transition`).set('Authorization', tech1).send({ to: 'cancelled' }),
      404,
      ErrorCode.NotFound,
    );
    // An east supervisor may assign, but not in the west.
    const supervisor1 = await login(t, 'supervisor1');
    expectRefused(
      await t.http().get(`/api/tickets/${west.id}`).set('Authorization', supervisor1),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${west.id}/assign`)
        .set('Authorization', supervisor1)
        .send({ staffId: tech3.staff.id }),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${west.id}/retype`)
        .set('Authorization', supervisor1)
        .send({ type: 'complaint' }),
      404,
      ErrorCode.NotFound,
    );

    // The ticket is still waiting, untouched, for the west.
    expect(await ticketState(t, west.id)).toEqual(before);
    const seen = await t.http().get(`/api/tickets/${west.id}`).set('Authorization', tech3.auth).expect(200);
    expect(seen.body).toMatchObject({ status: 'accepted', assigneeId: null, type: 'repair' });
    expect(seen.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'transition', 'routed']);
  });

  it('hides the queues themselves: tickets, members and claim-next of a queue you do not see are 404', async () => {
    const tech1 = await login(t, 'tech1');
    for (const code of ['repair-west-heat', 'emergency-west', 'triage', 'complaint-east']) {
      const id = queues[code];
      expectRefused(
        await t.http().get(`/api/queues/${id}/tickets`).set('Authorization', tech1),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().get(`/api/queues/${id}/members`).set('Authorization', tech1),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/queues/${id}/claim`).set('Authorization', tech1),
        404,
        ErrorCode.NotFound,
      );
    }
    // A queue id that does not exist looks the same.
    expectRefused(
      await t.http().get('/api/queues/999999/tickets').set('Authorization', tech1),
      404,
      ErrorCode.NotFound,
    );
  });

  it('keeps reports of misconduct to supervisors of the district and admin', async () => {
    const supervisor1 = await login(t, 'supervisor1');
    const report = await createTicket(
      t,
      supervisor1,
      call({ type: 'report', description: '维修工上门索要红包', channel: 'counter' }),
    );
    expect(report.queueId).toBe(queues['report-east']);

    for (const username of ['agent1', 'dispatcher1', 'tech1', 'supervisor2']) {
      const auth = await login(t, username);
      expectRefused(
        await t.http().get(`/api/tickets/${report.id}`).set('Authorization', auth),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().get(`/api/queues/${queues['report-east']}/tickets`).set('Authorization', auth),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/tickets/${report.id}/claim`).set('Authorization', auth),
        404,
        ErrorCode.NotFound,
      );
    }
    for (const username of ['supervisor1', 'admin']) {
      const auth = await login(t, username);
      await t.http().get(`/api/tickets/${report.id}`).set('Authorization', auth).expect(200);
      const list = await t
        .http()
        .get(`/api/queues/${queues['report-east']}/tickets`)
        .set('Authorization', auth)
        .expect(200);
      expect(list.body.map((x: { id: number }) => x.id)).toContain(report.id);
    }
  });

  it("keeps a report out of an agent's queues even when the agent works the district's complaints", async () => {
    const agent = await login(t, 'agent1');
    const res = await t.http().get('/api/queues').set('Authorization', agent).expect(200);
    expect(res.body.map((q: { code: string }) => q.code)).toContain('complaint-east');
    expect(res.body.map((q: { code: string }) => q.code).filter((c: string) => c.startsWith('report-'))).toEqual([]);
  });

  it.each(['abc', '0', '-1', '1.5', '1e3', '99999999999', '%20'])(
    'answers 404 NOT_FOUND for the id %p on every route',
    async (id) => {
      const admin = await login(t, 'admin');
      expectRefused(await t.http().get(`/api/tickets/${id}`).set('Authorization', admin), 404, ErrorCode.NotFound);
      expectRefused(
        await t.http().post(`/api/tickets/${id}/claim`).set('Authorization', admin),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/tickets/${id}/transition`).set('Authorization', admin).send({ to: 'cancelled' }),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/tickets/${id}/assign`).set('Authorization', admin).send({ staffId: 1 }),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/tickets/${id}/retype`).set('Authorization', admin).send({ type: 'repair' }),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().get(`/api/queues/${id}/tickets`).set('Authorization', admin),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().get(`/api/queues/${id}/members`).set('Authorization', admin),
        404,
        ErrorCode.NotFound,
      );
      expectRefused(
        await t.http().post(`/api/queues/${id}/claim`).set('Authorization', admin),
        404,
        ErrorCode.NotFound,
      );
    },
  );

  it('answers 404 NOT_FOUND, in the same shape, for a route that does not exist', async () => {
    expectRefused(
      await t
        .http()
        .get('/api/tickets/1/history')
        .set('Authorization', await login(t, 'admin')),
      404,
      ErrorCode.NotFound,
    );
  });

  it('answers 404 for a ticket id that does not exist', async () => {
    expectRefused(
      await t
        .http()
        .get('/api/tickets/2147483647')
        .set('Authorization', await login(t, 'admin')),
      404,
      ErrorCode.NotFound,
    );
  });
});
