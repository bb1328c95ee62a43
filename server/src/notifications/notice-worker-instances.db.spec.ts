import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EAST_HEAT_ACCOUNT, call, createTicket, signIn } from '../testing/api-fixtures';
import { bindAccount, fakeWechat, noticeTemplates, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';
import { NoticeSender } from './notice-sender.service';
import { NoticeWorker } from './notice-worker.service';

/** Two server processes on one database (a rolling deploy, or two replicas) both run the notice worker. */
describe('two app instances sending notices from the same database', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const t0 = new Date('2026-08-04T02:00:00.000Z');

  beforeAll(async () => {
    t = await startTestApp();
    // The same database and keys; the same WeChat too (the first instance's fake), so every send lands in one place.
    second = await startSecondInstance(t, { WECHAT_API_BASE: fakeWechat(t).url });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const at = (time: Date) => t.setNow(time);

  it('sends each consented message exactly once', async () => {
    at(t0);
    const [agent, tech1] = await Promise.all([signIn(t, 'agent1'), signIn(t, 'tech1')]);
    const templates = await noticeTemplates(t);
    const r = await residentLogin(t, 'two-workers');
    await bindAccount(t, r, EAST_HEAT_ACCOUNT);
    const tickets = [];
    for (let i = 0; i < 8; i++) {
      const ticket = await createTicket(
        t,
        agent.auth,
        call({ accountNo: EAST_HEAT_ACCOUNT, description: `暖气不热 ${i}` }),
      );
      await t
        .http()
        .post(`/api/my/tickets/${ticket.id}/subscriptions`)
        .set('Authorization', r.auth)
        .send({ templateIds: [templates.progress] })
        .expect(201);
      tickets.push(ticket);
    }
    at(new Date(t0.getTime() + 60_000));
    for (const ticket of tickets)
      await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);

    const workers = [t.app.get(NoticeWorker), second.get(NoticeWorker)];
    const results = await Promise.all([
      workers[0].runOnce(),
      workers[1].runOnce(),
      workers[0].runOnce(),
      workers[1].runOnce(),
    ]);
    expect(results.reduce((n, x) => n + x.sent, 0)).toBe(8);
    expect(results.reduce((n, x) => n + x.retried + x.failed, 0)).toBe(0);

    const pages = fakeWechat(t)
      .messages()
      .map((m) => m.page)
      .sort();
    expect(pages).toEqual(tickets.map((x) => `packages/requests/detail?id=${x.id}`).sort());
    for (const ticket of tickets) {
      const notices = await t.app.get(NoticeSender).forTicket(ticket.id);
      // The call's 受理 (before consent) and the claim's 已派单, each planned once.
      expect(notices.map((n) => [n.data.phrase3.value, n.status, n.attempts])).toEqual([
        ['已受理', 'skipped', 0],
        ['已派单', 'sent', 1],
      ]);
    }

    expect(await Promise.all([workers[0].runOnce(), workers[1].runOnce()])).toEqual([
      { sent: 0, retried: 0, failed: 0 },
      { sent: 0, retried: 0, failed: 0 },
    ]);
    expect(fakeWechat(t).messages()).toHaveLength(8);
  });
});
