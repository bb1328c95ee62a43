import { ErrorCode, TicketType, TicketView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login, queueIdsByCode, signIn } from '../testing/api-fixtures';
import { lastReading, m3 } from '../testing/payment-fixtures';
import { countRows, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { MeterReading } from './meter-reading.entity';

/**
 * Meter readings as staff record and import them. The demo seed gives every gas account a billed reading on
 * 2026-10-31 and an October bill (its usual use); each test works on its own accounts.
 */
describe('meter readings', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const record = async (username: string, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, username))
      .send(body);
  const importCsv = async (csv: string, username = 'agent1') =>
    t
      .http()
      .post('/api/staff/meter-readings/import')
      .set('Authorization', await login(t, username))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const readingsOf = async (accountNo: string) => {
    const [account] = await t.app.get(DataSource).query('SELECT id FROM account WHERE accountNo = ?', [accountNo]);
    return t.app
      .get(DataSource)
      .getRepository(MeterReading)
      .find({ where: { accountId: account.id }, order: { readOn: 'ASC' } });
  };
  /** Open tickets of the district's billing queue, as an agent working it sees them. */
  const billingQueue = async (district: 'east' | 'west'): Promise<TicketView[]> => {
    const queues = await queueIdsByCode(t);
    const res = await t
      .http()
      .get(`/api/queues/${queues[`billing-${district}`]}/tickets`)
      .set('Authorization', await login(t, 'agent1'));
    expect(res.status).toBe(200);
    return res.body;
  };
  const everything = async () => ({
    readings: await countRows(t, 'meter_reading'),
    tickets: await countRows(t, 'ticket'),
  });

  it('a reading within the usual use is accepted, recorded by whom, and opens no ticket', async () => {
    const previous = await lastReading(t, '9100000027');
    const tickets = await countRows(t, 'ticket');
    const { staff } = await signIn(t, 'agent1');

    const res = await record('agent1', {
      accountNo: '9100000027',
      readOn: '2026-11-20',
      value: m3(previous.valueCentiM3 + 2_000),
    });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      accountNo: '9100000027',
      readOn: '2026-11-20',
      valueCentiM3: previous.valueCentiM3 + 2_000,
      peakCentiKwh: null,
      valleyCentiKwh: null,
      source: 'staff',
      status: 'accepted',
      holdReason: null,
      ticketId: null,
    });
    expect((await readingsOf('9100000027')).at(-1)).toMatchObject({
      id: res.body.id,
      status: 'accepted',
      recordedById: staff.id,
    });
    expect(await countRows(t, 'ticket')).toBe(tickets);
  });

  it.each([
    ['below the previous one', '9100000028', -100, '低于上次读数'],
    ['far above the usual use', '9100000029', 50_000, '超过近期日均'],
  ])(
    'a reading %s is held, and a billing ticket with the reason appears in the billing queue',
    async (_what, accountNo, delta, reason) => {
      const previous = await lastReading(t, accountNo);

      const res = await record('tech3', { accountNo, readOn: '2026-11-20', value: m3(previous.valueCentiM3 + delta) });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        accountNo,
        status: 'held',
        holdReason: expect.stringContaining(reason),
        ticketId: expect.any(Number),
      });
      const queue = await billingQueue('west');
      const ticket = queue.find((tk) => tk.id === res.body.ticketId);
      expect(ticket).toMatchObject({ type: TicketType.Billing, accountNo, status: 'submitted', channel: 'system' });
      expect(ticket!.description).toContain(res.body.holdReason);
      expect(ticket!.description).toContain('2026-11-20');
    },
  );

  it('a second reading for the same account and date is 409 READING_EXISTS and changes nothing', async () => {
    const previous = await lastReading(t, '9100000031');
    const first = await record('agent1', {
      accountNo: '9100000031',
      readOn: '2026-11-20',
      value: m3(previous.valueCentiM3 + 1_500),
    });
    expect(first.status).toBe(201);
    const before = await everything();

    expectRefused(
      await record('agent1', {
        accountNo: '9100000031',
        readOn: '2026-11-20',
        value: m3(previous.valueCentiM3 + 1_600),
      }),
      409,
      ErrorCode.ReadingExists,
    );
    // Even one that would have been held opens no ticket.
    expectRefused(
      await record('agent1', { accountNo: '9100000031', readOn: '2026-11-20', value: m3(previous.valueCentiM3 - 100) }),
      409,
      ErrorCode.ReadingExists,
    );

    expect(await everything()).toEqual(before);
    expect((await readingsOf('9100000031')).at(-1)).toMatchObject({
      readOn: '2026-11-20',
      valueCentiM3: previous.valueCentiM3 + 1_500,
    });
  });

  it('technicians and agents record readings; a resident token is 401, a dispatcher 403, and nothing is stored', async () => {
    const tech = await record('tech3', {
      accountNo: '9100000032',
      readOn: '2026-11-18',
      value: m3((await lastReading(t, '9100000032')).valueCentiM3 + 1_000),
    });
    expect(tech.body).toMatchObject({ status: 'accepted', source: 'staff' });
    const agent = await record('agent1', {
      accountNo: '9100000033',
      readOn: '2026-11-18',
      value: m3((await lastReading(t, '9100000033')).valueCentiM3 + 1_000),
    });
    expect(agent.body).toMatchObject({ status: 'accepted' });
    const before = await everything();
    const resident = await residentLogin(t, 'reading-resident');
    const body = {
      accountNo: '9100000034',
      readOn: '2026-11-18',
      value: m3((await lastReading(t, '9100000034')).valueCentiM3 + 1_000),
    };

    expectRefused(
      await t.http().post('/api/staff/meter-readings').set('Authorization', resident.auth).send(body),
      401,
      ErrorCode.Unauthenticated,
    );
    expectRefused(await t.http().post('/api/staff/meter-readings').send(body), 401, ErrorCode.Unauthenticated);
    expectRefused(
      await t
        .http()
        .post('/api/staff/meter-readings/import')
        .set('Authorization', resident.auth)
        .set('Content-Type', 'text/csv')
        .send(`accountNo,readOn,value\n${body.accountNo},${body.readOn},${body.value}\n`),
      401,
      ErrorCode.Unauthenticated,
    );
    expectRefused(await record('dispatcher1', body), 403, ErrorCode.Forbidden);

    expect(await everything()).toEqual(before);
  });

  describe('refused to anyone who does not read that meter (issue 18, item 1)', () => {
    /** An agent who works only the east billing queue: logs in with the demo password (agent1's hash). */
    const eastBillingAgent = async (): Promise<string> => {
      const ds = t.app.get(DataSource);
      const [agent1] = await ds.query(
        "SELECT passwordHash, stationId, districtId FROM staff WHERE username = 'agent1'",
      );
      const exists = await ds.query("SELECT id FROM staff WHERE username = 'billing-east'");
      if (!exists.length) {
        await ds.query(
          "INSERT INTO staff (username, name, passwordHash, role, stationId, districtId, capacity, active) VALUES ('billing-east', '东区收费员', ?, 'agent', ?, ?, 5, 1)",
          [agent1.passwordHash, agent1.stationId, agent1.districtId],
        );
        const [{ id }] = await ds.query("SELECT id FROM staff WHERE username = 'billing-east'");
        const queues = await queueIdsByCode(t);
        await ds.query('INSERT INTO queue_member (queueId, staffId) VALUES (?, ?)', [queues['billing-east'], id]);
      }
      return 'billing-east';
    };
    const next = async (accountNo: string, readOn = '2026-11-19') => ({
      accountNo,
      readOn,
      value: m3((await lastReading(t, accountNo)).valueCentiM3 + 1_000),
    });

    it('a supervisor or admin recording a reading is 403, as is a technician for another district', async () => {
      const before = await everything();
      expectRefused(await record('supervisor1', await next('9100000011')), 403, ErrorCode.Forbidden);
      expectRefused(await record('admin', await next('9100000011')), 403, ErrorCode.Forbidden);
      expectRefused(await record('tech3', await next('9100000011')), 403, ErrorCode.Forbidden);
      expectRefused(await record('inspector1', await next('9100000048')), 403, ErrorCode.Forbidden);
      expectRefused(await record(await eastBillingAgent(), await next('9100000048')), 403, ErrorCode.Forbidden);
      expect(await everything()).toEqual(before);
      // Their own district's meters they do read.
      expect((await record('inspector1', await next('9100000011'))).status).toBe(201);
      expect((await record(await eastBillingAgent(), await next('9100000012'))).status).toBe(201);
    });

    it.each([
      ['0000-01-01', 400, ErrorCode.ValidationFailed],
      ['1999-12-31', 400, ErrorCode.ValidationFailed],
      ['2026-10-15', 422, ErrorCode.ReadingBeforeBilled],
      ['2026-10-31', 409, ErrorCode.ReadingExists],
    ])('a reading dated %s (on or before the last billed one, 2026-10-31) is %i %s', async (readOn, status, code) => {
      const before = await everything();
      expectRefused(await record('agent1', await next('9100000013', readOn)), status, code);
      expect(await everything()).toEqual(before);
    });

    it('only a billing agent imports, only rows of their districts and after the last billed reading', async () => {
      const before = await everything();
      const good = await next('9100000014');
      const csv = (...rows: { accountNo: string; readOn: string; value: string }[]) =>
        ['accountNo,readOn,value', ...rows.map((r) => `${r.accountNo},${r.readOn},${r.value}`)].join('\n');

      expectRefused(await importCsv(csv(good), 'tech1'), 403, ErrorCode.Forbidden);
      expectRefused(await importCsv(csv(good), 'supervisor1'), 403, ErrorCode.Forbidden);
      expectRefused(await importCsv(csv(good), 'admin'), 403, ErrorCode.Forbidden);

      const west = await importCsv(csv(good, await next('9100000049')), await eastBillingAgent());
      expectRefused(west, 422, ErrorCode.ImportRejected);
      expect(west.body.details).toEqual([{ path: 'line 3', message: expect.stringContaining('片区') }]);

      const old = await importCsv(csv(good, { ...(await next('9100000016')), readOn: '2026-10-01' }));
      expectRefused(old, 422, ErrorCode.ImportRejected);
      expect(old.body.details).toEqual([{ path: 'line 3', message: expect.stringContaining('已出账') }]);
      expect(await everything()).toEqual(before);
    });
  });

  it('an unknown account is 422, a malformed value or date 400, and nothing is stored', async () => {
    const before = await everything();
    expectRefused(
      await record('agent1', { accountNo: '9199999999', readOn: '2026-11-20', value: '100.00' }),
      422,
      ErrorCode.AccountNotFound,
    );
    expectRefused(
      await record('agent1', { accountNo: '9100000036', readOn: '2026-11-20', value: '-5' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await record('agent1', { accountNo: '9100000036', readOn: '2026-11-20', value: '12.345' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await record('agent1', { accountNo: '9100000036', readOn: '2026-02-30', value: '100' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expect(await everything()).toEqual(before);
  });

  describe('CSV import', () => {
    it('imports every row of a good file, in date order per account, holding the suspicious one', async () => {
      const [a, b, c] = await Promise.all(['9100000037', '9100000038', '9100000039'].map((n) => lastReading(t, n)));
      const tickets = await countRows(t, 'ticket');
      // A BOM, CRLF and the later reading first: as spreadsheets write them.
      const csv =
        '\uFEFFaccountNo,readOn,value\r\n' +
        `9100000037,2026-11-20,${m3(a.valueCentiM3 + 1_800)}\r\n` +
        `9100000037,2026-11-10,${m3(a.valueCentiM3 + 900)}\r\n` +
        `9100000038,2026-11-20,${m3(b.valueCentiM3 + 1_200)}\r\n` +
        `9100000039,2026-11-20,${m3(c.valueCentiM3 - 500)}\r\n`;

      const res = await importCsv(csv);

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ rows: 4, imported: 4, held: 1, errors: [] });
      expect(
        (await readingsOf('9100000037')).slice(-2).map((r) => [r.readOn, r.valueCentiM3, r.status, r.source]),
      ).toEqual([
        ['2026-11-10', a.valueCentiM3 + 900, 'accepted', 'import'],
        ['2026-11-20', a.valueCentiM3 + 1_800, 'accepted', 'import'],
      ]);
      expect((await readingsOf('9100000038')).at(-1)).toMatchObject({ readOn: '2026-11-20', status: 'accepted' });
      const held = (await readingsOf('9100000039')).at(-1)!;
      expect(held).toMatchObject({
        readOn: '2026-11-20',
        status: 'held',
        holdReason: expect.stringContaining('低于上次读数'),
      });
      expect(await countRows(t, 'ticket')).toBe(tickets + 1);
      expect((await billingQueue('west')).find((tk) => tk.id === held.ticketId)).toMatchObject({
        type: TicketType.Billing,
        accountNo: '9100000039',
      });
    });

    it('refuses a file with bad rows as a whole: 422 IMPORT_REJECTED, one detail per bad line, no reading stored', async () => {
      const good = await lastReading(t, '9100000041');
      const existing = await lastReading(t, '9100000042');
      const before = await everything();
      const csv = [
        'accountNo,readOn,value',
        `9100000041,2026-11-20,${m3(good.valueCentiM3 + 1_000)}`, // line 2: good
        '9199999999,2026-11-20,100.00', //                             line 3: unknown account
        '9100000043,2026-11-31,100.00', //                             line 4: no such date
        '9100000044,2026-11-20,-12.50', //                             line 5: negative
        `9100000041,2026-11-20,${m3(good.valueCentiM3 + 1_100)}`, //   line 6: same account and date as line 2
        `9100000042,${existing.readOn},${m3(existing.valueCentiM3)}`, // line 7: already read that day
        `9100000047,2026-11-20,${m3((await lastReading(t, '9100000047')).valueCentiM3 + 1_000)}`, // line 8: good
      ].join('\n');

      const res = await importCsv(csv);

      expectRefused(res, 422, ErrorCode.ImportRejected);
      expect(res.body.details).toEqual([
        { path: 'line 3', message: expect.stringContaining('户号不存在') },
        { path: 'line 4', message: expect.stringContaining('日期不存在') },
        { path: 'line 5', message: expect.stringContaining('非负数') },
        { path: 'line 6', message: expect.stringContaining('重复') },
        { path: 'line 7', message: expect.stringContaining('已有抄表读数') },
      ]);
      expect(await everything()).toEqual(before);
      expect((await readingsOf('9100000041')).at(-1)!.readOn).toBe(good.readOn);
      expect((await readingsOf('9100000047')).at(-1)!.readOn).toBe('2026-10-31');
    });

    it('refuses a file with the wrong header, and an empty body, storing nothing', async () => {
      const before = await everything();
      const res = await importCsv(
        `account,date,reading\n9100000046,2026-11-20,${m3((await lastReading(t, '9100000046')).valueCentiM3 + 1_000)}\n`,
      );
      expectRefused(res, 422, ErrorCode.ImportRejected);
      expect(res.body.details).toEqual([{ path: 'line 1', message: expect.stringContaining('表头') }]);
      expectRefused(await importCsv(''), 400, ErrorCode.ValidationFailed);
      expect(await everything()).toEqual(before);
    });
  });
});
