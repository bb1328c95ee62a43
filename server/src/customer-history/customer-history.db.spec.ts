import { AccountHistoryView, RatingLevel, StaffSearchResult, TicketType } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { demoAccounts } from '../seed/demo-organisation';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  WEST_ACCOUNT,
  call,
  createTicket,
  login,
  queueIdsByCode,
} from '../testing/api-fixtures';
import { planVisits, rated, resolvedRepair } from '../testing/feedback-fixtures';
import { MONDAY, createPlan, districtOf, slotsOf } from '../testing/inspection-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { bindAccount, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** The gas checklist an inspector records (docs/domain.md#inspections). */
const GAS_CHECKLIST = ['pipes', 'valves', 'meter', 'hoses', 'alarm', 'ventilation', 'appliance'];
const phoneOf = (accountNo: string) => demoAccounts().find((a) => a.accountNo === accountNo)!.phone;

/** docs/domain.md#customer-history: the desk finds a caller and their whole history. */
describe('GET /api/staff/search and /api/staff/accounts/:accountNo/history', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const search = async (username: string, q: string, status = 200): Promise<StaffSearchResult> => {
    const res = await t
      .http()
      .get('/api/staff/search')
      .query({ q })
      .set('Authorization', await login(t, username));
    expect(res.status).toBe(status);
    return res.body;
  };
  const history = async (username: string, accountNo: string, status = 200): Promise<AccountHistoryView> => {
    const res = await t
      .http()
      .get(`/api/staff/accounts/${accountNo}/history`)
      .set('Authorization', await login(t, username));
    expect(res.status).toBe(status);
    return res.body;
  };
  const accessLog = async () =>
    (
      await t
        .http()
        .get('/api/admin/personal-data-access')
        .set('Authorization', await login(t, 'admin'))
        .expect(200)
    ).body as { staffName: string; subjectType: string; subjectId: number; field: string }[];

  it('finds an account by its 户号, with its tickets, the holder masked', async () => {
    const ticket = await createTicket(t, await login(t, 'agent1'), call({ accountNo: EAST_HEAT_ACCOUNT }));
    const found = await search('agent1', EAST_HEAT_ACCOUNT);
    expect(found.matchedBy).toBe('accountNo');
    expect(found.accounts).toEqual([
      expect.objectContaining({
        accountNo: EAST_HEAT_ACCOUNT,
        holderName: expect.stringMatching(/^.\*+$/),
        districtName: expect.any(String),
        stationName: '东城供热站',
      }),
    ]);
    expect(found.tickets.map((x) => x.id)).toContain(ticket.id);
    // A prefix lists the accounts that start with it.
    expect((await search('agent1', '91000000')).accounts.length).toBe(20);
  });

  it('finds a ticket by its number', async () => {
    const ticket = await createTicket(t, await login(t, 'agent1'), call());
    const found = await search('dispatcher1', ticket.no);
    expect(found).toMatchObject({ matchedBy: 'ticketNo', accounts: [] });
    expect(found.tickets.map((x) => x.id)).toEqual([ticket.id]);
    // The id with another day's date is no ticket's number.
    const otherDay = `${Number(ticket.no.slice(0, 8)) - 1}${ticket.no.slice(8)}`;
    expect((await search('dispatcher1', otherDay)).tickets).toEqual([]);
  });

  it('finds accounts and tickets by an address fragment', async () => {
    const ticket = await createTicket(t, await login(t, 'agent1'), call({ address: '城东区翠竹苑7栋302' }));
    const found = await search('agent1', '翠竹苑7栋');
    expect(found.matchedBy).toBe('address');
    expect(found.tickets.map((x) => x.id)).toEqual([ticket.id]);
    const byRoad = await search('agent1', '城西区幸福路');
    expect(byRoad.accounts.length).toBeGreaterThan(0);
    expect(byRoad.accounts.every((a) => a.address.includes('城西区幸福路'))).toBe(true);
    // LIKE's wildcards are text here.
    expect((await search('agent1', '%%')).accounts).toEqual([]);
  });

  it('finds by phone through the blind index, and records the search as a personal-data access', async () => {
    const callerPhone = '13987650001';
    const ticket = await createTicket(t, await login(t, 'agent1'), call({ contactPhone: callerPhone }));
    const found = await search('agent1', `+86 ${callerPhone}`);
    expect(found.matchedBy).toBe('phone');
    expect(found.tickets.map((x) => x.id)).toEqual([ticket.id]);
    expect(found.tickets[0].contactPhone).toBe('139****0001');

    const registered = phoneOf(WEST_ACCOUNT);
    const byAccountPhone = await search('agent1', registered);
    expect(byAccountPhone.accounts.map((a) => a.accountNo)).toEqual([WEST_ACCOUNT]);

    const log = await accessLog();
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          staffName: '王晓梅',
          subjectType: 'ticket',
          subjectId: ticket.id,
          field: 'contactPhone:search',
        }),
        expect.objectContaining({ staffName: '王晓梅', subjectType: 'account', field: 'phone:search' }),
      ]),
    );
    const before = log.length;
    await search('agent1', '13700000000');
    const after = await accessLog();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ subjectType: 'phone_search', field: 'phone:search' });
  });

  it('keeps to the searcher’s districts: a west supervisor finds no east account, and its history is 404', async () => {
    expect((await search('supervisor2', EAST_HEAT_ACCOUNT)).accounts).toEqual([]);
    expect((await search('supervisor2', phoneOf(EAST_HEAT_ACCOUNT))).accounts).toEqual([]);
    await history('supervisor2', EAST_HEAT_ACCOUNT, 404);
    await history('supervisor2', WEST_ACCOUNT);
    await history('agent1', '9999999999', 404);
  });

  it('is for desk roles: a technician is refused', async () => {
    await search('tech1', EAST_HEAT_ACCOUNT, 403);
    await history('tech1', EAST_HEAT_ACCOUNT, 403);
    await search('agent1', 'x', 400);
  });

  it("shows an account's open and past tickets, bills, arrears, ratings and return visits", async () => {
    const accountNo = '9100000003';
    const resolved = await resolvedRepair(t, accountNo);
    const resident = await residentLogin(t, 'history-holder');
    await bindAccount(t, resident, accountNo);
    await rated(t, resident, resolved, RatingLevel.VerySatisfied);
    await planVisits(t);
    const open = await createTicket(t, await login(t, 'agent1'), call({ accountNo, type: TicketType.Billing }));

    const h = await history('agent1', accountNo);
    expect(h.account).toMatchObject({ accountNo, utility: 'gas' });
    expect(h.openTickets.map((x) => x.id)).toEqual([open.id]);
    expect(h.pastTickets.map((x) => x.id)).toContain(resolved);
    // The demo seed bills October 2026 for every gas account, unpaid.
    expect(h.bills.some((b) => b.period === '2026-10' && b.status === 'unpaid')).toBe(true);
    expect(h.arrears.unpaidFen).toBeGreaterThan(0);
    expect(h.payments).toEqual([]);
    expect(h.ratings).toEqual([expect.objectContaining({ ticketId: resolved, level: RatingLevel.VerySatisfied })]);
    expect(h.returnVisits).toEqual([expect.objectContaining({ ticketId: resolved, resolution: 1 })]);
    expect(h.hazards).toEqual([]);
    expect(h.inspections).toEqual([]);
  });

  it("leaves out supervisor-only tickets (misconduct reports) for others, not for the district's supervisor", async () => {
    const accountNo = '9100000005';
    const queues = await queueIdsByCode(t);
    const billing = await createTicket(t, await login(t, 'agent1'), call({ accountNo, type: TicketType.Billing }));
    const report = await createTicket(t, await login(t, 'agent1'), call({ accountNo, type: TicketType.Billing }));
    // As a misconduct report naming the account would sit: in the district's supervisors-only queue.
    await t.app.get(DataSource).query('UPDATE ticket SET queueId = ? WHERE id = ?', [queues['report-east'], report.id]);

    // The dispatcher works no billing queue, yet sees the account's billing ticket: the district is theirs.
    const dispatcherView = await history('dispatcher1', accountNo);
    expect(dispatcherView.openTickets.map((x) => x.id)).toEqual([billing.id]);
    const supervisorView = await history('supervisor1', accountNo);
    expect(supervisorView.openTickets.map((x) => x.id)).toEqual([report.id, billing.id]);
  });
  it('lists a payment taken at the counter with its receipt, and the bill it settled as paid', async () => {
    const accountNo = '9100000004';
    const before = await history('agent1', accountNo);
    const bill = before.bills.find((b) => b.status === 'unpaid')!;
    expect(before.payments).toEqual([]);
    await t
      .http()
      .post('/api/staff/payments/counter')
      .set('Authorization', await login(t, 'agent1'))
      .send({ billId: bill.id, method: 'cash', receiptNo: 'HIST-0001', amountFen: bill.amountFen })
      .expect(201);

    const after = await history('agent1', accountNo);
    expect(after.payments).toEqual([
      expect.objectContaining({ method: 'cash', receiptNo: 'HIST-0001', amountFen: bill.amountFen }),
    ]);
    expect(after.bills.find((b) => b.id === bill.id)?.status).toBe('paid');
  });
});

/** The history shows an account's inspections and the hazards they found (docs/domain.md#customer-history). */
describe('GET /api/staff/accounts/:accountNo/history: inspections and hazards', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-history-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    t.setNow(MONDAY);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a completed inspection and the hazard it found, with its advice and deadline', async () => {
    const [supervisor, inspector, resident] = await Promise.all([
      login(t, 'supervisor1'),
      login(t, 'inspector1'),
      residentLogin(t, 'history-inspected'),
    ]);
    const [{ id: accountId }] = await bindAccount(t, resident, EAST_HALL_ACCOUNT);
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, EAST_HALL_ACCOUNT) });
    const [slot] = await slotsOf(t, resident, accountId, plan.id);
    const booked = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', resident.auth)
      .send({ accountId, slotId: slot.id });
    expect(booked.status).toBe(201);

    // On the day: the inspector arrives, the resident confirms in the app, the hoses fail.
    t.setNow(new Date('2026-12-09T02:00:00Z'));
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const photo = await t
      .http()
      .post('/api/uploads')
      .set('Authorization', inspector)
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const visitId = booked.body.ticket.id;
    await t.http().post(`/api/field/inspections/${visitId}/arrive`).set('Authorization', inspector).expect(200);
    await t.http().post(`/api/my/tickets/${visitId}/confirm`).set('Authorization', resident.auth).expect(200);
    const items = GAS_CHECKLIST.map((code) =>
      code === 'hoses' ? { code, ok: false, note: '软管老化开裂', photoIds: [photo.body.id] } : { code, ok: true },
    );
    await t
      .http()
      .post(`/api/field/inspections/${visitId}/result`)
      .set('Authorization', inspector)
      .send({ items, confirmation: { kind: 'in_app' } })
      .expect(200);

    const res = await t
      .http()
      .get(`/api/staff/accounts/${EAST_HALL_ACCOUNT}/history`)
      .set('Authorization', await login(t, 'agent1'));
    expect(res.status).toBe(200);
    const h: AccountHistoryView = res.body;
    expect(h.inspections).toEqual([
      expect.objectContaining({
        accountNo: EAST_HALL_ACCOUNT,
        planName: plan.name,
        ticket: expect.objectContaining({ id: visitId }),
        state: 'done',
        stateLabel: '已安检',
      }),
    ]);
    expect(h.hazards).toEqual([
      expect.objectContaining({
        itemLabel: '软管',
        severityLabel: '较大隐患',
        status: 'open',
        note: '软管老化开裂',
        advice: expect.stringContaining('3天内'),
        deadline: '2026-12-12T02:00:00.000Z',
      }),
    ]);
    // The inspection's own ticket is in the account's past tickets too.
    expect(h.pastTickets.map((x) => x.id)).toContain(visitId);
  });
});
