import { NoticeTemplates } from '@utility/shared';
import { DataSource, In, Not } from 'typeorm';
import { Bill } from '../billing/bill.entity';
import { EAST_HEAT_ACCOUNT } from '../testing/api-fixtures';
import { Resident, bindAccount, noticeTemplates, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { Notice } from '../notifications/notice.entity';
import { SubscriptionConsent } from '../notifications/subscription-consent.entity';
import { BillAlerts } from './bill-alerts.service';

/**
 * The demo seed bills October 2026 for every gas account, due 20 November. Bob (account 1) gave
 * account-wide consent to the bill alerts; Alice (account 3) gave none. One app for the file: after
 * each test the notices, the consents and the bills are as the demo seed left them.
 */
describe('resident bill alerts', () => {
  let t: TestApp;
  let bob: Resident;
  let alice: Resident;
  let templates: NoticeTemplates;
  let bills: Map<string, Bill>;
  let seededBillIds: number[];
  beforeAll(async () => {
    t = await startTestApp();
    templates = await noticeTemplates(t);
    bob = await residentLogin(t, 'alerts-bob');
    alice = await residentLogin(t, 'alerts-alice');
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
    await bindAccount(t, alice, '9100000003');
    const repo = t.app.get(DataSource).getRepository(Bill);
    bills = new Map((await repo.findBy({ period: '2026-10' })).map((b) => [b.accountNo, b]));
    seededBillIds = (await repo.find({ select: { id: true } })).map((b) => b.id);
  });
  afterEach(async () => {
    const ds = t.app.get(DataSource);
    await ds.createQueryBuilder().delete().from(Notice).execute();
    await ds.createQueryBuilder().delete().from(SubscriptionConsent).execute();
    const repo = ds.getRepository(Bill);
    await repo.delete({ id: Not(In(seededBillIds)) });
    for (const { id, status, paidAt } of bills.values()) await repo.update({ id }, { status, paidAt });
  });
  afterAll(() => t?.close());

  const consent = (r: Resident, templateIds: string[]) =>
    t.http().post('/api/my/subscriptions').set('Authorization', r.auth).send({ templateIds }).expect(201);
  const run = () => t.app.get(BillAlerts).run();
  const notices = async () =>
    (
      await t.app
        .get(DataSource)
        .getRepository(Notice)
        .find({ order: { id: 'ASC' } })
    ).map((n) => [n.dedupeKey, n.templateId, n.status]);
  const key = (kind: string, accountNo: string, r: Resident, step?: number) =>
    `${kind}:${bills.get(accountNo)!.id}:${r.resident.id}${step === undefined ? '' : `:d${step}`}`;

  it('bill due in three days: once per bill and resident, sent only with consent', async () => {
    t.setNow(new Date('2026-11-16T10:00:00+08:00'));
    await consent(bob, [templates.billDue]);
    expect(await run()).toEqual({ 'bill-due': 0, arrears: 0, 'usage-alert': 0 });
    t.setNow(new Date('2026-11-17T00:00:00+08:00'));
    expect(await run()).toEqual({ 'bill-due': 2, arrears: 0, 'usage-alert': 0 });
    expect(await run()).toEqual({ 'bill-due': 0, arrears: 0, 'usage-alert': 0 });
    expect(await notices()).toEqual([
      [key('bill-due', EAST_HEAT_ACCOUNT, bob), templates.billDue, 'pending'],
      [key('bill-due', '9100000003', alice), templates.billDue, 'skipped'],
    ]);
    const [notice] = await t.app
      .get(DataSource)
      .getRepository(Notice)
      .find({ order: { id: 'ASC' } });
    expect(notice).toMatchObject({
      ticketId: null,
      page: `packages/pay/detail?id=${bills.get(EAST_HEAT_ACCOUNT)!.id}`,
    });
    expect(notice.data).toMatchObject({
      character_string1: { value: EAST_HEAT_ACCOUNT },
      date4: { value: '2026-11-20' },
    });
  });

  it('arrears after the due date, unpaid bills only, once', async () => {
    t.setNow(new Date('2026-11-01T10:00:00+08:00'));
    await consent(bob, [templates.arrears]);
    await t.app
      .get(DataSource)
      .getRepository(Bill)
      .update({ id: bills.get('9100000003')!.id }, { status: 'paid', paidAt: new Date('2026-11-10T00:00:00Z') });
    t.setNow(new Date('2026-11-20T23:59:00+08:00'));
    expect((await run()).arrears).toBe(0);
    t.setNow(new Date('2026-11-21T00:00:00+08:00'));
    expect((await run()).arrears).toBe(1);
    expect((await run()).arrears).toBe(0);
    expect((await notices()).filter(([, templateId]) => templateId === templates.arrears)).toEqual([
      [key('arrears', EAST_HEAT_ACCOUNT, bob, 1), templates.arrears, 'pending'],
    ]);
  });

  it('arrears are reminded again on each day of ARREARS_REMINDER_DAYS (1,10,30), each step once', async () => {
    // WeChat's subscribe messages are one-time: Bob consents again before each reminder.
    const arrearsAt = async (at: string) => {
      t.setNow(new Date(`${at}T09:00:00+08:00`));
      await consent(bob, [templates.arrears]);
      return (await run()).arrears;
    };
    // Due 2026-11-20; two accounts (Bob's and Alice's) owe it.
    expect(await arrearsAt('2026-11-21')).toBe(2);
    expect(await arrearsAt('2026-11-29')).toBe(0);
    expect(await arrearsAt('2026-11-30')).toBe(2);
    expect(await arrearsAt('2026-11-30')).toBe(0);
    expect(await arrearsAt('2026-12-20')).toBe(2);
    expect(await arrearsAt('2026-12-27')).toBe(0);
    const sent = (await notices()).filter(([k]) =>
      String(k).startsWith(`arrears:${bills.get(EAST_HEAT_ACCOUNT)!.id}:`),
    );
    expect(sent).toEqual([
      [key('arrears', EAST_HEAT_ACCOUNT, bob, 1), templates.arrears, 'pending'],
      [key('arrears', EAST_HEAT_ACCOUNT, bob, 10), templates.arrears, 'pending'],
      [key('arrears', EAST_HEAT_ACCOUNT, bob, 30), templates.arrears, 'pending'],
    ]);
    const [last] = await t.app
      .get(DataSource)
      .getRepository(Notice)
      .findBy({ dedupeKey: sent[2][0] as string });
    expect(last.data.thing4).toEqual({ value: '已逾期30天，请尽快缴费' });
  });

  it('a bill first seen late gets the step reached, not every step missed; none after the last step and a week', async () => {
    t.setNow(new Date('2026-12-05T09:00:00+08:00')); // day 15
    expect((await run()).arrears).toBe(2);
    expect((await notices()).map(([k]) => String(k).replace(/^arrears:\d+:\d+:/, ''))).toEqual(['d10', 'd10']);
    t.setNow(new Date('2026-12-28T09:00:00+08:00')); // day 38: past 30 + 7
    expect((await run()).arrears).toBe(0);
  });

  it('usage over twice the same month last year alerts; within it does not', async () => {
    t.setNow(new Date('2026-11-05T10:00:00+08:00'));
    await consent(bob, [templates.usageAlert]);
    const repo = t.app.get(DataSource).getRepository(Bill);
    const october = (accountNo: string) => bills.get(accountNo)!;
    // Last October: account 1 used under half of this October; account 3 more than half.
    for (const [accountNo, volumeCentiM3] of [
      [EAST_HEAT_ACCOUNT, Math.floor(october(EAST_HEAT_ACCOUNT).volumeCentiM3 / 2) - 1],
      ['9100000003', Math.ceil(october('9100000003').volumeCentiM3 / 2)],
    ] as const) {
      const b = october(accountNo);
      await repo.insert({
        ...b,
        id: undefined,
        period: '2025-10',
        volumeCentiM3,
        status: 'paid',
        dueOn: '2025-11-20',
        createdAt: new Date('2025-11-01T00:00:00Z'),
        paidAt: new Date('2025-11-05T00:00:00Z'),
      });
    }
    expect((await run())['usage-alert']).toBe(1);
    expect((await run())['usage-alert']).toBe(0);
    const [notice] = await t.app.get(DataSource).getRepository(Notice).findBy({ templateId: templates.usageAlert });
    expect([notice.dedupeKey, notice.status]).toEqual([key('usage-alert', EAST_HEAT_ACCOUNT, bob), 'pending']);
    expect(notice.data.thing2.value).toMatch(/超去年同月2倍$/);
  });
});
