import { ErrorCode, NoticeTemplates } from '@utility/shared';
import { DataSource } from 'typeorm';
import { EAST_HEAT_ACCOUNT, expectRefused } from '../testing/api-fixtures';
import {
  Resident,
  bindAccount,
  countRows,
  fakeWechat,
  noticeTemplates,
  openidOf,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { NoticeOutbox, NoticeRequest } from './notice-outbox.service';
import { NoticeSender } from './notice-sender.service';
import { Notice } from './notice.entity';

const hours = (at: Date, n: number) => new Date(at.getTime() + n * 3600_000);

/** Notices about a resident's accounts rather than a ticket (bill due, arrears, reminders). */
describe('the outbox for notices outside the ticket timeline', () => {
  let t: TestApp;
  let bob: Resident;
  let templates: NoticeTemplates;
  beforeAll(async () => {
    t = await startTestApp();
    bob = await residentLogin(t, 'outbox-bob');
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
    templates = await noticeTemplates(t);
  });
  afterAll(() => t.close());

  const consent = (templateIds: unknown, auth = bob.auth) =>
    t.http().post('/api/my/subscriptions').set('Authorization', auth).send({ templateIds });
  const billDue = (key: string, sendAt?: Date): NoticeRequest => ({
    dedupeKey: key,
    residentId: bob.resident.id,
    ticketId: null,
    templateId: templates.billDue,
    page: 'packages/pay/bills',
    data: { thing1: { value: '十月燃气费' }, amount2: { value: '¥86.40' } },
    sendAt,
  });
  const notice = (key: string) => t.app.get(DataSource).getRepository(Notice).findOneByOrFail({ dedupeKey: key });
  const sentTo = async (openid: string | null) =>
    fakeWechat(t)
      .messages()
      .filter((m) => m.touser === openid);

  it('skips a notice the resident gave no consent for, and says why', async () => {
    expect(await t.app.get(NoticeOutbox).enqueue(billDue('bill-due:1'))).toBe(true);
    expect(await notice('bill-due:1')).toMatchObject({ status: 'skipped', lastError: 'no consent for this template' });
  });

  it('sends against an account-wide consent once, and not before its time', async () => {
    await consent([templates.billDue]).expect(201);
    const sendAt = hours(t.currentTime(), 2);
    await t.app.get(NoticeOutbox).enqueue(billDue('bill-due:2', sendAt));
    expect(await t.app.get(NoticeOutbox).enqueue(billDue('bill-due:2', sendAt))).toBe(false);
    expect(await countRows(t, 'notice', { dedupeKey: 'bill-due:2' })).toBe(1);

    const openid = await openidOf(t, bob.resident.id);
    await t.app.get(NoticeSender).sendDue();
    expect(await sentTo(openid)).toHaveLength(0);
    t.setNow(hours(sendAt, 0.01));
    await t.app.get(NoticeSender).sendDue();
    const sent = await sentTo(openid);
    expect(sent.map((m) => [m.templateId, m.page])).toEqual([[templates.billDue, 'packages/pay/bills']]);
    expect(await notice('bill-due:2')).toMatchObject({ status: 'sent' });
  });

  it('uses each consent for one message only', async () => {
    await t.app.get(NoticeOutbox).enqueue(billDue('bill-due:3'));
    expect(await notice('bill-due:3')).toMatchObject({ status: 'skipped' });
  });

  it('refuses unknown templates and a missing token, recording nothing', async () => {
    const before = await countRows(t, 'subscription_consent');
    expectRefused(await consent(['TPL_NOT_OURS']), 400, ErrorCode.ValidationFailed);
    expectRefused(
      await t
        .http()
        .post('/api/my/subscriptions')
        .send({ templateIds: [templates.arrears] }),
      401,
      ErrorCode.Unauthenticated,
    );
    expect(await countRows(t, 'subscription_consent')).toBe(before);
  });
});
