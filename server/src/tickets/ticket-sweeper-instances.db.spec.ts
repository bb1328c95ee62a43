import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { breachesOf, call, createTicket, getTicket, login, minutes } from '../testing/api-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';
import { TicketSweeper } from './ticket-sweeper.service';

/** Two server processes on one database (a rolling deploy, or two replicas) both run the sweeper. */
describe('two app instances sweeping the same database', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const t0 = new Date('2026-08-04T02:00:00.000Z');

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondInstance(t);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const at = (time: Date) => t.setNow(time);

  it('escalates each breach exactly once', async () => {
    const agent = await login(t, 'agent1');
    at(t0);
    const tickets = [];
    // Phone calls, accepted as they are taken: one clock each (contact: nobody called back) runs out.
    for (let i = 0; i < 6; i++) tickets.push(await createTicket(t, agent, call({ description: `无人回电 ${i}` })));

    at(minutes(t0, 31));
    const results = await Promise.all([
      t.sweep(),
      second.get(TicketSweeper).sweep(),
      t.sweep(),
      second.get(TicketSweeper).sweep(),
    ]);
    expect(results.reduce((n, r) => n + r.breached, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.atRisk, 0)).toBe(6);

    for (const ticket of tickets) {
      const detail = await getTicket(t, agent, ticket.id);
      const count = (kind: string) => detail.events.filter((e) => e.kind === kind).length;
      expect({ atRisk: count('at_risk'), breached: count('breached'), escalated: count('escalated') }).toEqual({
        atRisk: 1,
        breached: 1,
        escalated: 1,
      });
      // Raised one step, not once per instance.
      expect(detail.priority).toBe('high');
      expect(await breachesOf(t, ticket.id)).toHaveLength(1);
    }
  });
});
