import { ErrorCode, NoticeTemplates, TicketView } from '@utility/shared';
import { DataSource } from 'typeorm';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  Staff,
  call,
  createTicket,
  expectRefused,
  signIn,
  transition,
} from '../testing/api-fixtures';
import {
  Resident,
  bindAccount,
  countRows,
  fakeWechat,
  noticeTemplates,
  openidOf,
  residentLogin,
} from '../testing/resident-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { Db } from '../common/db';
import { NoticePlanner } from './notice-planner.service';
import { NoticeSender } from './notice-sender.service';
import { NoticeWorker } from './notice-worker.service';
import { SubscriptionConsent } from './subscription-consent.entity';

const seconds = (at: Date, n: number) => new Date(at.getTime() + n * 1000);
const page = (ticketId: number) => `packages/requests/detail?id=${ticketId}`;

/** Consent to subscribe messages (wx.requestSubscribeMessage), recorded per ticket and template. */
describe('subscribing to notices of a ticket', () => {
  let t: TestApp;
  let alice: Resident;
  let stranger: Resident;
  let ticket: TicketView;
  let templates: NoticeTemplates;
  beforeAll(async () => {
    t = await startTestApp();
    alice = await residentLogin(t, 'consent-alice');
    stranger = await residentLogin(t, 'consent-stranger');
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    await bindAccount(t, stranger, EAST_HALL_ACCOUNT);
    ticket = await createTicket(t, await t.login('agent1'), call({ accountNo: EAST_HEAT_ACCOUNT }));
    templates = await noticeTemplates(t);
  });
  afterAll(() => t.close());

  const subscribe = (r: Resident, id: number, templateIds: unknown) =>
    t.http().post(`/api/my/tickets/${id}/subscriptions`).set('Authorization', r.auth).send({ templateIds });

  it('lists the configured template ids for the miniapp to ask consent for', async () => {
    expect(templates).toEqual({
      accepted: 'TPL_TICKET_ACCEPTED',
      progress: 'TPL_TICKET_PROGRESS',
      resolved: 'TPL_TICKET_RESOLVED',
      inspection: 'TPL_INSPECTION',
      billDue: 'TPL_BILL_DUE',
      arrears: 'TPL_ARREARS',
      usageAlert: 'TPL_USAGE_ALERT',
      accountChange: 'TPL_ACCOUNT_CHANGE',
      outage: 'TPL_OUTAGE',
      prepaidBalance: 'TPL_PREPAID_BALANCE',
    });
  });

  it('records one consent per accepted template', async () => {
    const res = await subscribe(alice, ticket.id, [templates.progress, templates.resolved]).expect(201);
    expect(res.body).toEqual({ accepted: [templates.progress, templates.resolved] });
    const rows = await t.app
      .get(DataSource)
      .getRepository(SubscriptionConsent)
      .findBy({ ticketId: ticket.id, residentId: alice.resident.id });
    expect(rows.map((c) => [c.templateId, c.usedByNoticeId]).sort()).toEqual([
      [templates.progress, null],
      [templates.resolved, null],
    ]);
    // The request page knows, so it stops offering the same subscription.
    const mine = await t.http().get(`/api/my/tickets/${ticket.id}`).set('Authorization', alice.auth).expect(200);
    expect([...mine.body.subscribedTemplateIds].sort()).toEqual([templates.progress, templates.resolved].sort());
  });

  it('refuses an unknown template with 400 and records nothing, not even the known ones beside it', async () => {
    const before = await countRows(t, 'subscription_consent');
    const res = await subscribe(alice, ticket.id, [templates.progress, 'TPL_SOMETHING_ELSE']);
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(res.body.message).toBe('未知的订阅消息模板');
    expectRefused(await subscribe(alice, ticket.id, []), 400, ErrorCode.ValidationFailed);
    expect(await countRows(t, 'subscription_consent')).toBe(before);
  });

  it("refuses another resident's ticket with 404, and a missing token with 401", async () => {
    const before = await countRows(t, 'subscription_consent');
    expectRefused(await subscribe(stranger, ticket.id, [templates.progress]), 404, ErrorCode.NotFound);
    expectRefused(
      await t
        .http()
        .post(`/api/my/tickets/${ticket.id}/subscriptions`)
        .send({ templateIds: [templates.progress] }),
      401,
      ErrorCode.Unauthenticated,
    );
    expect(await countRows(t, 'subscription_consent')).toBe(before);
  });
});

/** The outbox: planned from the timeline, sent only with consent, once, retried with backoff, given up with a reason. */
describe('ticket notices', () => {
  let t: TestApp;
  let agent: Staff;
  let tech1: Staff;
  let templates: NoticeTemplates;
  beforeAll(async () => {
    t = await startTestApp();
    [agent, tech1] = await Promise.all([signIn(t, 'agent1'), signIn(t, 'tech1')]);
    templates = await noticeTemplates(t);
  });
  afterAll(() => t.close());

  const work = () => t.app.get(NoticeWorker).runOnce();
  const noticesOf = (ticketId: number) => t.app.get(NoticeSender).forTicket(ticketId);
  const messagesOf = (ticketId: number) =>
    fakeWechat(t)
      .messages()
      .filter((m) => m.page === page(ticketId));
  const sendCallsOf = (ticketId: number) =>
    fakeWechat(t).received.filter(
      (c) => c.path === '/cgi-bin/message/subscribe/send' && (c.body as { page?: string }).page === page(ticketId),
    );
  const subscribe = (r: Resident, id: number, templateIds: string[]) =>
    t.http().post(`/api/my/tickets/${id}/subscriptions`).set('Authorization', r.auth).send({ templateIds }).expect(201);
  /** The one notice of the claim (已派单) for this resident. */
  const progressNotice = async (ticketId: number, r: Resident) => {
    const found = (await noticesOf(ticketId)).filter(
      (n) => n.residentId === r.resident.id && n.templateId === templates.progress,
    );
    expect(found).toHaveLength(1);
    return found[0];
  };
  const claim = (id: number) => t.http().post(`/api/tickets/${id}/claim`).set('Authorization', tech1.auth).expect(200);

  /** A household account with a resident, a ticket taken on the phone for it, and the resident's consents. */
  async function consentingResident(identity: string, at: Date, templateIds: string[]) {
    t.setNow(at);
    const r = await residentLogin(t, identity);
    await bindAccount(t, r, EAST_HALL_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HALL_ACCOUNT }));
    t.setNow(seconds(at, 30));
    await subscribe(r, ticket.id, templateIds);
    return { r, ticket, openid: (await openidOf(t, r.resident.id))! };
  }

  it('sends exactly the consented messages to the consenting resident, and skips the rest with a reason', async () => {
    const t0 = new Date('2026-06-10T01:00:00.000Z');
    t.setNow(t0);
    const alice = await residentLogin(t, 'notice-alice');
    const bob = await residentLogin(t, 'notice-bob');
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    const aliceOpenid = await openidOf(t, alice.resident.id);

    // Alice accepts all three templates a minute after the call; Bob accepts none.
    t.setNow(new Date('2026-06-10T01:01:00.000Z'));
    await subscribe(alice, ticket.id, [templates.accepted, templates.progress, templates.resolved]);
    // 受理 happened at the call, before her consent: not sent.
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const steps: [string, () => Promise<unknown>][] = [
      ['2026-06-10T01:05:00.000Z', () => claim(ticket.id)],
      ['2026-06-10T01:10:00.000Z', () => transition(t, tech1.auth, ticket.id, 'en_route').expect(200)],
      ['2026-06-10T01:40:00.000Z', () => transition(t, tech1.auth, ticket.id, 'on_site').expect(200)],
      ['2026-06-10T02:30:00.000Z', () => resolveFieldJob(t, tech1.auth, ticket.id)],
      ['2026-06-10T03:00:00.000Z', () => transition(t, agent.auth, ticket.id, 'closed').expect(200)],
    ];
    for (const [at, act] of steps) {
      t.setNow(new Date(at));
      await act();
      await work();
    }

    expect(messagesOf(ticket.id)).toEqual([
      expect.objectContaining({
        touser: aliceOpenid,
        templateId: templates.progress,
        page: page(ticket.id),
        data: {
          character_string1: { value: ticket.no },
          thing2: { value: expect.any(String) },
          phrase3: { value: '已派单' },
          time4: { value: '2026-06-10 09:05' },
        },
      }),
      expect.objectContaining({
        touser: aliceOpenid,
        templateId: templates.resolved,
        page: page(ticket.id),
        data: expect.objectContaining({ phrase3: { value: '已完成' }, time4: { value: '2026-06-10 10:30' } }),
      }),
    ]);

    const notices = await noticesOf(ticket.id);
    const of = (residentId: number) =>
      notices
        .filter((n) => n.residentId === residentId)
        .map((n) => [n.templateId, n.data.phrase3.value, n.status, n.lastError]);
    expect(of(alice.resident.id)).toEqual([
      [templates.accepted, '已受理', 'skipped', 'no consent for this template'],
      [templates.progress, '已派单', 'sent', null],
      // One acceptance allows one message: the second progress step has none left.
      [templates.progress, '师傅在路上', 'skipped', 'no consent for this template'],
      [templates.resolved, '已完成', 'sent', null],
    ]);
    expect(of(bob.resident.id)).toEqual([
      [templates.accepted, '已受理', 'skipped', 'no consent for this template'],
      [templates.progress, '已派单', 'skipped', 'no consent for this template'],
      [templates.progress, '师傅在路上', 'skipped', 'no consent for this template'],
      [templates.resolved, '已完成', 'skipped', 'no consent for this template'],
    ]);

    // Running the worker again sends nothing twice.
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(messagesOf(ticket.id)).toHaveLength(2);
    expect(sendCallsOf(ticket.id)).toHaveLength(2);
  });

  it('does not use a consent given after the event for it, but for the next one', async () => {
    const t0 = new Date('2026-06-11T01:00:00.000Z');
    t.setNow(t0);
    const r = await residentLogin(t, 'notice-late');
    await bindAccount(t, r, EAST_HALL_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HALL_ACCOUNT }));
    t.setNow(seconds(t0, 300));
    await claim(ticket.id);
    // The worker has not run yet when she accepts: the claim is still older than her consent.
    t.setNow(seconds(t0, 301));
    await subscribe(r, ticket.id, [templates.progress]);
    await work();
    expect(messagesOf(ticket.id)).toEqual([]);

    t.setNow(seconds(t0, 600));
    await transition(t, tech1.auth, ticket.id, 'en_route').expect(200);
    await work();
    expect(messagesOf(ticket.id)).toEqual([
      expect.objectContaining({
        templateId: templates.progress,
        data: expect.objectContaining({ phrase3: { value: '师傅在路上' } }),
      }),
    ]);
    const notices = await noticesOf(ticket.id);
    expect(notices.map((n) => [n.data.phrase3.value, n.status])).toEqual([
      ['已受理', 'skipped'],
      ['已派单', 'skipped'],
      ['师傅在路上', 'sent'],
    ]);
    const [consent] = await t.app.get(DataSource).getRepository(SubscriptionConsent).findBy({ ticketId: ticket.id });
    expect(consent.usedByNoticeId).toBe(notices[2].id);
  });

  it('tells a consenting resident of a quote (total, items, 待您确认) to accept in the app; skips one without consent', async () => {
    const t0 = new Date('2026-06-12T01:00:00.000Z');
    t.setNow(t0);
    const [carol, dan] = [await residentLogin(t, 'notice-quote-carol'), await residentLogin(t, 'notice-quote-dan')];
    await bindAccount(t, carol, EAST_HALL_ACCOUNT);
    await bindAccount(t, dan, EAST_HALL_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HALL_ACCOUNT }));
    t.setNow(seconds(t0, 60));
    await claim(ticket.id);
    await work();
    t.setNow(seconds(t0, 120));
    await subscribe(carol, ticket.id, [templates.progress]);
    t.setNow(seconds(t0, 180));
    const quoted = await t
      .http()
      .post(`/api/field/jobs/${ticket.id}/quote`)
      .set('Authorization', tech1.auth)
      .send({
        items: [
          { code: 'gas-hose', qty: 1 },
          { code: 'visit', qty: 1 },
        ],
      });
    expect(quoted.status).toBe(200);
    await work();

    expect(messagesOf(ticket.id)).toEqual([
      expect.objectContaining({
        touser: await openidOf(t, carol.resident.id),
        templateId: templates.progress,
        page: page(ticket.id),
        data: {
          character_string1: { value: ticket.no },
          // ¥75.00 for a hose and the visit, cut to WeChat's 20 characters.
          thing2: { value: '合计¥75.00：燃气灶前软管更换（含…' },
          phrase3: { value: '待您确认' },
          time4: { value: '2026-06-12 09:03' },
        },
      }),
    ]);
    // (Other residents of the account, from earlier tests, are told nothing either: no consent.)
    const quoteNotices = (await noticesOf(ticket.id)).filter(
      (n) => n.data.phrase3.value === '待您确认' && [carol.resident.id, dan.resident.id].includes(n.residentId),
    );
    expect(quoteNotices.map((n) => [n.residentId, n.status, n.lastError]).sort()).toEqual(
      [
        [carol.resident.id, 'sent', null],
        [dan.resident.id, 'skipped', 'no consent for this template'],
      ].sort(),
    );
  });

  it('lets the WeChat client absorb a single busy answer (-1): sent on the first run', async () => {
    const t0 = new Date('2026-06-12T01:00:00.000Z');
    const { r, ticket, openid } = await consentingResident('notice-busy-once', t0, [templates.progress]);
    t.setNow(seconds(t0, 60));
    await claim(ticket.id);
    fakeWechat(t).failNext(1, -1);
    expect(await work()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(messagesOf(ticket.id)).toEqual([expect.objectContaining({ touser: openid })]);
    expect(sendCallsOf(ticket.id)).toHaveLength(2);
    expect((await noticesOf(ticket.id)).filter((n) => n.residentId === r.resident.id)).toEqual([
      expect.objectContaining({ status: 'skipped' }),
      expect.objectContaining({ status: 'sent', attempts: 1 }),
    ]);
  });

  it('retries a notice WeChat could not take after its backoff, then sends it once', async () => {
    const t0 = new Date('2026-06-13T01:00:00.000Z');
    const { r, ticket, openid } = await consentingResident('notice-retry', t0, [templates.progress]);
    const t1 = seconds(t0, 60);
    t.setNow(t1);
    await claim(ticket.id);
    // The client itself tries 3 times: the attempt fails as a whole.
    fakeWechat(t).failNext(3, -1);
    expect(await work()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const pending = await progressNotice(ticket.id, r);
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/^errcode -1: system error/),
    });
    expect(pending.nextAttemptAt.toISOString()).toBe(seconds(t1, 10).toISOString());

    // Not before its time.
    t.setNow(seconds(t1, 9));
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sendCallsOf(ticket.id)).toHaveLength(3);

    t.setNow(seconds(t1, 10));
    expect(await work()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(messagesOf(ticket.id)).toEqual([
      expect.objectContaining({ touser: openid, data: expect.objectContaining({ phrase3: { value: '已派单' } }) }),
    ]);
    expect((await noticesOf(ticket.id)).find((n) => n.id === pending.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });

    t.setNow(seconds(t1, 3600));
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sendCallsOf(ticket.id)).toHaveLength(4);
  });

  it('gives up after 5 attempts, saying so, and sends no more', async () => {
    const t0 = new Date('2026-06-14T01:00:00.000Z');
    const { r, ticket } = await consentingResident('notice-give-up', t0, [templates.progress]);
    let now = seconds(t0, 60);
    t.setNow(now);
    await claim(ticket.id);
    fakeWechat(t).failNext(15, -1); // 5 attempts of 3 calls each
    for (const [attempt, wait] of [
      [1, 10],
      [2, 20],
      [3, 40],
      [4, 80],
    ]) {
      expect(await work()).toEqual({ sent: 0, retried: 1, failed: 0 });
      const notice = await progressNotice(ticket.id, r);
      expect(notice).toMatchObject({ status: 'pending', attempts: attempt });
      expect(notice.nextAttemptAt.toISOString()).toBe(seconds(now, wait).toISOString());
      now = seconds(now, wait);
      t.setNow(now);
    }
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await progressNotice(ticket.id, r);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: expect.stringMatching(/^gave up after 5 attempts: errcode -1/),
    });
    expect(sendCallsOf(ticket.id)).toHaveLength(15);

    t.setNow(seconds(now, 86_400));
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sendCallsOf(ticket.id)).toHaveLength(15);
    expect(messagesOf(ticket.id)).toEqual([]);
  });

  it('fails at once, without retrying, when WeChat says the user refused (43101)', async () => {
    const t0 = new Date('2026-06-15T01:00:00.000Z');
    const { r, ticket } = await consentingResident('notice-refused', t0, [templates.progress]);
    t.setNow(seconds(t0, 60));
    await claim(ticket.id);
    fakeWechat(t).failNext(1, 43101);
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await progressNotice(ticket.id, r);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^errcode 43101/) });

    t.setNow(seconds(t0, 86_400));
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sendCallsOf(ticket.id)).toHaveLength(1);
    expect(messagesOf(ticket.id)).toEqual([]);
  });

  it('sends nothing to a resident who deleted their identity while a notice waited', async () => {
    const t0 = new Date('2026-06-16T01:00:00.000Z');
    const { r, ticket } = await consentingResident('notice-gone', t0, [templates.progress]);
    const t1 = seconds(t0, 60);
    t.setNow(t1);
    await claim(ticket.id);
    fakeWechat(t).failNext(3, -1);
    expect(await work()).toEqual({ sent: 0, retried: 1, failed: 0 });
    await t.http().delete('/api/me').set('Authorization', r.auth).expect(204);

    t.setNow(seconds(t1, 10));
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await progressNotice(ticket.id, r);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'resident deleted their WeChat identity' });
    expect(sendCallsOf(ticket.id)).toHaveLength(3);
    expect(messagesOf(ticket.id)).toEqual([]);
  });

  it('keeps a sent notice sent when a request transaction open at the same time rolls back', async () => {
    const t0 = new Date('2026-06-17T01:00:00.000Z');
    const { r, ticket } = await consentingResident('notice-rollback', t0, [templates.progress]);
    t.setNow(seconds(t0, 60));
    await claim(ticket.id);
    while ((await t.app.get(NoticePlanner).plan()) > 0);

    // Some request's transaction (say a claim that lost its race) is open while the sender works, then rolls back.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = t.app.get(Db).transaction(async (em) => {
      await em.query('SELECT 1');
      await held;
      throw new Error('the request failed');
    });
    const sending = t.app.get(NoticeSender).sendDue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(request).rejects.toThrow('the request failed');
    expect(await sending).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(await progressNotice(ticket.id, r)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await work()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(messagesOf(ticket.id)).toHaveLength(1);
  });
});
