import { MonthlyReportView } from '@utility/shared';
import { call, createTicket, login, minutes } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** The monthly report split by channel (every channel a request comes in by, with its own clocks). */
describe('monthly report by channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('counts each channel’s tickets and the on-time share of their clocks, the 12345 hour included', async () => {
    const agent = await login(t, 'agent1');
    const at = (day: number) => new Date(`2026-08-${String(day).padStart(2, '0')}T02:00:00Z`);
    const ticketAt = async (day: number, body: Record<string, unknown>) => {
      t.setNow(at(day));
      return createTicket(t, agent, call(body));
    };
    const reply = async (id: number, when: Date) => {
      t.setNow(when);
      await t
        .http()
        .post(`/api/tickets/${id}/hotline-reply`)
        .set('Authorization', agent)
        .send({ reply: '已转供热站处理' })
        .expect(200);
    };
    // Two 12345 complaints: one answered to the hotline in 30 minutes, one after 2 hours.
    const complaint = { type: 'complaint', channel: 'hotline_12345', description: '暖气不热，多次反映未解决' };
    const onTime = await ticketAt(3, { ...complaint, externalRef: '12345-0803-1' });
    await reply(onTime.id, minutes(at(3), 30));
    const late = await ticketAt(4, { ...complaint, externalRef: '12345-0804-7' });
    await reply(late.id, minutes(at(4), 120));
    await ticketAt(5, { type: 'complaint', channel: 'letter', description: '来信反映抄表不准' });
    await ticketAt(6, { type: 'complaint', channel: 'visit', description: '来访反映收费问题' });
    await ticketAt(7, { channel: 'wecom' });

    t.setNow(new Date('2026-09-01T02:00:00Z'));
    const res = await t
      .http()
      .get('/api/reports/monthly?period=2026-08')
      .set('Authorization', await login(t, 'admin'))
      .expect(200);
    const channels = (res.body as MonthlyReportView).figures.channels!;
    const row = (channel: string) => channels.find((c) => c.channel === channel);
    // The two 12345 complaints: respond met at intake (2), the opinion hour met once (1 of 2); nobody
    // replied or resolved, so their 3-day first replies and 5-working-day resolutions ran out in August (0 of 4).
    expect(row('hotline_12345')).toEqual({ channel: 'hotline_12345', received: 2, clocks: 8, onTime: 3, rate: 0.375 });
    expect(row('letter')).toMatchObject({ received: 1 });
    expect(row('visit')).toMatchObject({ received: 1 });
    expect(row('wecom')).toMatchObject({ received: 1 });
    expect(row('phone')).toBeUndefined();
  });
});
