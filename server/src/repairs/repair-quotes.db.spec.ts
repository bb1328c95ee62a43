import { ErrorCode, FieldJobView, ResidentTicketView } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EAST_HEAT_ACCOUNT, Staff, expectRefused, login, minutes, signIn, ticketState } from '../testing/api-fixtures';
import { Resident, bindAccount, countRows, myTicket, residentLogin } from '../testing/resident-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * Consent before work (docs/domain.md#charges): chargeable work needs a quote from the price list
 * that the resident accepted — in the app or by signing on the technician's phone — before the
 * result is recorded; the resident's confirmation is theirs, never the technician's to claim.
 */
describe('quotes and the resident consent (POST /api/field/jobs/:id/quote, /api/my/tickets/:id/quote/accept)', () => {
  let t: TestApp;
  let dir: string;
  let dispatcher: string;
  let tech1: Staff;
  let tech2: Staff;
  let alice: Resident;
  let stranger: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-quote-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    [dispatcher, tech1, tech2, alice, stranger] = await Promise.all([
      login(t, 'dispatcher1'),
      signIn(t, 'tech1'),
      signIn(t, 'tech2'),
      residentLogin(t, 'quote-alice'),
      residentLogin(t, 'quote-stranger'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => t.setNow(new Date()));

  const field = (who: { auth: string }, id: number, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/field/jobs/${id}/${action}`).set('Authorization', who.auth).send(body);
  const mine = (who: Resident, id: number, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/my/tickets/${id}/${action}`).set('Authorization', who.auth).send(body);

  async function ok(who: Staff, id: number, action: string, body: Record<string, unknown> = {}): Promise<FieldJobView> {
    const res = await field(who, id, action, body);
    expect({ action, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
      action,
      status: 200,
      body: 'ok',
    });
    return res.body;
  }

  async function photo(auth: string): Promise<number> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const res = await t
      .http()
      .post('/api/uploads')
      .set('Authorization', auth)
      .attach('file', jpeg, { filename: 'sign.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function onSite(tech: Staff): Promise<number> {
    const res = await t.http().post('/api/repairs').set('Authorization', alice.auth).send({
      accountId,
      category: 'appliance',
      description: '灶具一边打不着火',
      photoIds: [],
      contactPhone: '13712345678',
    });
    expect(res.status).toBe(201);
    await t
      .http()
      .post(`/api/tickets/${res.body.id}/assign`)
      .set('Authorization', dispatcher)
      .send({ staffId: tech.staff.id })
      .expect(200);
    await ok(tech, res.body.id, 'depart', { etaMinutes: 20 });
    await ok(tech, res.body.id, 'arrive');
    return res.body.id;
  }

  const work = (overrides: Record<string, unknown> = {}) => ({
    diagnosis: '熄火保护针损坏',
    work: '更换熄火保护针，试火正常',
    chargeable: true,
    confirmation: { kind: 'in_app' },
    ...overrides,
  });

  const results = (id: number) =>
    t.app
      .get(DataSource)
      .query('SELECT chargeFen, quoteId, confirmationKind FROM repair_result WHERE ticketId = ?', [id]);

  it('resolving as chargeable without an accepted quote is refused and changes nothing; accepted in the app, it is charged at the quote', async () => {
    const t0 = new Date('2026-12-03T02:00:00.000Z');
    t.setNow(t0);
    const id = await onSite(tech1);
    await mine(alice, id, 'confirm').expect(200);

    // No quote at all, then a quote the resident has not accepted: 409 QUOTE_REQUIRED, nothing stored.
    const state = await ticketState(t, id);
    expectRefused(await field(tech1, id, 'resolve', work()), 409, ErrorCode.QuoteRequired);
    t.setNow(minutes(t0, 5));
    const sent = await ok(tech1, id, 'quote', {
      items: [
        { code: 'stove-thermocouple', qty: 2 },
        { code: 'visit', qty: 1 },
      ],
    });
    expect(sent.quote).toMatchObject({
      status: 'pending',
      totalFen: 2 * 3500 + 3000,
      lines: [
        { code: 'stove-thermocouple', name: '灶具熄火保护针更换', qty: 2, unitFen: 3500, amountFen: 7000 },
        { code: 'visit', qty: 1, amountFen: 3000 },
      ],
      acceptedAt: null,
    });
    expectRefused(await field(tech1, id, 'resolve', work()), 409, ErrorCode.QuoteRequired);
    expect(await countRows(t, 'repair_result', { ticketId: id })).toBe(0);
    expect((await ticketState(t, id)).ticket.status).toBe(state.ticket.status);

    // The resident sees the quote on their request, and the timeline says it was sent.
    const seen = await myTicket(t, alice, id);
    expect(seen.quote).toMatchObject({ id: sent.quote!.id, totalFen: 10000, status: 'pending' });
    expect(seen.timeline.map((i) => i.label)).toContain('报价已发送');

    t.setNow(minutes(t0, 8));
    const accepted = await mine(alice, id, 'quote/accept', { quoteId: sent.quote!.id }).expect(200);
    expect((accepted.body as ResidentTicketView).quote).toMatchObject({ status: 'accepted', acceptedVia: 'in_app' });
    // Accepting again changes nothing.
    const events = await countRows(t, 'ticket_event', { ticketId: id });
    await mine(alice, id, 'quote/accept', { quoteId: sent.quote!.id }).expect(200);
    expect(await countRows(t, 'ticket_event', { ticketId: id })).toBe(events);

    t.setNow(minutes(t0, 40));
    expect((await ok(tech1, id, 'resolve', work())).status).toBe('resolved');
    expect(await results(id)).toEqual([{ chargeFen: 10000, quoteId: sent.quote!.id, confirmationKind: 'in_app' }]);

    // The order is on the timeline: sent, agreed, and only then the work recorded.
    const labels = (await myTicket(t, alice, id)).timeline.map((i) => i.label);
    expect(labels.slice(labels.indexOf('报价已发送'))).toEqual(['报价已发送', '用户已同意报价', '已完成']);
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT acceptedAt, acceptedByResidentId, resultId FROM repair_quote WHERE id = ?', [sent.quote!.id]);
    expect(new Date(row.acceptedAt).toISOString()).toBe(minutes(t0, 8).toISOString());
    expect(row.acceptedByResidentId).toBe(alice.resident.id);
    expect(row.resultId).not.toBeNull();
  });

  it('a new quote replaces the old one: the old acceptance no longer counts, and accepting a quote not shown is 409 QUOTE_CHANGED', async () => {
    const id = await onSite(tech1);
    await mine(alice, id, 'confirm').expect(200);
    const first = (await ok(tech1, id, 'quote', { items: [{ code: 'visit', qty: 1 }] })).quote!;
    await mine(alice, id, 'quote/accept', { quoteId: first.id }).expect(200);
    const second = (await ok(tech1, id, 'quote', { items: [{ code: 'gas-valve', qty: 1 }] })).quote!;
    expect(second).toMatchObject({ status: 'pending', totalFen: 6000 });

    expectRefused(await field(tech1, id, 'resolve', work()), 409, ErrorCode.QuoteRequired);
    expectRefused(await mine(alice, id, 'quote/accept', { quoteId: first.id }), 409, ErrorCode.QuoteChanged);
    expect((await myTicket(t, alice, id)).quote).toMatchObject({ id: second.id, status: 'pending' });

    await mine(alice, id, 'quote/accept', { quoteId: second.id }).expect(200);
    await ok(tech1, id, 'resolve', work());
    expect(await results(id)).toEqual([{ chargeFen: 6000, quoteId: second.id, confirmationKind: 'in_app' }]);
  });

  it("the resident signs the quote on the technician's phone; the signature is kept with it", async () => {
    const id = await onSite(tech1);
    const quote = (await ok(tech1, id, 'quote', { items: [{ code: 'gas-hose', qty: 1 }] })).quote!;
    const [quoteSign, workSign] = [await photo(tech1.auth), await photo(tech1.auth)];
    const signed = await ok(tech1, id, 'quote/signature', { quoteId: quote.id, photoId: quoteSign });
    expect(signed.quote).toMatchObject({ status: 'accepted', acceptedVia: 'signature' });
    await ok(tech1, id, 'resolve', work({ confirmation: { kind: 'signature', photoId: workSign } }));
    expect(await results(id)).toEqual([{ chargeFen: 4500, quoteId: quote.id, confirmationKind: 'signature' }]);
    const rows = await t.app
      .get(DataSource)
      .query('SELECT id, attachedTo FROM upload WHERE id IN (?, ?) ORDER BY id', [quoteSign, workSign]);
    expect(rows.map((r: { attachedTo: string }) => r.attachedTo)).toEqual([
      `quote_sign:${quote.id}`,
      expect.stringMatching(/^repair_sign:\d+$/),
    ]);
  });

  it("in_app needs the resident's own confirmation in this visit: the technician cannot claim it", async () => {
    const id = await onSite(tech1);
    const free = work({ chargeable: false });
    expectRefused(await field(tech1, id, 'resolve', free), 409, ErrorCode.ResidentConfirmationRequired);
    expect(await countRows(t, 'repair_result', { ticketId: id })).toBe(0);
    // On site, the resident's request page offers 确认完成; once given, the technician sees it.
    expect(await myTicket(t, alice, id)).toMatchObject({ step: 'arrived', canConfirm: true });
    await mine(alice, id, 'confirm').expect(200);
    const job = (await t.http().get('/api/field/jobs').set('Authorization', tech1.auth).expect(200)).body.find(
      (j: FieldJobView) => j.id === id,
    );
    expect(job.residentConfirmed).toBe(true);
    await ok(tech1, id, 'resolve', free);
    expect(await results(id)).toEqual([{ chargeFen: null, quoteId: null, confirmationKind: 'in_app' }]);
    // Confirmed on site: nothing more asked once resolved.
    expect(await myTicket(t, alice, id)).toMatchObject({ step: 'to_rate', canConfirm: false });
  });

  it("refusals: an item not on the price list, someone else's job, another household, a finished job", async () => {
    const id = await onSite(tech1);
    const quotes = () => countRows(t, 'repair_quote', { ticketId: id });
    expectRefused(
      await field(tech1, id, 'quote', { items: [{ code: 'gold-tap', qty: 1 }] }),
      422,
      ErrorCode.QuoteItemUnknown,
    );
    expectRefused(await field(tech1, id, 'quote', { items: [] }), 400, ErrorCode.ValidationFailed);
    expectRefused(
      await field(tech1, id, 'quote', { items: [{ code: 'visit', qty: 0 }] }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(await field(tech2, id, 'quote', { items: [{ code: 'visit', qty: 1 }] }), 403, ErrorCode.Forbidden);
    expect(await quotes()).toBe(0);

    const quote = (await ok(tech1, id, 'quote', { items: [{ code: 'visit', qty: 1 }] })).quote!;
    expectRefused(await mine(stranger, id, 'quote/accept', { quoteId: quote.id }), 404, ErrorCode.NotFound);
    expectRefused(await mine(alice, id, 'quote/accept', {}), 400, ErrorCode.ValidationFailed);
    const colleagues = await photo(tech2.auth);
    expectRefused(
      await field(tech1, id, 'quote/signature', { quoteId: quote.id, photoId: colleagues }),
      422,
      ErrorCode.PhotoNotFound,
    );
    expect((await myTicket(t, alice, id)).quote).toMatchObject({ status: 'pending' });

    // Resolved free: the quote is closed with the visit, and can no longer be accepted.
    await mine(alice, id, 'confirm').expect(200);
    await ok(tech1, id, 'resolve', work({ chargeable: false }));
    expectRefused(await mine(alice, id, 'quote/accept', { quoteId: quote.id }), 409, ErrorCode.TransitionNotAllowed);
    expect((await myTicket(t, alice, id)).quote).toBeNull();
  });

  it('the technician can be called while the job is under way, with their 工号', async () => {
    await t.app.get(DataSource).query('UPDATE staff SET employeeNo = ? WHERE id = ?', ['GR-0107', tech1.staff.id]);
    const id = await onSite(tech1);
    const view = await myTicket(t, alice, id);
    expect(view.technician).toEqual({
      surname: '张',
      phone: '139****1111',
      dialPhone: expect.stringMatching(/^139\d{4}1111$/),
      employeeNo: 'GR-0107',
    });
  });
});
