import { DEFAULT_SLA_POLICIES } from '@utility/shared/sla';
import { ErrorCode, FAULT_CATEGORIES, Priority, ResidentTicketView, TicketType, classifyFault } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  countTickets,
  expectRefused,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
} from '../testing/api-fixtures';
import { Resident, bindAccount, countRows, residentLogin } from '../testing/resident-fixtures';
import { rosterShift } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { halves, rawInput } from '../testing/photo-fixtures';

/** Demo accounts: every fifth is heating (9100000005 is east-heat); the others gas. */
const EAST_HEATING_ACCOUNT = '9100000005';

describe('fault reports (POST /api/repairs)', () => {
  let t: TestApp;
  let dir: string;
  let dispatcher: string;
  let queues: Record<string, number>;
  let alice: Resident;
  let mallory: Resident;
  /** Account ids Alice bound, by account number. */
  const accountIds: Record<string, number> = {};
  let residents = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-repairs-'));
    t = await startTestApp({ UPLOADS_DIR: dir, UPLOAD_HOURLY_LIMIT: '500' });
    [dispatcher, queues, alice, mallory] = await Promise.all([
      login(t, 'dispatcher1'),
      queueIdsByCode(t),
      residentLogin(t, 'report-alice'),
      residentLogin(t, 'report-mallory'),
    ]);
    for (const no of [EAST_HEAT_ACCOUNT, EAST_HEATING_ACCOUNT]) {
      for (const a of await bindAccount(t, alice, no)) accountIds[a.accountNo] = a.id;
    }
    const [hall] = await bindAccount(t, mallory, EAST_HALL_ACCOUNT);
    accountIds[EAST_HALL_ACCOUNT] = hall.id;
    // The seed rosters the technicians from its own start on; these reports come on a fixed, earlier day.
    await rosterShift(t, {
      district: 'east',
      usernames: ['tech1', 'tech2'],
      startsAt: '2026-11-20T00:00:00Z',
      endsAt: '2026-11-20T20:00:00Z',
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => t.setNow(new Date()));

  async function photos(auth: string, n: number): Promise<number[]> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t
        .http()
        .post('/api/uploads')
        .set('Authorization', auth)
        .attach('file', jpeg, { filename: `p${i}.jpg`, contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return ids;
  }

  const fault = (overrides: Record<string, unknown> = {}) => ({
    accountId: accountIds[EAST_HEAT_ACCOUNT],
    category: 'no_gas',
    description: '灶具打不着火，好像没有气了',
    photoIds: [],
    contactPhone: '13712345678',
    ...overrides,
  });

  const post = (r: Resident, body: Record<string, unknown>, key?: string) => {
    const req = t.http().post('/api/repairs').set('Authorization', r.auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  async function reported(r: Resident, body: Record<string, unknown>, key?: string): Promise<ResidentTicketView> {
    const res = await post(r, body, key);
    expect(res.status).toBe(201);
    return res.body;
  }

  const requestRow = async (ticketId: number) =>
    (await t.app.get(DataSource).query('SELECT * FROM repair_request WHERE ticketId = ?', [ticketId]))[0];

  const attachedTo = async (ids: number[]): Promise<(string | null)[]> => {
    const rows: { attachedTo: string | null }[] = await t.app
      .get(DataSource)
      .query(`SELECT attachedTo FROM upload WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`, ids);
    return rows.map((r) => r.attachedTo);
  };

  it('lists the categories per utility with Chinese labels, without signing in', async () => {
    const res = await t.http().get('/api/repairs/categories').expect(200);
    expect(res.body).toEqual(FAULT_CATEGORIES);
    expect(res.body.gas.map((o: { label: string }) => o.label)).toEqual([
      '没气',
      '燃气味/泄漏',
      '表具故障',
      '灶具/热水器',
    ]);
  });

  describe('each category becomes a ticket of its type, priority and clocks', () => {
    const minutesOf = (type: TicketType) =>
      Object.fromEntries(
        DEFAULT_SLA_POLICIES.find((p) => p.ticketType === type)!.clocks.map((c) => [c.clock, c.minutes]),
      );

    it.each([
      ['gas', EAST_HEAT_ACCOUNT, 'no_gas', 'repair', 'normal', 'repair-east-heat', [30, 30, 120, 1440]],
      ['gas', EAST_HEAT_ACCOUNT, 'meter_fault', 'repair', 'normal', 'repair-east-heat', [30, 30, 120, 1440]],
      ['gas', EAST_HEAT_ACCOUNT, 'appliance', 'repair', 'normal', 'repair-east-heat', [30, 30, 120, 1440]],
      ['gas', EAST_HEAT_ACCOUNT, 'gas_smell', 'leak', 'emergency', 'emergency-east', [5, 30, 30, 1440]],
      ['heating', EAST_HEATING_ACCOUNT, 'not_warm', 'repair', 'normal', 'repair-east-heat', [30, 30, 120, 1440]],
      ['heating', EAST_HEATING_ACCOUNT, 'valve', 'repair', 'normal', 'repair-east-heat', [30, 30, 120, 1440]],
      ['heating', EAST_HEATING_ACCOUNT, 'drip_leak', 'leak', 'emergency', 'emergency-east', [5, 30, 30, 1440]],
      [
        'heating',
        EAST_HEATING_ACCOUNT,
        'room_cold',
        'room_temperature',
        'normal',
        'repair-east-heat',
        [30, 30, 120, 1440],
      ],
    ])(
      '%s / %s: %s → %s, %s, %s',
      async (utility, accountNo, category, type, priority, queue, [respond, contact, onSite, resolve]) => {
        expect(classifyFault(utility, category)).toEqual({ type, priority });
        const at = new Date('2026-11-20T02:00:00.000Z');
        t.setNow(at);
        const view = await reported(alice, fault({ accountId: accountIds[accountNo], category }));
        const ticket = await getTicket(t, dispatcher, view.id);
        expect(ticket).toMatchObject({
          type,
          priority,
          queueId: queues[queue],
          channel: 'miniapp',
          accountNo,
          contactPhone: '137****5678',
        });
        // docs/domain.md#ticket-types: a leak is on site within 30 min; a repair and a cold flat within 2 h;
        // each resident is called within 30 min.
        expect(ticket.deadlines).toEqual({
          respondBy: minutes(at, respond).toISOString(),
          contactBy: minutes(at, contact).toISOString(),
          decisionBy: null,
          onSiteBy: minutes(at, onSite).toISOString(),
          resolveBy: minutes(at, resolve).toISOString(),
        });
        expect([respond, contact, onSite, resolve]).toEqual(Object.values(minutesOf(type as TicketType)));
        // Leaks are dispatched at once; the rest wait for an agent to accept them.
        expect(ticket.status).toBe(priority === Priority.Emergency ? 'assigned' : 'submitted');
        expect(await requestRow(view.id)).toMatchObject({ ticketId: view.id, residentId: alice.resident.id, category });
      },
    );
  });

  it('files a repair with three photos, a contact phone kept encrypted and a preferred window; 201 with the resident view', async () => {
    const now = new Date('2026-11-20T02:00:00.000Z');
    t.setNow(now);
    const ids = await photos(alice.auth, 3);
    const window = { start: '2026-11-21T09:00:00+08:00', end: '2026-11-21T11:00:00+08:00' };
    const res = await post(alice, fault({ photoIds: ids, window, contactPhone: '13698765432' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      no: expect.stringMatching(/^20261120\d{6}$/),
      type: 'repair',
      step: 'submitted',
      accountNo: EAST_HEAT_ACCOUNT,
      technician: null,
      eta: null,
      canCancel: true,
      canConfirm: false,
      canReportNotFixed: false,
      // The resident's own words for the fault and the window they chose, not just 一般报修.
      categoryLabel: '没气',
      windowStart: '2026-11-21T01:00:00.000Z',
      windowEnd: '2026-11-21T03:00:00.000Z',
    });
    const mine = await t.http().get(`/api/my/tickets/${res.body.id}`).set('Authorization', alice.auth);
    expect(mine.body).toMatchObject({ categoryLabel: '没气', windowStart: '2026-11-21T01:00:00.000Z' });
    expect(await attachedTo(ids)).toEqual(ids.map(() => `ticket:${res.body.id}`));
    expect(await requestRow(res.body.id)).toMatchObject({ category: 'no_gas' });
    const row = await requestRow(res.body.id);
    expect(JSON.parse(row.photoIds)).toEqual(ids);
    expect(new Date(row.windowStart).toISOString()).toBe('2026-11-21T01:00:00.000Z');
    expect(new Date(row.windowEnd).toISOString()).toBe('2026-11-21T03:00:00.000Z');
    const [stored] = await t.app.get(DataSource).query('SELECT contactPhone FROM ticket WHERE id = ?', [res.body.id]);
    expect(stored.contactPhone).not.toContain('13698765432');
    expect(stored.contactPhone).toMatch(/^v1:/);
    // Leaks keep no window: nothing may wait for an appointment.
    const leak = await reported(alice, fault({ category: 'gas_smell', window }));
    expect(await requestRow(leak.id)).toMatchObject({ category: 'gas_smell', windowStart: null, windowEnd: null });
  });

  describe('refusals store nothing: no ticket, no repair_request, no photo attached', () => {
    async function refusedStoringNothing(
      send: () => PromiseLike<import('supertest').Response>,
      status: number,
      code: ErrorCode,
      photoIds: number[] = [],
    ) {
      const [tickets, requests] = [await countTickets(t), await countRows(t, 'repair_request')];
      const res = await send();
      expectRefused(res, status, code);
      expect(await countTickets(t)).toBe(tickets);
      expect(await countRows(t, 'repair_request')).toBe(requests);
      if (photoIds.length) expect(await attachedTo(photoIds)).toEqual(photoIds.map(() => null));
      return res;
    }

    it('a seventh photo (422 TOO_MANY_PHOTOS)', async () => {
      const ids = await photos(alice.auth, 7);
      await refusedStoringNothing(() => post(alice, fault({ photoIds: ids })), 422, ErrorCode.TooManyPhotos, ids);
      // The first six are fine.
      const ok = await reported(alice, fault({ photoIds: ids.slice(0, 6) }));
      expect(await attachedTo(ids)).toEqual([...ids.slice(0, 6).map(() => `ticket:${ok.id}`), null]);
    });

    it("another resident's photo (422 PHOTO_NOT_FOUND), even beside one's own", async () => {
      const [mine] = await photos(alice.auth, 1);
      const [theirs] = await photos(mallory.auth, 1);
      await refusedStoringNothing(
        () => post(alice, fault({ photoIds: [mine, theirs] })),
        422,
        ErrorCode.PhotoNotFound,
        [mine, theirs],
      );
    });

    it('a photo already on another ticket (422 PHOTO_NOT_FOUND)', async () => {
      const ids = await photos(alice.auth, 1);
      await reported(alice, fault({ photoIds: ids }));
      await refusedStoringNothing(() => post(alice, fault({ photoIds: ids })), 422, ErrorCode.PhotoNotFound);
    });

    it('an account the resident has not bound (404), known or not', async () => {
      const ids = await photos(alice.auth, 1);
      await refusedStoringNothing(
        () => post(alice, fault({ accountId: accountIds[EAST_HALL_ACCOUNT], photoIds: ids })),
        404,
        ErrorCode.NotFound,
        ids,
      );
      await refusedStoringNothing(() => post(alice, fault({ accountId: 99_999_999 })), 404, ErrorCode.NotFound);
      const stranger = await residentLogin(t, `report-stranger-${++residents}`);
      await refusedStoringNothing(() => post(stranger, fault()), 404, ErrorCode.NotFound);
    });

    it.each([
      ['a heating category on a gas account', EAST_HEAT_ACCOUNT, 'not_warm'],
      ['a gas category on a heating account', EAST_HEATING_ACCOUNT, 'no_gas'],
      ['a power category on a gas account', EAST_HEAT_ACCOUNT, 'outage'],
    ])('%s (422 FAULT_CATEGORY_INVALID)', async (_name, accountNo, category) => {
      const res = await refusedStoringNothing(
        () => post(alice, fault({ accountId: accountIds[accountNo], category })),
        422,
        ErrorCode.FaultCategoryInvalid,
      );
      expect(res.body.message).toBe('该户号不支持此报修类别，请重新选择');
    });

    it.each([
      ['in the past', 'window.start', '2026-11-20T09:00:00+08:00', '2026-11-20T09:30:00+08:00'],
      ['ending before it starts', 'window.end', '2026-11-21T11:00:00+08:00', '2026-11-21T10:00:00+08:00'],
      ['longer than 4 hours', 'window.end', '2026-11-21T08:00:00+08:00', '2026-11-21T12:00:01+08:00'],
      ['beyond 14 days', 'window.end', '2026-12-05T09:00:00+08:00', '2026-12-05T10:00:00+08:00'],
    ])('a window %s (400 VALIDATION_FAILED on %s)', async (_name, path, start, end) => {
      t.setNow(new Date('2026-11-20T02:00:00.000Z'));
      const ids = await photos(alice.auth, 1);
      const res = await refusedStoringNothing(
        () => post(alice, fault({ photoIds: ids, window: { start, end } })),
        400,
        ErrorCode.ValidationFailed,
        ids,
      );
      expect(res.body.details).toEqual([{ path, message: res.body.message }]);
    });

    it.each([
      ['an unknown category', { category: 'broken' }],
      ['no contact phone', { contactPhone: undefined }],
      ['a malformed phone', { contactPhone: '12345' }],
      ['no description', { description: ' ' }],
      ['a window time without an offset', { window: { start: '2026-11-21 09:00', end: '2026-11-21 10:00' } }],
    ])('%s (400 VALIDATION_FAILED)', async (_name, overrides) => {
      await refusedStoringNothing(() => post(alice, fault(overrides)), 400, ErrorCode.ValidationFailed);
    });

    it('without a resident token (401)', async () => {
      await refusedStoringNothing(() => t.http().post('/api/repairs').send(fault()), 401, ErrorCode.Unauthenticated);
      await refusedStoringNothing(
        () => t.http().post('/api/repairs').set('Authorization', dispatcher).send(fault()),
        401,
        ErrorCode.Unauthenticated,
      );
    });
  });

  describe('Idempotency-Key', () => {
    it('a retry replays the first answer and creates nothing new; the same key with another body is refused', async () => {
      const ids = await photos(alice.auth, 2);
      const body = fault({ photoIds: ids });
      const first = await post(alice, body, 'repair-retry-0001');
      expect(first.status).toBe(201);
      const tickets = await countTickets(t);
      const again = await post(alice, body, 'repair-retry-0001');
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await countTickets(t)).toBe(tickets);
      expectRefused(
        await post(alice, { ...body, description: '另一个问题' }, 'repair-retry-0001'),
        422,
        ErrorCode.IdempotencyKeyReused,
      );
      // Keys are per sender: Mallory's identical key is her own.
      expect(
        (await post(mallory, fault({ accountId: accountIds[EAST_HALL_ACCOUNT] }), 'repair-retry-0001')).status,
      ).toBe(201);
      expect(await countTickets(t)).toBe(tickets + 1);
    });

    it('racing replays create one ticket, one repair_request, and all get its view', async () => {
      const ids = await photos(alice.auth, 3);
      const body = fault({ photoIds: ids, description: '同时提交五次' });
      const [tickets, requests] = [await countTickets(t), await countRows(t, 'repair_request')];
      const answers = await Promise.all(Array.from({ length: 5 }, () => post(alice, body, 'repair-race-00001')));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      expect(await countTickets(t)).toBe(tickets + 1);
      expect(await countRows(t, 'repair_request')).toBe(requests + 1);
      expect(await attachedTo(ids)).toEqual(ids.map(() => `ticket:${answers[0].body.id}`));
    });

    it('a replay is answered even after the window it asked for has begun', async () => {
      t.setNow(new Date('2026-11-20T02:00:00.000Z'));
      const body = fault({ window: { start: '2026-11-20T11:00:00+08:00', end: '2026-11-20T12:00:00+08:00' } });
      const first = await reported(alice, body, 'repair-late-retry');
      t.setNow(new Date('2026-11-20T03:30:00.000Z'));
      const again = await post(alice, body, 'repair-late-retry');
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.id);
    });
  });
});
