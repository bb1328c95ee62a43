import { ErrorCode, NoticeTemplates } from '@utility/shared';
import { DataSource } from 'typeorm';
import { Notice } from '../notifications/notice.entity';
import { Staff, expectRefused, signIn } from '../testing/api-fixtures';
import {
  bindAccount,
  bindBody,
  holderOf,
  myAccounts,
  noticeTemplates,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** docs/domain.md: admins look up, edit and deactivate single accounts; every change is in the change log. */
describe('admin accounts', () => {
  let t: TestApp;
  let admin: Staff;
  let templates: NoticeTemplates;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    templates = await noticeTemplates(t);
  });
  afterAll(() => t.close());

  const get = (accountNo: string) => t.http().get(`/api/admin/accounts/${accountNo}`).set('Authorization', admin.auth);
  const patch = (accountNo: string, body: object) =>
    t.http().patch(`/api/admin/accounts/${accountNo}`).set('Authorization', admin.auth).send(body);
  const changes = async (accountNo: string) =>
    (
      await t
        .http()
        .get(`/api/admin/audit?subjectType=account&subjectId=${accountNo}`)
        .set('Authorization', admin.auth)
        .expect(200)
    ).body;

  it('finds accounts by 户号 prefix, holder or address fragment, paged', async () => {
    const byPrefix = await t
      .http()
      .get('/api/admin/accounts?q=91000000&pageSize=5&page=2')
      .set('Authorization', admin.auth);
    expect(byPrefix.status).toBe(200);
    // The 50 demo accounts, the 2 prepaid ones (seed/demo-organisation.ts) and the 2 power ones (seed/demo-power.service.ts).
    expect(byPrefix.body).toMatchObject({ total: 54, page: 2, pageSize: 5 });
    expect(byPrefix.body.items.map((a: { accountNo: string }) => a.accountNo)).toEqual([
      '9100000006',
      '9100000007',
      '9100000008',
      '9100000009',
      '9100000010',
    ]);
    const holder = holderOf('9100000007');
    const byHolder = await t
      .http()
      .get(`/api/admin/accounts?q=${encodeURIComponent(holder)}`)
      .set('Authorization', admin.auth);
    expect(byHolder.body.items.map((a: { accountNo: string }) => a.accountNo)).toContain('9100000007');
    const byAddress = await t
      .http()
      .get(`/api/admin/accounts?q=${encodeURIComponent('城西区')}`)
      .set('Authorization', admin.auth);
    // Half the 50 households and one of the power accounts are in 城西区.
    expect(byAddress.body.total).toBe(26);
    const wildcard = await t.http().get('/api/admin/accounts?q=%25').set('Authorization', admin.auth);
    expect(wildcard.body.total).toBe(0);
  });

  it('shows one account in full, the phone masked; the full phone only through a logged reveal', async () => {
    await patch('9100000004', { phone: '13612345678' }).expect(200);
    const res = await get('9100000004');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accountNo: '9100000004', phone: '136****5678', active: true, holderHistory: [] });
    const reveal = await t.http().post('/api/admin/accounts/9100000004/reveal-phone').set('Authorization', admin.auth);
    expect(reveal.body).toEqual({ phone: '13612345678' });
    const log = await t.http().get('/api/admin/personal-data-access').set('Authorization', admin.auth);
    expect(log.body[0]).toMatchObject({ subjectType: 'account', field: 'phone', staffName: admin.staff.name });
  });

  it('answers 404 for an unknown number', async () => {
    expectRefused(await get('9199999999'), 404, ErrorCode.AccountNotFound);
    expectRefused(await patch('9199999999', { address: '某地' }), 404, ErrorCode.AccountNotFound);
  });

  it('edits fields and records who changed what, before and after', async () => {
    const res = await patch('9100000005', { address: '城东区幸福路99号', keyCustomer: true, paymentMode: 'prepaid' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ address: '城东区幸福路99号', keyCustomer: true, paymentMode: 'prepaid' });
    const [change] = await changes('9100000005');
    expect(change).toMatchObject({
      action: 'account.update',
      staffName: admin.staff.name,
      before: { keyCustomer: false, paymentMode: 'postpaid' },
      after: { address: '城东区幸福路99号', keyCustomer: true, paymentMode: 'prepaid' },
    });
  });

  it('refuses a station of another district, an area on a gas account, unknown fields, and changes nothing', async () => {
    const before = (await get('9100000001')).body;
    expectRefused(await patch('9100000001', { stationId: 999 }), 422, ErrorCode.ValidationFailed);
    const west = (await get('9100000030')).body.stationId;
    expectRefused(await patch('9100000001', { stationId: west }), 422, ErrorCode.ValidationFailed);
    expectRefused(await patch('9100000001', { heatedArea: '80' }), 422, ErrorCode.ValidationFailed);
    expectRefused(await patch('9100000001', { balance: 5 }), 400, ErrorCode.ValidationFailed);
    expectRefused(await patch('9100000001', {}), 400, ErrorCode.ValidationFailed);
    expect((await get('9100000001')).body).toEqual(before);
  });

  it('a new holder by edit is a 过户: history kept, bindings ended, the resident told', async () => {
    const dan = await residentLogin(t, 'admin-accounts-dan');
    await bindAccount(t, dan, '9100000008');
    await t
      .http()
      .post('/api/my/subscriptions')
      .set('Authorization', dan.auth)
      .send({ templateIds: [templates.accountChange] })
      .expect(201);
    const former = holderOf('9100000008');
    const res = await patch('9100000008', { holderName: '新户主' });
    expect(res.status).toBe(200);
    expect(res.body.holderHistory).toEqual([expect.objectContaining({ holderName: former })]);
    expect(await myAccounts(t, dan)).toEqual([]);
    const notice = await t
      .http()
      .get('/api/admin/audit?subjectType=account&subjectId=9100000008')
      .set('Authorization', admin.auth);
    expect(notice.body[0]).toMatchObject({
      action: 'account.transfer',
      before: { holderName: former },
      after: { holderName: '新户主' },
    });
    const queued = await t.app
      .get(DataSource)
      .getRepository(Notice)
      .findBy({ residentId: dan.resident.id, templateId: templates.accountChange });
    expect(queued.map((n) => n.status)).toEqual(['pending']);
  });

  it('deactivates an account: it can no longer be bound, and the change is logged', async () => {
    const res = await patch('9100000009', { active: false });
    expect(res.body.active).toBe(false);
    expect((await changes('9100000009'))[0]).toMatchObject({
      action: 'account.deactivate',
      before: { active: true },
      after: { active: false },
    });
    const erin = await residentLogin(t, 'admin-accounts-erin');
    const bind = await t.http().post('/api/accounts/bind').set('Authorization', erin.auth).send(bindBody('9100000009'));
    expectRefused(bind, 422, ErrorCode.BindMismatch);
  });

  it('is for admins only', async () => {
    const agent = await signIn(t, 'agent1');
    expectRefused(
      await t.http().get('/api/admin/accounts?q=9100').set('Authorization', agent.auth),
      403,
      ErrorCode.Forbidden,
    );
    expectRefused(
      await t.http().patch('/api/admin/accounts/9100000010').set('Authorization', agent.auth).send({ active: false }),
      403,
      ErrorCode.Forbidden,
    );
    expect((await get('9100000010')).body.active).toBe(true);
  });
});
