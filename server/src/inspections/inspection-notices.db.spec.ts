import { NoticeTemplates } from '@utility/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { login } from '../testing/api-fixtures';
import { MONDAY, createPlan, districtOf, slotsOf } from '../testing/inspection-fixtures';
import {
  Resident,
  bindAccount,
  fakeWechat,
  noticeTemplates,
  openidOf,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';
import { NoticeSender } from '../notifications/notice-sender.service';
import { InspectionReminderJob } from './inspection-reminder.job';

const ACCOUNTS = { alice: '9100000003', bob: '9100000004', carol: '9100000005' };
type Name = keyof typeof ACCOUNTS;
interface Household {
  r: Resident;
  accountId: number;
  bookingId?: number;
  ticketId?: number;
}

/** The resident's inspection notices: the day-before reminder, nobody home, a cancelled plan; only with consent. */
describe('inspection notices (template inspection, consent per booking ticket)', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let supervisor: string;
  let templates: NoticeTemplates;
  const home = {} as Record<Name, Household>;

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow(MONDAY);
    second = await startSecondInstance(t);
    supervisor = await login(t, 'supervisor1');
    templates = await noticeTemplates(t);
    for (const name of Object.keys(ACCOUNTS) as Name[]) {
      const r = await residentLogin(t, `notice-${name}`);
      const [{ id }] = await bindAccount(t, r, ACCOUNTS[name]);
      home[name] = { r, accountId: id };
    }
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const book = async (name: Name, slotId: number) => {
    const res = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', home[name].r.auth)
      .send({ accountId: home[name].accountId, slotId });
    expect(res.status).toBe(201);
    Object.assign(home[name], { bookingId: res.body.id, ticketId: res.body.ticket.id });
  };
  const consent = (name: Name) =>
    t
      .http()
      .post(`/api/my/tickets/${home[name].ticketId}/subscriptions`)
      .set('Authorization', home[name].r.auth)
      .send({ templateIds: [templates.inspection] })
      .expect(201);
  /** What reached each resident's WeChat since the last call, after the sender ran. */
  let seen = 0;
  const delivered = async (): Promise<Record<Name, string[][]>> => {
    await t.app.get(NoticeSender).sendDue();
    const all = fakeWechat(t).messages();
    const fresh = all.slice(seen).filter((m) => m.templateId === templates.inspection);
    seen = all.length;
    const out = {} as Record<Name, string[][]>;
    for (const name of Object.keys(ACCOUNTS) as Name[]) {
      const openid = await openidOf(t, home[name].r.resident.id);
      out[name] = fresh
        .filter((m) => m.touser === openid)
        .map((m) => [m.page ?? '', ...Object.values(m.data).map((d) => d.value)]);
    }
    return out;
  };

  it('reminds the day before, once across runs and instances, only with consent, never for a cancelled booking', async () => {
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, ACCOUNTS.alice) });
    const [wed] = await slotsOf(t, home.alice.r, home.alice.accountId, plan.id);
    for (const name of ['alice', 'bob', 'carol'] as Name[]) await book(name, wed.id);
    await consent('alice');
    await consent('carol');
    const cancelled = await t
      .http()
      .post(`/api/inspections/${home.carol.bookingId}/cancel`)
      .set('Authorization', home.carol.r.auth)
      .send({});
    expect(cancelled.status).toBe(200);

    const jobs = [t.app.get(InspectionReminderJob), second.get(InspectionReminderJob)];
    expect(await jobs[0].run()).toBe(0); // Monday: Wednesday is not tomorrow yet
    expect(await delivered()).toEqual({ alice: [], bob: [], carol: [] });

    t.setNow(new Date('2026-12-08T01:00:00Z')); // Tuesday 09:00 Shanghai
    const queued = await Promise.all([jobs[0].run(), jobs[1].run()]);
    queued.push(await jobs[1].run(), await jobs[0].run());
    expect(queued.reduce((a, b) => a + b)).toBe(2); // alice's, and bob's kept as skipped (no consent)
    const page = `/packages/inspection/index?bookingId=${home.alice.bookingId}`;
    expect(await delivered()).toEqual({ alice: [[page, '明日上门安检', '2026-12-09 上午']], bob: [], carol: [] });
  });

  it('tells the resident when the inspector found nobody home', async () => {
    await consent('alice');
    t.setNow(new Date('2026-12-09T02:00:00Z'));
    const inspector = await login(t, 'inspector1');
    const res = await t
      .http()
      .post(`/api/field/inspections/${home.alice.ticketId}/result`)
      .set('Authorization', inspector)
      .send({ outcome: 'nobody_home' });
    expect(res.status).toBe(200);
    expect((await delivered()).alice.map((m) => m[1])).toEqual(['上门安检未遇，请重新预约']);
  });

  it('tells each resident of a cancelled plan once', async () => {
    t.setNow(MONDAY);
    const plan = await createPlan(t, supervisor, {
      districtId: await districtOf(t, ACCOUNTS.alice),
      startDate: '2026-12-14',
      endDate: '2026-12-15',
    });
    const [mon, tue] = await slotsOf(t, home.alice.r, home.alice.accountId, plan.id);
    await book('alice', mon.id);
    await book('bob', tue.id);
    await consent('alice');
    await consent('bob');
    await consent('bob'); // a second consent must not bring a second message
    const cancel = () =>
      t
        .http()
        .post(`/api/staff/inspection-plans/${plan.id}/cancel`)
        .set('Authorization', supervisor)
        .send({ reason: '管网施工' });
    expect((await cancel()).status).toBe(200);
    expect((await cancel()).status).toBe(409);
    const told = await delivered();
    expect([told.alice, told.bob].map((ms) => ms.map((m) => m[1]))).toEqual([
      ['安检计划已取消：管网施工'],
      ['安检计划已取消：管网施工'],
    ]);
    expect(told.carol).toEqual([]);
  });
});
