import { ErrorCode, IncidentView } from '@utility/shared';
import { call, createTicket, expectRefused, getTicket, signIn } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

describe('major incidents (POST /api/staff/incidents)', () => {
  let t: TestApp;
  let agent: { auth: string; staff: { id: number; name: string } };
  let dispatcher: { auth: string; staff: { id: number; name: string } };

  beforeAll(async () => {
    t = await startTestApp();
    [agent, dispatcher] = await Promise.all([signIn(t, 'agent1'), signIn(t, 'dispatcher1')]);
  });
  afterAll(() => t.close());

  const create = (auth: string, body: Record<string, unknown>) =>
    t.http().post('/api/staff/incidents').set('Authorization', auth).send(body);
  const add = (auth: string, id: number, ticketId: number) =>
    t.http().post(`/api/staff/incidents/${id}/tickets`).set('Authorization', auth).send({ ticketId });

  it('groups the calls of a leak in one building under an incident with its lead, timeline and a record to export', async () => {
    const res = await create(agent.auth, {
      title: '幸福路11号楼燃气泄漏',
      description: '多户报告闻到燃气味',
      leadId: dispatcher.staff.id,
    }).set('Idempotency-Key', 'incident-leak-11');
    expect(res.status).toBe(201);
    const incident: IncidentView = res.body;
    expect(incident).toMatchObject({ status: 'open', lead: { id: dispatcher.staff.id }, tickets: [] });
    const first = await createTicket(t, agent.auth, call({ type: 'leak', description: '楼道里有燃气味' }));
    const second = await createTicket(t, agent.auth, call({ type: 'leak', description: '三楼闻到燃气味' }));
    for (const ticket of [first, second]) expect((await add(agent.auth, incident.id, ticket.id)).status).toBe(200);
    expectRefused(await add(agent.auth, incident.id, first.id), 409, ErrorCode.AlreadyExists);

    const view: IncidentView = (
      await t.http().get(`/api/staff/incidents/${incident.id}`).set('Authorization', agent.auth).expect(200)
    ).body;
    expect(view.tickets.map((x) => x.id)).toEqual([first.id, second.id]);
    expect(view.timeline.map((e) => e.kind)).toEqual(['登记', '并入工单', '并入工单']);
    // The ticket's own timeline says it belongs to the incident.
    const detail = await getTicket(t, agent.auth, first.id);
    expect(JSON.stringify(detail)).toContain('并入重大事件：幸福路11号楼燃气泄漏');

    await t
      .http()
      .post(`/api/staff/incidents/${incident.id}/notes`)
      .set('Authorization', dispatcher.auth)
      .send({ note: '已关闭楼栋总阀，疏散住户' })
      .expect(200);
    expect(
      (await t.http().post(`/api/staff/incidents/${incident.id}/close`).set('Authorization', agent.auth)).status,
    ).toBe(403);
    await t.http().post(`/api/staff/incidents/${incident.id}/close`).set('Authorization', dispatcher.auth).expect(200);
    expectRefused(await add(agent.auth, incident.id, first.id), 409, ErrorCode.IncidentClosed);

    const csv = await t.http().get(`/api/staff/incidents/${incident.id}/export.csv`).set('Authorization', agent.auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const text: string = csv.text;
    expect(text).toContain('事件名称,幸福路11号楼燃气泄漏');
    expect(text).toContain(`负责人,${dispatcher.staff.name}`);
    for (const ticket of [first, second]) expect(text).toContain(ticket.no!);
    expect(text).toContain('已关闭楼栋总阀，疏散住户');
    expect(text).not.toContain('进行中');
  });

  it('refuses a lead who is not staff and a title too short, storing nothing', async () => {
    const before = (await t.http().get('/api/staff/incidents').set('Authorization', agent.auth).expect(200)).body
      .length;
    expectRefused(await create(agent.auth, { title: '泄漏', leadId: 999999 }), 422, ErrorCode.ValidationFailed);
    expectRefused(await create(agent.auth, { title: '漏' }), 400, ErrorCode.ValidationFailed);
    expect((await t.http().get('/api/staff/incidents').set('Authorization', agent.auth).expect(200)).body).toHaveLength(
      before,
    );
  });
});
