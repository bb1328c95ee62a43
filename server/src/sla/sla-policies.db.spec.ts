import { ErrorCode } from '@utility/shared';
import { call, createTicket, expectRefused, login, minutes } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const iso = (d: Date) => d.toISOString();

/** GET/PUT /api/admin/sla-policies: the operator's SLA, applied to tickets created afterwards. */
describe('SLA policies', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, agent] = await Promise.all([login(t, 'admin'), login(t, 'agent1')]);
  });
  afterAll(() => t.close());

  const policies = async () =>
    (await t.http().get('/api/admin/sla-policies').set('Authorization', admin).expect(200)).body;
  const put = (auth: string, type: string, body: object) =>
    t.http().put(`/api/admin/sla-policies/${type}`).set('Authorization', auth).send(body);

  it('lists the defaults of docs/domain.md#ticket-types for every ticket type', async () => {
    // Each type's row for any utility, area, district and channel (the refinements: sla-policy-table.db.spec).
    const list = (await policies()).filter(
      (p: { utility: string | null; areaClass: string | null; districtId: number | null; channel: string | null }) =>
        !p.utility && !p.areaClass && !p.districtId && !p.channel,
    );
    expect(list.map((p: { ticketType: string }) => p.ticketType).sort()).toEqual([
      'application',
      'billing',
      'complaint',
      'consultation',
      'inspection',
      'leak',
      'repair',
      'report',
      'return_visit',
      'room_temperature',
      'suggestion',
    ]);
    expect(list.find((p: { ticketType: string }) => p.ticketType === 'repair')).toMatchObject({
      clocks: [
        { clock: 'respond', minutes: 30 },
        { clock: 'contact', minutes: 30 },
        { clock: 'on_site', minutes: 120 },
        { clock: 'resolve', minutes: 1440 },
      ],
      atRiskPercent: 80,
    });
  });

  it('gives tickets created after a change the new deadlines and at-risk share; earlier tickets keep theirs', async () => {
    const t0 = new Date('2026-09-07T02:00:00.000Z');
    t.setNow(t0);
    const before = await createTicket(t, agent, call({ type: 'room_temperature', channel: 'miniapp' }));
    expect(before.deadlines.respondBy).toBe(iso(minutes(t0, 30)));

    const res = await put(admin, 'room_temperature', {
      clocks: [
        { clock: 'respond', minutes: 20 },
        { clock: 'on_site', minutes: 240 },
        { clock: 'resolve', workingDays: 2 },
      ],
      atRiskRatio: 0.5,
    }).expect(200);
    expect(res.body).toMatchObject({ ticketType: 'room_temperature', atRiskPercent: 50 });

    const after = await createTicket(t, agent, call({ type: 'room_temperature', channel: 'miniapp' }));
    expect(after.deadlines).toEqual({
      respondBy: iso(minutes(t0, 20)),
      contactBy: null,
      decisionBy: null,
      onSiteBy: iso(minutes(t0, 240)),
      resolveBy: '2026-09-09T16:00:00.000Z', // Monday 7 Sep: end of Wednesday 9 Sep, Shanghai
    });
    const unchanged = await t.http().get(`/api/tickets/${before.id}`).set('Authorization', agent).expect(200);
    expect(unchanged.body.deadlines).toEqual(before.deadlines);

    // At risk at 50 % of its 20 minutes; the older ticket only at 80 % of its 30.
    t.setNow(minutes(t0, 10));
    await t.sweep();
    const flagged = async (id: number) =>
      (await t.http().get(`/api/tickets/${id}`).set('Authorization', agent).expect(200)).body.events.some(
        (e: { kind: string }) => e.kind === 'at_risk',
      );
    expect(await flagged(after.id)).toBe(true);
    expect(await flagged(before.id)).toBe(false);
  });

  it.each(['supervisor1', 'dispatcher1', 'tech1'])('refuses %s with 403 and keeps the policy', async (username) => {
    const list = await policies();
    const res = await put(await login(t, username), 'repair', { clocks: [{ clock: 'respond', minutes: 600 }] });
    expectRefused(res, 403, ErrorCode.Forbidden);
    expectRefused(
      await t
        .http()
        .get('/api/admin/sla-policies')
        .set('Authorization', await login(t, username)),
      403,
      ErrorCode.Forbidden,
    );
    expect(await policies()).toEqual(list);
  });

  it.each([
    ['an unknown ticket type', 'gas', { clocks: [{ clock: 'respond', minutes: 30 }] }],
    [
      'a clock with both minutes and working days',
      'repair',
      { clocks: [{ clock: 'respond', minutes: 30, workingDays: 1 }] },
    ],
    ['a clock with neither', 'repair', { clocks: [{ clock: 'respond' }] }],
    [
      'a clock twice',
      'repair',
      {
        clocks: [
          { clock: 'respond', minutes: 30 },
          { clock: 'respond', minutes: 60 },
        ],
      },
    ],
    ['an unknown clock', 'repair', { clocks: [{ clock: 'reply', minutes: 30 }] }],
    ['negative minutes', 'repair', { clocks: [{ clock: 'respond', minutes: -5 }] }],
    ['fractional working days', 'repair', { clocks: [{ clock: 'resolve', workingDays: 1.5 }] }],
    ['an at-risk share below 50 %', 'repair', { clocks: [{ clock: 'respond', minutes: 30 }], atRiskRatio: 0.3 }],
    ['no clocks field', 'repair', { atRiskRatio: 0.8 }],
  ])('refuses %s with 400 VALIDATION_FAILED and keeps the policy', async (_what, type, body) => {
    const list = await policies();
    const res = await put(admin, type, body);
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(await policies()).toEqual(list);
    t.setNow(new Date('2026-09-08T02:00:00.000Z'));
    const ticket = await createTicket(t, agent, call({ channel: 'miniapp' }));
    expect(ticket.deadlines.respondBy).toBe('2026-09-08T02:30:00.000Z');
  });
});
