import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TicketView } from '@utility/shared';
import { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { call, login, minutes } from '../testing/api-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';

/** A demo gas account in 城东区幸福路11号. */
const ACCOUNT = { accountNo: '9100000001', building: '城东区幸福路11号' };

/**
 * Two server processes on one database: the one taking a call learns of an outage declared
 * through the other at once, though it had just taken a call with no outage about (it keeps
 * "no outage" until the organisation's version moves).
 */
describe('an outage declared through one instance, faults filed through another', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let dispatcher: string;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondInstance(t);
    await (second.getHttpAdapter().getInstance() as FastifyInstance).ready();
    [dispatcher, agent] = await Promise.all([login(t, 'dispatcher1'), login(t, 'agent1')]);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  /** An agent's phone call about a fault on the account, taken by the second instance. */
  const faultOnSecond = async (): Promise<TicketView> => {
    const res = await (second.getHttpAdapter().getInstance() as FastifyInstance).inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: agent, 'content-type': 'application/json' },
      payload: call({ accountNo: ACCOUNT.accountNo, address: ACCOUNT.building, description: '没有气' }),
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const clockKinds = async (ticketId: number): Promise<string[]> =>
    (await t.app.get(DataSource).query('SELECT kind FROM ticket_clock WHERE ticketId = ? ORDER BY id', [ticketId])).map(
      (c: { kind: string }) => c.kind,
    );
  const outageOf = async (ticketId: number): Promise<number | null> => {
    const rows = await t.app
      .get(DataSource)
      .query('SELECT outageId FROM outage_ticket WHERE ticketId = ? AND unlinkedAt IS NULL', [ticketId]);
    return rows.length ? Number(rows[0].outageId) : null;
  };

  it('holds a fault filed right after the declaration, and no longer once the outage is restored', async () => {
    const before = await faultOnSecond();
    expect(await outageOf(before.id)).toBeNull();
    expect(await clockKinds(before.id)).toContain('on_site');

    const declared = await t
      .http()
      .post('/api/staff/outages')
      .set('Authorization', dispatcher)
      .send({
        utility: 'gas',
        kind: 'unplanned',
        area: { buildings: [ACCOUNT.building] },
        startsAt: minutes(new Date(), -10).toISOString(),
        restoreBy: minutes(new Date(), 240).toISOString(),
        reason: '中压管线抢修',
      })
      .expect(201);
    const during = await faultOnSecond();
    expect(await outageOf(during.id)).toBe(declared.body.id);
    expect(await clockKinds(during.id)).not.toContain('on_site');

    await t.http().post(`/api/staff/outages/${declared.body.id}/restore`).set('Authorization', dispatcher).expect(200);
    const after = await faultOnSecond();
    expect(await outageOf(after.id)).toBeNull();
    expect(await clockKinds(after.id)).toContain('on_site');
  });
});
