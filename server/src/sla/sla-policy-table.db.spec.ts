import { ErrorCode, SlaPolicyView } from '@utility/shared';
import { call, countTickets, createTicket, expectRefused, getTicket, login, minutes } from '../testing/api-fixtures';
import { auditOf } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const iso = (d: Date) => d.toISOString();
const POWER_ACCOUNT = '9100000050';

/**
 * The SLA table per ticket type × utility × area class × district × channel (docs/domain.md#clocks):
 * GET/PUT /api/admin/sla-policies, the power rules' 45 / 90 / 120 min, the 12345 hour.
 */
describe('the SLA table', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let rural: { id: number };
  beforeAll(async () => {
    t = await startTestApp();
    [admin, agent] = await Promise.all([login(t, 'admin'), login(t, 'agent1')]);
    // A rural district with a power station, and an account supplied by it.
    rural = (
      await t
        .http()
        .post('/api/admin/districts')
        .set('Authorization', admin)
        .send({ code: 'south-rural', name: '城南乡村片区', areaClass: 'rural' })
        .expect(201)
    ).body;
    const station = (
      await t
        .http()
        .post('/api/admin/stations')
        .set('Authorization', admin)
        .send({ code: 'south-power', name: '城南供电所', districtId: rural.id, utility: 'power' })
        .expect(201)
    ).body;
    await t
      .http()
      .patch(`/api/admin/accounts/${POWER_ACCOUNT}`)
      .set('Authorization', admin)
      .send({ utility: 'power', districtId: rural.id, stationId: station.id, heatedArea: null })
      .expect(200);
  });
  afterAll(() => t.close());

  const table = async (): Promise<SlaPolicyView[]> =>
    (await t.http().get('/api/admin/sla-policies').set('Authorization', admin).expect(200)).body;
  const putTable = (policies: object[], auth = admin) =>
    t.http().put('/api/admin/sla-policies').set('Authorization', auth).send({ policies });
  const asRequest = (rows: SlaPolicyView[]) =>
    rows.map(({ atRiskPercent, ...row }) => ({ ...row, atRiskRatio: atRiskPercent / 100 }));
  const powerFault = () =>
    createTicket(t, agent, call({ accountNo: POWER_ACCOUNT, description: '家里停电了', address: '城南乡村12号' }));

  it('lists the power rows by area class and the 12345 rows beside each type’s default', async () => {
    const rows = await table();
    expect(rows.filter((r) => r.utility === 'power')).toEqual(
      ['urban', 'rural', 'remote'].map((areaClass, i) => ({
        ticketType: 'repair',
        utility: 'power',
        areaClass,
        districtId: null,
        channel: null,
        clocks: [{ clock: 'on_site', minutes: [45, 90, 120][i] }],
        atRiskPercent: 80,
      })),
    );
    expect(rows.find((r) => r.ticketType === 'complaint' && r.channel === 'hotline_12345')).toMatchObject({
      clocks: [{ clock: 'opinion', minutes: 60 }],
    });
    expect(rows.filter((r) => !r.utility && !r.areaClass && !r.districtId && !r.channel)).toHaveLength(11);
  });

  it('gives a power fault in a rural district 90 minutes on site, and 120 once the district is remote', async () => {
    const t0 = new Date('2026-09-07T02:00:00.000Z');
    t.setNow(t0);
    const fault = await powerFault();
    expect(fault.deadlines).toMatchObject({ onSiteBy: iso(minutes(t0, 90)), contactBy: iso(minutes(t0, 30)) });
    await t
      .http()
      .patch(`/api/admin/districts/${rural.id}`)
      .set('Authorization', admin)
      .send({ areaClass: 'remote' })
      .expect(200);
    expect((await powerFault()).deadlines.onSiteBy).toBe(iso(minutes(t0, 120)));
    // The earlier fault keeps its clock.
    expect((await getTicket(t, agent, fault.id)).deadlines.onSiteBy).toBe(iso(minutes(t0, 90)));
    await t
      .http()
      .patch(`/api/admin/districts/${rural.id}`)
      .set('Authorization', admin)
      .send({ areaClass: 'rural' })
      .expect(200);
    // A heating repair in an urban district is untouched by the power rows.
    expect((await createTicket(t, agent, call())).deadlines.onSiteBy).toBe(iso(minutes(t0, 120)));
  });

  it("applies an admin's district × channel row to tickets created afterwards; earlier tickets keep their clocks; logged", async () => {
    const t0 = new Date('2026-09-08T02:00:00.000Z');
    t.setNow(t0);
    const before = await powerFault();
    const original = await table();
    const res = await putTable([
      ...asRequest(original),
      {
        ticketType: 'repair',
        districtId: rural.id,
        channel: 'wecom',
        clocks: [
          { clock: 'respond', minutes: 10 },
          { clock: 'on_site', minutes: 60 },
        ],
        atRiskRatio: 0.5,
      },
    ]).expect(200);
    expect(res.body).toHaveLength(original.length + 1);
    const wecom = await createTicket(t, agent, call({ accountNo: POWER_ACCOUNT, channel: 'wecom' }));
    expect(wecom.deadlines).toMatchObject({
      respondBy: iso(minutes(t0, 10)),
      contactBy: iso(minutes(t0, 30)),
      onSiteBy: iso(minutes(t0, 60)),
      resolveBy: iso(minutes(t0, 1440)),
    });
    // The same district by phone: the area-class row still decides.
    expect((await powerFault()).deadlines.onSiteBy).toBe(iso(minutes(t0, 90)));
    expect((await getTicket(t, agent, before.id)).deadlines).toEqual(before.deadlines);
    const [change] = await auditOf(t, 'sla_policy', 'all');
    expect(change).toMatchObject({ action: 'sla_policy.replace', staffName: '系统管理员' });
    expect(change.before).toEqual(original);
    expect(change.after).toHaveLength(original.length + 1);
    await putTable(asRequest(original)).expect(200);
    expect(await table()).toEqual(original);
  });

  it('starts the 1-hour opinion clock of a 12345 transfer and stops it when the reply to the hotline is recorded', async () => {
    const t0 = new Date('2026-09-09T02:00:00.000Z');
    t.setNow(t0);
    const transfer = await createTicket(
      t,
      agent,
      call({
        type: 'complaint',
        channel: 'hotline_12345',
        externalRef: '12345-20260909-0042',
        description: '供暖不热投诉',
      }),
    );
    expect(transfer).toMatchObject({
      channel: 'hotline_12345',
      externalRef: '12345-20260909-0042',
      status: 'accepted',
    });
    expect(transfer.deadlines).toMatchObject({ opinionBy: iso(minutes(t0, 60)), respondBy: iso(minutes(t0, 1440)) });
    t.setNow(minutes(t0, 40));
    const replied = await t
      .http()
      .post(`/api/tickets/${transfer.id}/hotline-reply`)
      .set('Authorization', agent)
      .send({ reply: '已安排东城供热站今日上门排查，结果另行回复' })
      .expect(200);
    expect(replied.body.clocks.find((c: { kind: string }) => c.kind === 'opinion')).toMatchObject({
      stoppedAt: iso(minutes(t0, 40)),
      breached: false,
    });
    const detail = await getTicket(t, agent, transfer.id);
    expect(detail.events.find((e) => e.kind === 'hotline_replied')).toMatchObject({
      note: '已安排东城供热站今日上门排查，结果另行回复',
    });
  });

  it('records a late 12345 reply as a breach of the opinion clock', async () => {
    const t0 = new Date('2026-09-10T02:00:00.000Z');
    t.setNow(t0);
    const transfer = await createTicket(t, agent, call({ channel: 'hotline_12345', externalRef: 'A-77' }));
    t.setNow(minutes(t0, 75));
    const replied = await t
      .http()
      .post(`/api/tickets/${transfer.id}/hotline-reply`)
      .set('Authorization', agent)
      .send({ reply: '已派维修人员' })
      .expect(200);
    expect(replied.body.clocks.find((c: { kind: string }) => c.kind === 'opinion')).toMatchObject({ breached: true });
  });

  it('takes letters, walk-ins and WeCom messages without an opinion clock, and refuses a reply to them (422)', async () => {
    for (const channel of ['letter', 'visit', 'wecom', 'counter']) {
      const ticket = await createTicket(t, agent, call({ channel }));
      expect(ticket).toMatchObject({ channel, status: 'accepted' });
      expect(ticket.deadlines).not.toHaveProperty('opinionBy');
    }
    const letter = await createTicket(t, agent, call({ channel: 'letter', externalRef: 'XF-2026-118' }));
    expect(letter.externalRef).toBe('XF-2026-118');
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${letter.id}/hotline-reply`)
        .set('Authorization', agent)
        .send({ reply: '已处理' }),
      422,
      ErrorCode.NotHotlineTicket,
    );
  });

  it('refuses a 12345 transfer without its reference number (400) and creates nothing', async () => {
    const before = await countTickets(t);
    expectRefused(
      await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .send(call({ channel: 'hotline_12345' })),
      400,
      ErrorCode.ValidationFailed,
    );
    expect(await countTickets(t)).toBe(before);
  });

  it.each<[string, (rows: object[]) => object[]]>([
    ['a type left without its default row', (rows) => rows.slice(1)],
    ['the same selector twice', (rows) => [...rows, rows[0]]],
    ['an area class without a utility', (rows) => [...rows, { ticketType: 'repair', areaClass: 'rural', clocks: [] }]],
    ['an unknown channel', (rows) => [...rows, { ticketType: 'repair', channel: 'fax', clocks: [] }]],
    ['an unknown district', (rows) => [...rows, { ticketType: 'repair', districtId: 99999, clocks: [] }]],
  ])('refuses %s with 400 VALIDATION_FAILED and keeps the table', async (_what, change) => {
    const original = await table();
    expectRefused(await putTable(change(asRequest(original))), 400, ErrorCode.ValidationFailed);
    expect(await table()).toEqual(original);
  });

  it.each(['supervisor1', 'agent1'])('refuses %s (403)', async (username) => {
    const original = await table();
    expectRefused(await putTable(asRequest(original), await login(t, username)), 403, ErrorCode.Forbidden);
  });
});
