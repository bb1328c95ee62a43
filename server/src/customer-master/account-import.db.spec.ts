import { ACCOUNT_IMPORT_COLUMNS, ErrorCode, ImportJobView, NoticeTemplates } from '@utility/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { Notice } from '../notifications/notice.entity';
import { AccountBinding } from '../residents/account-binding.entity';
import { EndedBinding } from '../residents/ended-binding.entity';
import { Staff, expectRefused, signIn } from '../testing/api-fixtures';
import { bindAccount, myAccounts, noticeTemplates, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { IMPORT_CONTENT_TYPES } from '../common/import-body';

const XLSX_TYPE = IMPORT_CONTENT_TYPES.xlsx;

const HEADER = ACCOUNT_IMPORT_COLUMNS.map((c) => c.header).join(',');
// 户号,户主姓名,地址,业务类型,片区,站点,表号,供热面积,用户类型,重点用户,缴费方式,预留手机号,表具类型
const line = (no: string, holder = '赵一', extra: Partial<Record<'area' | 'phone' | 'key' | 'address', string>> = {}) =>
  [
    no,
    holder,
    extra.address ?? `城东区新华路${no.slice(-3)}号`,
    '供热',
    '城东片区',
    'east-heat',
    `M${no}`,
    extra.area ?? '88.5',
    '居民',
    extra.key ?? '否',
    '后付费',
    extra.phone ?? '13900001111',
    '',
  ].join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

/** docs/domain.md: the customer master — import all or nothing, re-import updates, 过户 ends bindings. */
describe('customer master import', () => {
  let t: TestApp;
  let admin: Staff;
  let templates: NoticeTemplates;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    templates = await noticeTemplates(t);
  });
  afterAll(() => t.close());

  const upload = (body: string | Buffer, type = 'text/csv') =>
    t.http().post('/api/admin/accounts/import').set('Authorization', admin.auth).set('Content-Type', type).send(body);

  /** Uploads and polls the job as the admin page does, until it has finished. */
  async function importFile(body: string | Buffer, type = 'text/csv'): Promise<ImportJobView> {
    const res = await upload(body, type);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ jobId: expect.any(String) });
    for (let i = 0; i < 200; i++) {
      const job = await t.http().get(`/api/admin/imports/${res.body.jobId}`).set('Authorization', admin.auth);
      expect(job.status).toBe(200);
      if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  const account = (accountNo: string) => t.app.get(DataSource).getRepository(Account).findOneBy({ accountNo });
  const getAccount = (accountNo: string) =>
    t.http().get(`/api/admin/accounts/${accountNo}`).set('Authorization', admin.auth);

  it('a file with one bad line imports nothing and reports the line', async () => {
    const job = await importFile(
      csv(line('9300000001'), line('9300000002', '钱二', { area: 'abc' }), line('9300000003')),
    );
    expect(job).toMatchObject({ status: 'failed', total: 3, errorCount: 1 });
    expect(job.errors).toEqual([
      { line: 3, column: '供热面积', code: 'INVALID_FORMAT', message: expect.stringContaining('abc') },
    ]);
    expect(await account('9300000001')).toBeNull();
    expect(await account('9300000003')).toBeNull();
  });

  it('reports a 户号 twice in the file, and a file without the required columns', async () => {
    const twice = await importFile(csv(line('9300000011'), line('9300000011', '孙三')));
    expect(twice.errors).toEqual([expect.objectContaining({ line: 3, column: '户号', code: 'DUPLICATE' })]);
    const noColumns = await importFile('户号,户主姓名\n9300000012,李四\n');
    expect(noColumns.status).toBe('failed');
    expect(noColumns.errors).toContainEqual(
      expect.objectContaining({ line: 1, column: '地址', code: 'HEADER_MISSING' }),
    );
    expect(await account('9300000011')).toBeNull();
  });

  it('imports every line, then a re-import updates what changed and leaves the rest', async () => {
    const first = await importFile(csv(line('9300000021'), line('9300000022', '周五', { key: '是' })));
    expect(first).toMatchObject({ status: 'done', processed: 2, total: 2, created: 2, updated: 0, errors: [] });
    const created = await getAccount('9300000022');
    expect(created.body).toMatchObject({
      accountNo: '9300000022',
      holderName: '周五',
      utility: 'heating',
      districtName: '城东片区',
      stationName: '东城供热站',
      meterNo: 'M9300000022',
      heatedArea: '88.50',
      usageType: 'residential',
      keyCustomer: true,
      paymentMode: 'postpaid',
      phone: '139****1111',
      active: true,
    });
    // Encrypted at rest.
    const [raw] = await t.app.get(DataSource).query("SELECT phone FROM account WHERE accountNo = '9300000022'");
    expect(raw.phone).toMatch(/^v1:/);

    const again = await importFile(
      csv(line('9300000021'), line('9300000022', '周五', { address: '城东区新华路改1号', area: '90' })),
    );
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 1, holderChanges: 0 });
    expect((await getAccount('9300000022')).body).toMatchObject({ address: '城东区新华路改1号', heatedArea: '90.00' });
    // An account not in the file is untouched.
    expect((await account('9100000001'))!.holderName).toBeTruthy();

    const log = await t
      .http()
      .get('/api/admin/audit?subjectType=account&limit=10')
      .set('Authorization', admin.auth)
      .expect(200);
    expect(log.body).toContainEqual(
      expect.objectContaining({
        action: 'account.import',
        staffName: admin.staff.name,
        after: { total: 2, created: 0, updated: 1, unchanged: 1, holderChanges: 0 },
      }),
    );
  });

  it('imports an XLSX sheet, numbers typed as numbers included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('用户');
    sheet.addRow(ACCOUNT_IMPORT_COLUMNS.map((c) => c.header));
    sheet.addRow([
      9300000031,
      '吴六',
      '城西区和平街8号',
      '燃气',
      'west',
      '西城供热站',
      'G-31',
      '',
      '非居民',
      '是',
      '预付费',
      13700002222,
    ]);
    sheet.addRow([
      9300000032,
      '郑七',
      '城西区和平街9号',
      '电力',
      '城西片区',
      'west-heat',
      null,
      null,
      '居民',
      null,
      '后付费',
      null,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(buffer, XLSX_TYPE);
    expect(job).toMatchObject({ status: 'done', created: 2, total: 2 });
    expect((await getAccount('9300000031')).body).toMatchObject({
      utility: 'gas',
      usageType: 'commercial',
      keyCustomer: true,
      paymentMode: 'prepaid',
      phone: '137****2222',
      heatedArea: null,
    });
    expect((await getAccount('9300000032')).body).toMatchObject({ utility: 'power', meterNo: null, phone: null });
  });

  it('reports the bad line of an XLSX sheet with its row number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('用户');
    sheet.addRow(ACCOUNT_IMPORT_COLUMNS.map((c) => c.header));
    sheet.addRow([
      9300000041,
      '王八',
      '城西区和平街1号',
      '燃气',
      'west',
      'west-heat',
      '',
      '',
      '居民',
      '',
      '后付费',
      '',
    ]);
    sheet.addRow([9300000042, '', '城西区和平街2号', '燃气', 'west', 'east-heat', '', '', '居民', '', '后付费', '']);
    const job = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      expect.objectContaining({ line: 3, column: '户主姓名', code: 'REQUIRED' }),
      expect.objectContaining({ line: 3, column: '站点', code: 'MISMATCH' }),
    ]);
    expect(await account('9300000041')).toBeNull();
  });

  it('a GBK-encoded CSV (Excel on Chinese Windows) reads the same', async () => {
    const gbk = Buffer.from(
      // '户号,户主姓名,…' in GB18030, produced with the one encoder Node has for it: TextDecoder's inverse table.
      encodeGb18030(csv(line('9300000051', '冯九'))),
    );
    const job = await importFile(gbk);
    expect(job).toMatchObject({ status: 'done', created: 1 });
    expect((await account('9300000051'))!.holderName).toBe('冯九');
  });

  it('a holder change (过户) keeps the history, ends every binding to the account and tells the residents', async () => {
    await importFile(csv(line('9300000061', '陈十')));
    const bob = await residentLogin(t, 'master-bob');
    const carol = await residentLogin(t, 'master-carol');
    for (const r of [bob, carol]) {
      const res = await t
        .http()
        .post('/api/accounts/bind')
        .set('Authorization', r.auth)
        .send({ accountNo: '9300000061', holderName: '陈十', secondFact: '1111' });
      expect(res.status).toBe(201);
    }
    await bindAccount(t, carol, '9100000003');
    await t
      .http()
      .post('/api/my/subscriptions')
      .set('Authorization', bob.auth)
      .send({ templateIds: [templates.accountChange] })
      .expect(201);

    const job = await importFile(csv(line('9300000061', '陈十一')));
    expect(job).toMatchObject({ status: 'done', updated: 1, holderChanges: 1 });

    expect((await myAccounts(t, bob)).map((a) => a.accountNo)).toEqual([]);
    const carols = await myAccounts(t, carol);
    expect(carols.map((a) => [a.accountNo, a.isDefault])).toEqual([['9100000003', true]]);
    // Kept as history, with why it ended.
    expect(await t.app.get(DataSource).getRepository(AccountBinding).findBy({ residentId: bob.resident.id })).toEqual(
      [],
    );
    const ended = await t.app.get(DataSource).getRepository(EndedBinding).findBy({ residentId: bob.resident.id });
    expect(ended).toEqual([expect.objectContaining({ reason: '过户', endedAt: expect.any(Date) })]);

    const notices = await t.app
      .get(DataSource)
      .getRepository(Notice)
      .find({ where: { templateId: templates.accountChange }, order: { id: 'ASC' } });
    expect(notices.map((n) => [n.residentId, n.status])).toEqual([
      [bob.resident.id, 'pending'],
      [carol.resident.id, 'skipped'],
    ]);
    expect(notices[0].data.character_string1).toEqual({ value: '9300000061' });

    const view = await getAccount('9300000061');
    expect(view.body.holderName).toBe('陈十一');
    expect(view.body.holderHistory).toEqual([
      { holderName: '陈十', from: expect.any(String), to: expect.any(String), changedBy: admin.staff.name },
    ]);
    // The new holder's residents bind with the new name; the old name no longer matches.
    const stale = await t
      .http()
      .post('/api/accounts/bind')
      .set('Authorization', bob.auth)
      .send({ accountNo: '9300000061', holderName: '陈十', secondFact: '1111' });
    expectRefused(stale, 422, ErrorCode.BindMismatch);
    const rebound = await t
      .http()
      .post('/api/accounts/bind')
      .set('Authorization', bob.auth)
      .send({ accountNo: '9300000061', holderName: '陈十一', secondFact: '1111' });
    expect(rebound.status).toBe(201);
    expect(rebound.body.map((a: { accountNo: string }) => a.accountNo)).toEqual(['9300000061']);
  });

  it('refuses an upload that is neither CSV nor XLSX, and a second import while one runs is told to wait', async () => {
    const json = await t
      .http()
      .post('/api/admin/accounts/import')
      .set('Authorization', admin.auth)
      .send({ accounts: [] });
    expectRefused(json, 415, ErrorCode.ValidationFailed);
    const notZip = await upload(Buffer.from('not a spreadsheet'), XLSX_TYPE);
    expectRefused(notZip, 415, ErrorCode.ValidationFailed);
  });

  it('is for admins only', async () => {
    const supervisor = await signIn(t, 'supervisor1');
    const res = await t
      .http()
      .post('/api/admin/accounts/import')
      .set('Authorization', supervisor.auth)
      .set('Content-Type', 'text/csv')
      .send(csv(line('9300000071')));
    expectRefused(res, 403, ErrorCode.Forbidden);
    expectRefused(
      await t.http().get('/api/admin/accounts/9100000001').set('Authorization', supervisor.auth),
      403,
      ErrorCode.Forbidden,
    );
    expect((await t.http().get('/api/admin/imports/x').set('Authorization', supervisor.auth)).status).toBe(403);
    expect((await t.http().post('/api/admin/accounts/import').set('Content-Type', 'text/csv').send('x')).status).toBe(
      401,
    );
    expect(await account('9300000071')).toBeNull();
  });
});

/** GB18030 bytes of a string, from TextDecoder's table (Node has no GB encoder of its own). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    if (!table.size) {
      for (let hi = 0x81; hi <= 0xfe; hi++)
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const c = decoder.decode(Uint8Array.of(hi, lo));
          if (!table.has(c)) table.set(c, [hi, lo]);
        }
    }
    const code = table.get(char);
    if (!code) throw new Error(`no GBK code for ${char}`);
    bytes.push(...code);
  }
  return Buffer.from(bytes);
}
