import { ErrorCode, StaffNotificationView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { FakeWecomHandle } from '../dev/fake-wecom.handle';
import { FakeWecom } from '../dev/fake-wecom.server';
import { Staff as StaffEntity } from '../staff/staff.entity';
import { Staff, call, createTicket, expectRefused, minutes, signIn } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { StaffNoticeWorker } from './staff-notice-worker.service';
import { StaffNotification } from './staff-notification.entity';
import { StaffNotices } from './staff-notices.service';

const seconds = (at: Date, n: number) => new Date(at.getTime() + n * 1000);

describe('staff notifications: the notification centre and WeCom delivery', () => {
  let t: TestApp;
  let wecom: FakeWecom;
  let zhou: Staff; // supervisor1, east, has a WeCom user id
  let wu: Staff; // supervisor2, west, has none
  let agent: Staff;
  beforeAll(async () => {
    t = await startTestApp({ STAFF_APP_URL: 'https://staff.example.cn' });
    wecom = t.app.get(FakeWecomHandle).fake;
    [zhou, wu, agent] = await Promise.all(['supervisor1', 'supervisor2', 'agent1'].map((u) => signIn(t, u)));
    await setWecomUserId('supervisor1', 'zhouzhuguan');
    t.setNow(new Date('2026-08-01T02:00:00.000Z'));
  });
  afterAll(() => t.close());

  const setWecomUserId = (username: string, wecomUserId: string | null) =>
    t.app.get(DataSource).getRepository(StaffEntity).update({ username }, { wecomUserId });
  const row = (staffId: number, dedupeKey: string) =>
    t.app.get(DataSource).getRepository(StaffNotification).findOneByOrFail({ staffId, dedupeKey });
  const list = async (who: Staff, query = ''): Promise<StaffNotificationView[]> =>
    (await t.http().get(`/api/staff/notifications${query}`).set('Authorization', who.auth).expect(200)).body;
  const read = (who: Staff, id: number) =>
    t.http().post(`/api/staff/notifications/${id}/read`).set('Authorization', who.auth);
  const notify = (ids: number[], key: string, title = '测试通知') =>
    t.app.get(StaffNotices).notify(ids, { kind: 'test', title, body: '正文', ticketId: 7 }, key);
  const send = () => t.app.get(StaffNoticeWorker).runOnce();
  const wecomTo = (touser: string) => wecom.messages().filter((m) => m.touser === touser);

  it('adds one notification per staff member and cause, each sees only their own', async () => {
    expect(await notify([zhou.staff.id, agent.staff.id, zhou.staff.id], 'test:1', '第一条')).toBe(2);
    expect(await notify([zhou.staff.id, agent.staff.id], 'test:1', '第一条')).toBe(0);
    const mine = await list(zhou);
    expect(mine.map((n) => [n.title, n.body, n.ticketId, n.url, n.readAt])).toEqual([
      ['第一条', '正文', 7, '/staff/ticket/index?id=7', null],
    ]);
    expect((await list(agent)).map((n) => n.id)).not.toContain(mine[0].id);
    expect(await list(wu)).toEqual([]);
  });

  it('sends a WeCom card once to a staff member with a WeCom user id, and none to one without', async () => {
    await notify([zhou.staff.id, agent.staff.id], 'test:2', '第二条');
    await send();
    await send();
    expect(wecomTo('zhouzhuguan').map((m) => [m.title, m.url])).toEqual([
      ['第一条', 'https://staff.example.cn/#/staff/ticket/index?id=7'],
      ['第二条', 'https://staff.example.cn/#/staff/ticket/index?id=7'],
    ]);
    expect(wecom.messages()).toHaveLength(2);
    expect(await row(zhou.staff.id, 'test:2')).toMatchObject({ delivery: 'sent', attempts: 1 });
    expect(await row(agent.staff.id, 'test:2')).toMatchObject({ delivery: 'none', sentAt: null });
  });

  it('retries a busy WeCom after the backoff, keeping the reason meanwhile', async () => {
    const t0 = new Date('2026-08-03T03:00:00.000Z');
    t.setNow(t0);
    await notify([zhou.staff.id], 'test:3');
    wecom.failNext(1, -1);
    expect(await send()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row(zhou.staff.id, 'test:3')).toMatchObject({ delivery: 'pending', attempts: 1 });
    expect((await row(zhou.staff.id, 'test:3')).lastError).toMatch(/^errcode -1: system is busy/);
    t.setNow(seconds(t0, 9));
    expect(await send()).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.setNow(seconds(t0, 10));
    expect(await send()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await row(zhou.staff.id, 'test:3')).toMatchObject({ delivery: 'sent', attempts: 2 });
  });

  it('gives up at once on an invalid user, and after 5 tries on a busy one, keeping the reason', async () => {
    const t0 = new Date('2026-08-03T04:00:00.000Z');
    t.setNow(t0);
    await setWecomUserId('supervisor2', 'unknown-wu');
    await notify([wu.staff.id], 'test:4');
    expect(await send()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row(wu.staff.id, 'test:4')).toMatchObject({ delivery: 'failed', attempts: 1 });
    expect((await row(wu.staff.id, 'test:4')).givenUpReason).toMatch(/^errcode 81013/);
    await setWecomUserId('supervisor2', null);

    const before = wecom.messages().length;
    await notify([zhou.staff.id], 'test:5');
    wecom.failNext(5, 45009);
    for (let i = 0; i < 5; i++) {
      t.setNow(seconds(t0, 1000 * (i + 1)));
      await send();
    }
    const given = await row(zhou.staff.id, 'test:5');
    expect(given).toMatchObject({ delivery: 'failed', attempts: 5, sentAt: null });
    expect(given.givenUpReason).toMatch(/^gave up after 5 attempts: errcode 45009/);
    expect(wecom.messages()).toHaveLength(before);
    // The centre still has it, whatever happened to the WeCom copy.
    expect((await list(zhou)).some((n) => n.id === given.id)).toBe(true);
  });

  it('marks read once, filters unread, and answers 404 for another staff member’s notification', async () => {
    const [first] = await list(zhou);
    const unreadBefore = (await list(zhou, '?unread=true')).length;
    t.setNow(new Date('2026-08-03T05:00:00.000Z'));
    const res = await read(zhou, first.id).expect(201);
    expect(res.body).toMatchObject({ id: first.id, readAt: '2026-08-03T05:00:00.000Z' });
    t.setNow(new Date('2026-08-03T06:00:00.000Z'));
    expect((await read(zhou, first.id).expect(201)).body.readAt).toBe('2026-08-03T05:00:00.000Z');
    const unread = await list(zhou, '?unread=true');
    expect(unread).toHaveLength(unreadBefore - 1);
    expect(unread.every((n) => n.readAt === null)).toBe(true);
    expect((await list(zhou)).find((n) => n.id === first.id)?.readAt).toBe('2026-08-03T05:00:00.000Z');

    expectRefused(await read(agent, first.id), 404, ErrorCode.NotFound);
    expectRefused(await read(zhou, 999_999), 404, ErrorCode.NotFound);
    expect((await list(zhou)).find((n) => n.id === first.id)?.readAt).toBe('2026-08-03T05:00:00.000Z');
    await t.http().get('/api/staff/notifications').expect(401);
    expectRefused(
      await t.http().get('/api/staff/notifications?unread=yes').set('Authorization', zhou.auth),
      400,
      ErrorCode.ValidationFailed,
    );
  });

  it('tells the supervisors of the ticket’s district when the sweeper records a breach, once', async () => {
    const t0 = new Date('2026-08-04T02:00:00.000Z');
    t.setNow(t0);
    // A phone call is accepted as it is taken: only the contact clock (nobody called back) breaches.
    const ticket = await createTicket(t, agent.auth, call());
    t.setNow(minutes(t0, 31));
    expect((await t.sweep()).breached).toBe(1);
    await t.sweep();
    const breach = (await list(zhou)).filter((n) => n.kind === 'sla_breach');
    expect(breach).toHaveLength(1);
    expect(breach[0]).toMatchObject({ ticketId: ticket.id, url: `/staff/ticket/index?id=${ticket.id}`, readAt: null });
    expect(breach[0].title).toContain('超时');
    expect(breach[0].body).toContain('联系用户已超时');
    // The west district's supervisor and the agent are not told.
    expect((await list(wu)).filter((n) => n.kind === 'sla_breach')).toEqual([]);
    expect((await list(agent)).filter((n) => n.kind === 'sla_breach')).toEqual([]);

    await send();
    expect(wecomTo('zhouzhuguan').filter((m) => m.title === breach[0].title)).toHaveLength(1);
  });
});
