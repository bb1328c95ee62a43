import { ErrorCode, FieldInspectionView, HazardView, InspectionResultView } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EAST_HALL_ACCOUNT, expectRefused, login } from '../testing/api-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { Resident, bindAccount, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { MONDAY, createPlan, districtOf, slotsOf } from '../testing/inspection-fixtures';

const GAS = ['pipes', 'valves', 'meter', 'hoses', 'alarm', 'ventilation', 'appliance'];

/** Failed item → hazard with advice and deadline → re-inspection → pass closes it; a refused rectification → stop-supply application. */
describe('hazard lifecycle (/api/field/inspections, /api/accounts/:id/hazards)', () => {
  let t: TestApp;
  let dir: string;
  let supervisor: string;
  let inspector: string;
  let alice: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-insp-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    t.setNow(MONDAY);
    [supervisor, inspector, alice] = await Promise.all([
      login(t, 'supervisor1'),
      login(t, 'inspector1'),
      residentLogin(t, 'hazard-alice'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HALL_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function photo(auth: string): Promise<number> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const res = await t
      .http()
      .post('/api/uploads')
      .set('Authorization', auth)
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const day = async (date: string): Promise<FieldInspectionView[]> => {
    const res = await t.http().get(`/api/field/inspections?date=${date}`).set('Authorization', inspector);
    expect(res.status).toBe(200);
    return res.body;
  };
  const result = (id: number, body: Record<string, unknown>) =>
    t.http().post(`/api/field/inspections/${id}/result`).set('Authorization', inspector).send(body);
  const hazards = async (): Promise<HazardView[]> =>
    (await t.http().get(`/api/accounts/${accountId}/hazards`).set('Authorization', alice.auth)).body;

  it('opens a hazard for a failed item, re-inspects it, and closes it when the re-inspection passes', async () => {
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, EAST_HALL_ACCOUNT) });
    const [slot] = await slotsOf(t, alice, accountId, plan.id);
    const booked = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', alice.auth)
      .send({ accountId, slotId: slot.id });
    expect(booked.status).toBe(201);
    t.setNow(new Date('2026-12-09T02:00:00Z'));
    const [visit] = (await day('2026-12-09')).filter((v) => v.accountId === accountId);
    expect(visit).toMatchObject({ kind: 'booking', id: booked.body.ticket.id, half: 'am', recorded: false });
    expect(visit.checklist.map((i) => i.label)).toEqual(['管道', '阀门', '燃气表', '软管', '报警器', '通风', '燃气具']);

    const photoId = await photo(inspector);
    const items = GAS.map((code) =>
      code === 'hoses' ? { code, ok: false, note: '软管老化开裂', photoIds: [photoId] } : { code, ok: true },
    );
    expectRefused(
      await result(visit.id, { items: items.slice(1), confirmation: { kind: 'in_app' } }),
      422,
      ErrorCode.ChecklistIncomplete,
    );
    expect(await hazards()).toEqual([]);
    // `in_app` is the resident's own confirmation, never the inspector's word for it.
    expectRefused(
      await result(visit.id, { items, confirmation: { kind: 'in_app' } }),
      409,
      ErrorCode.ResidentConfirmationRequired,
    );
    expect(await hazards()).toEqual([]);
    // At the door: the inspector arrives, the resident confirms in the app, then the result is taken.
    const arrived = await t.http().post(`/api/field/inspections/${visit.id}/arrive`).set('Authorization', inspector);
    expect({ status: arrived.status, ticketStatus: arrived.body.ticketStatus }).toEqual({
      status: 200,
      ticketStatus: 'on_site',
    });
    const confirmed = await t.http().post(`/api/my/tickets/${visit.id}/confirm`).set('Authorization', alice.auth);
    expect(confirmed.status).toBe(200);
    const res = await result(visit.id, { items, confirmation: { kind: 'in_app' } });
    expect(res.status).toBe(200);
    const body: InspectionResultView = res.body;
    expect(body.visit).toMatchObject({ recorded: true, ticketStatus: 'resolved' });
    expect(body.reinspectionTicket).not.toBeNull();
    expectRefused(
      await result(visit.id, { items, confirmation: { kind: 'in_app' } }),
      409,
      ErrorCode.VisitAlreadyRecorded,
    );

    const [hazard] = await hazards();
    expect(hazard).toMatchObject({
      code: 'hoses',
      itemLabel: '软管',
      severity: 'serious',
      severityLabel: '较大隐患',
      status: 'open',
      note: '软管老化开裂',
      deadline: '2026-12-12T02:00:00.000Z',
      photoIds: [photoId],
      reinspectionTicket: { id: body.reinspectionTicket!.id },
    });
    expect(hazard.advice).toContain('3天内');
    // Another resident's view of the account is 404.
    const eve = await residentLogin(t, 'hazard-eve');
    expect((await t.http().get(`/api/accounts/${accountId}/hazards`).set('Authorization', eve.auth)).status).toBe(404);

    const [re] = (await day('2026-12-10')).filter((v) => v.kind === 'reinspection' && v.accountId === accountId);
    expect(re.checklist.map((i) => i.code)).toEqual(['hoses']);
    const passed = await result(re.id, {
      items: [{ code: 'hoses', ok: true }],
      confirmation: { kind: 'signature', photoId: await photo(inspector) },
    });
    expect(passed.status).toBe(200);
    expect(passed.body.hazardsClosed.map((h: HazardView) => h.id)).toEqual([hazard.id]);
    expect(passed.body.reinspectionTicket).toBeNull();
    expect(await hazards()).toMatchObject([
      { id: hazard.id, status: 'closed', statusLabel: '已整改', reinspectionTicket: null },
    ]);
    // The month's report counts it as found and closed (the reports module reads it through HazardFactsService).
    const report = await t.http().get('/api/reports/monthly?period=2026-12').set('Authorization', supervisor);
    expect(report.status).toBe(200);
    expect(report.body.figures.hazards).toEqual({ found: 1, closed: 1, openAtEnd: 0 });
    t.setNow(MONDAY);
  });

  it('turns a refused rectification into a stop-supply application a supervisor sees, and keeps the hazard open', async () => {
    const plan = await createPlan(t, supervisor, {
      districtId: await districtOf(t, EAST_HALL_ACCOUNT),
      startDate: '2026-12-15',
      endDate: '2026-12-15',
    });
    const [slot] = await slotsOf(t, alice, accountId, plan.id);
    const booked = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', alice.auth)
      .send({ accountId, slotId: slot.id });
    expect(booked.status).toBe(201);
    t.setNow(new Date('2026-12-15T02:00:00Z'));
    const photoId = await photo(inspector);
    const items = GAS.map((code) =>
      code === 'alarm'
        ? { code, ok: false, note: '未安装报警器', photoIds: [photoId], severity: 'critical' }
        : { code, ok: true },
    );
    const signed = { kind: 'signature', photoId: await photo(inspector) };
    const first = await result(booked.body.ticket.id, { items, confirmation: signed });
    expect(first.status).toBe(200);
    expect(first.body.hazardsOpened[0]).toMatchObject({ severity: 'critical', deadline: '2026-12-16T02:00:00.000Z' });
    const refused = await result(first.body.reinspectionTicket.id, { outcome: 'refused', note: '居民拒绝安装报警器' });
    expect(refused.status).toBe(200);
    const app = refused.body.stopSupplyTicket;
    expect(app).not.toBeNull();
    const seen = await t.http().get(`/api/tickets/${app.id}`).set('Authorization', supervisor);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ type: 'application', status: 'submitted' });
    expect(seen.body.description).toContain('申请停气');
    const open = (await hazards()).filter((h) => h.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ code: 'alarm', stopSupplyTicket: { id: app.id } });
    expect(open[0].reinspectionTicket).not.toBeNull();
    t.setNow(MONDAY);
  });
});
