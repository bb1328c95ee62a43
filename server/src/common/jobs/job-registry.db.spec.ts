import { call, createTicket, getTicket, login, minutes } from '../../testing/api-fixtures';
import { TestApp, startTestApp } from '../../testing/test-app';
import { JOB_NAMES } from './job-names';
import { JobRegistry } from './job-registry';

/** The job registry inside the real server: every job found, and JOBS deciding which run. */
describe('the job registry', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('binds every declared job to a method, and with JOBS=off starts none', async () => {
    t = await startTestApp();
    const registry = t.app.get(JobRegistry);
    expect([...registry.bindings().keys()].sort()).toEqual([...JOB_NAMES].sort());
    expect(registry.started).toEqual([]);
  });

  it('runs only the listed job, on its interval: a breached contact clock gets escalated', async () => {
    t = await startTestApp({ JOBS: 'sla-sweep', SLA_SWEEP_SECONDS: '1' });
    expect(t.app.get(JobRegistry).started).toEqual(['sla-sweep']);
    const t0 = new Date('2026-08-03T02:00:00.000Z');
    t.setNow(t0);
    const agent = await login(t, 'agent1');
    // A phone call: accepted at once, so only its contact clock (nobody called back) breaches.
    const ticket = await createTicket(t, agent, call());
    t.setNow(minutes(t0, 31));
    const deadline = Date.now() + 10_000;
    let priority = (await getTicket(t, agent, ticket.id)).priority;
    while (priority === 'normal' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      priority = (await getTicket(t, agent, ticket.id)).priority;
    }
    expect(priority).toBe('high');
  });
});
