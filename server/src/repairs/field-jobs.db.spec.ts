import { ErrorCode, FieldJobView } from '@utility/shared';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  EAST_HEAT_ACCOUNT,
  Staff,
  expectRefused,
  getTicket,
  login,
  minutes,
  signIn,
  ticketState,
} from '../testing/api-fixtures';
import { Resident, bindAccount, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { halves, rawInput } from '../testing/photo-fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A heating account of the east-heat station (every fifth demo account is heating). */
const EAST_HEATING_ACCOUNT = '9100000005';

/** My jobs in work order, handing a job back, and room-temperature measurements. */
describe('field jobs: work order, hand-over, room temperature', () => {
  let t: TestApp;
  let dir: string;
  let dispatcher: string;
  let tech1: Staff;
  let tech2: Staff;
  let alice: Resident;
  const accounts: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-jobs-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    [dispatcher, tech1, tech2, alice] = await Promise.all([
      login(t, 'dispatcher1'),
      signIn(t, 'tech1'),
      signIn(t, 'tech2'),
      residentLogin(t, 'jobs-alice'),
    ]);
    for (const no of [EAST_HEAT_ACCOUNT, EAST_HEATING_ACCOUNT])
      for (const a of await bindAccount(t, alice, no)) accounts[a.accountNo] = a.id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => t.setNow(new Date()));

  async function assigned(tech: Staff, overrides: Record<string, unknown> = {}): Promise<number> {
    const res = await t
      .http()
      .post('/api/repairs')
      .set('Authorization', alice.auth)
      .send({
        accountId: accounts[EAST_HEAT_ACCOUNT],
        category: 'no_gas',
        description: '没有气',
        photoIds: [],
        contactPhone: '13712345678',
        ...overrides,
      });
    expect(res.status).toBe(201);
    await t
      .http()
      .post(`/api/tickets/${res.body.id}/assign`)
      .set('Authorization', dispatcher)
      .send({ staffId: tech.staff.id })
      .expect(200);
    return res.body.id;
  }

  const field = (who: { auth: string }, id: number, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/field/jobs/${id}/${action}`).set('Authorization', who.auth).send(body);

  async function stepOk(who: Staff, id: number, action: string, body: Record<string, unknown> = {}): Promise<Response> {
    const res = await field(who, id, action, body);
    expect({ action, status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({
      action,
      status: action === 'temperature' ? 201 : 200,
      body: 'ok',
    });
    return res;
  }

  const myJobs = async (who: Staff): Promise<FieldJobView[]> =>
    (await t.http().get('/api/field/jobs').set('Authorization', who.auth).expect(200)).body;

  it('lists my open jobs in work order: emergencies first, then the deadline that runs out first', async () => {
    const t0 = new Date('2026-11-25T02:00:00.000Z');
    // A room-temperature check (on site within 2 h, like any cold flat), a repair reported an hour later, another an hour after that.
    t.setNow(minutes(t0, -120));
    const roomCold = await assigned(tech2, {
      accountId: accounts[EAST_HEATING_ACCOUNT],
      category: 'room_cold',
      description: '室温只有15度',
    });
    t.setNow(minutes(t0, -60));
    const older = await assigned(tech2);
    t.setNow(t0);
    const newer = await assigned(tech2);
    const leak = await assigned(tech2, { category: 'gas_smell', description: '厨房有燃气味' });
    // Done and handed-back jobs are not mine any more.
    const handedBack = await assigned(tech2);
    await stepOk(tech2, handedBack, 'hand-over', { reason: '配件不足，需另派' });

    const mine = (await myJobs(tech2)).filter((j) => [roomCold, older, newer, leak, handedBack].includes(j.id));
    expect(mine.map((j) => j.id)).toEqual([leak, roomCold, older, newer]);
    expect(mine.map((j) => [j.priority, j.category])).toEqual([
      ['emergency', 'gas_smell'],
      ['normal', 'room_cold'],
      ['normal', 'no_gas'],
      ['normal', 'no_gas'],
    ]);
    expect(mine.map((j) => j.deadlines.onSiteBy)).toEqual(
      [minutes(t0, 30), t0, minutes(t0, 60), minutes(t0, 120)].map((d) => d.toISOString()),
    );
    expect((await myJobs(tech1)).map((j) => j.id)).not.toContain(leak);
  });

  it('hand-over: the assignee says why and the ticket goes back to its queue with its clocks as they were', async () => {
    const t0 = new Date('2026-11-26T02:00:00.000Z');
    t.setNow(t0);
    const id = await assigned(tech1);
    t.setNow(minutes(t0, 5));
    await t
      .http()
      .post(`/api/tickets/${id}/contacted`)
      .set('Authorization', tech1.auth)
      .send({ note: '已联系用户，马上出发' })
      .expect(200);
    t.setNow(minutes(t0, 10));
    await stepOk(tech1, id, 'depart', { etaMinutes: 30 });
    const before = await getTicket(t, dispatcher, id);

    t.setNow(minutes(t0, 25));
    const res = await stepOk(tech1, id, 'hand-over', { reason: '车辆故障，无法前往' });
    expect(res.body).toMatchObject({ id, status: 'accepted', eta: null, accepted: false });
    const after = await getTicket(t, dispatcher, id);
    expect(after).toMatchObject({ status: 'accepted', assigneeId: null, no: before.no, queueId: before.queueId });
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.clocks).toEqual(before.clocks);
    expect(after.events.slice(-2).map((e) => [e.kind, e.actorId, e.fromStatus, e.toStatus, e.note, e.at])).toEqual([
      ['transition', tech1.staff.id, 'en_route', 'accepted', '车辆故障，无法前往', minutes(t0, 25).toISOString()],
      ['handed_over', tech1.staff.id, null, null, '车辆故障，无法前往', minutes(t0, 25).toISOString()],
    ]);
    expect((await myJobs(tech1)).map((j) => j.id)).not.toContain(id);
    expect(await myTicket(t, alice, id)).toMatchObject({ technician: null, eta: null, step: 'accepted' });

    // No longer theirs: the former assignee cannot go on; a colleague takes it from the queue, clocks still untouched.
    const state = await ticketState(t, id);
    expectRefused(await field(tech1, id, 'arrive'), 409, ErrorCode.TransitionNotAllowed);
    expectRefused(await field(tech1, id, 'hand-over', { reason: '再退一次' }), 409, ErrorCode.TransitionNotAllowed);
    expect(await ticketState(t, id)).toEqual(state);
    await t.http().post(`/api/tickets/${id}/claim`).set('Authorization', tech2.auth).expect(200);
    expect((await myJobs(tech2)).find((j) => j.id === id)).toMatchObject({
      status: 'assigned',
      accepted: false,
      deadlines: before.deadlines,
    });
  });

  it('hand-over needs a reason', async () => {
    const id = await assigned(tech1);
    const state = await ticketState(t, id);
    expectRefused(await field(tech1, id, 'hand-over', { reason: ' ' }), 400, ErrorCode.ValidationFailed);
    expectRefused(await field(tech1, id, 'hand-over', {}), 400, ErrorCode.ValidationFailed);
    expect(await ticketState(t, id)).toEqual(state);
  });

  describe('room temperature', () => {
    const readings = async (ticketId: number) =>
      t.app
        .get(DataSource)
        .query(
          'SELECT deciCelsius, minCelsius, belowStandard, measuredAt FROM room_temperature_reading WHERE ticketId = ? ORDER BY id',
          [ticketId],
        );

    async function roomColdOnSite(): Promise<number> {
      t.setNow(new Date('2026-12-01T08:00:00+08:00'));
      const id = await assigned(tech1, {
        accountId: accounts[EAST_HEATING_ACCOUNT],
        category: 'room_cold',
        description: '室温偏低',
      });
      await stepOk(tech1, id, 'depart', { etaMinutes: 60 });
      await stepOk(tech1, id, 'arrive');
      return id;
    }

    it('17.5 ℃ at 10:00 Shanghai is below standard (18 ℃ by day); 16.5 ℃ at 23:00 is not (16 ℃ at night)', async () => {
      const id = await roomColdOnSite();
      t.setNow(new Date('2026-12-02T00:00:00+08:00'));
      const day = await stepOk(tech1, id, 'temperature', { celsius: 17.5, measuredAt: '2026-12-01T10:00:00+08:00' });
      expect(day.body).toEqual({
        id: expect.any(Number),
        ticketId: id,
        celsius: 17.5,
        measuredAt: '2026-12-01T02:00:00.000Z',
        minCelsius: 18,
        belowStandard: true,
        signed: false,
        residentConfirmed: false,
      });
      const night = await stepOk(tech1, id, 'temperature', { celsius: 16.5, measuredAt: '2026-12-01T23:00:00+08:00' });
      expect(night.body).toMatchObject({ celsius: 16.5, minCelsius: 16, belowStandard: false });

      const rows = await readings(id);
      expect(
        rows.map((r: { deciCelsius: number; minCelsius: number; belowStandard: unknown }) => [
          r.deciCelsius,
          r.minCelsius,
          Boolean(Number(r.belowStandard)),
        ]),
      ).toEqual([
        [175, 18, true],
        [165, 16, false],
      ]);
      const events = (await getTicket(t, dispatcher, id)).events.filter((e) => e.kind === 'temp_recorded');
      expect(events.map((e) => [e.actorId, e.note])).toEqual([
        [tech1.staff.id, '室温17.5℃，标准≥18℃，不达标，待居民在小程序中确认'],
        [tech1.staff.id, '室温16.5℃，标准≥16℃，达标，待居民在小程序中确认'],
      ]);
      const resolve = {
        diagnosis: '末端散热器气堵',
        work: '排气后复测',
        photoIdsBefore: [],
        photoIdsAfter: [],
        chargeable: false,
        confirmation: { kind: 'in_app' },
      };
      // Unsigned readings do not count: the resident confirms them (and the work) in the app first.
      expectRefused(await field(tech1, id, 'resolve', resolve), 409, ErrorCode.TemperatureUnsigned);
      const mine = await t.http().get(`/api/my/tickets/${id}`).set('Authorization', alice.auth).expect(200);
      expect(
        mine.body.temperatureReadings.map((r: { celsius: number; residentConfirmed: boolean }) => [
          r.celsius,
          r.residentConfirmed,
        ]),
      ).toEqual([
        [17.5, false],
        [16.5, false],
      ]);
      const confirmed = await t
        .http()
        .post(`/api/my/tickets/${id}/temperature/confirm`)
        .set('Authorization', alice.auth)
        .expect(200);
      expect(
        confirmed.body.temperatureReadings.map((r: { residentConfirmed: boolean }) => r.residentConfirmed),
      ).toEqual([true, true]);
      expectRefused(await field(tech1, id, 'resolve', resolve), 409, ErrorCode.ResidentConfirmationRequired);
      await t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', alice.auth).expect(200);
      await stepOk(tech1, id, 'resolve', resolve);
    });

    it("a reading signed on the technician's phone counts at once", async () => {
      const id = await roomColdOnSite();
      const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
      const upload = async () =>
        (
          await t
            .http()
            .post('/api/uploads')
            .set('Authorization', tech1.auth)
            .attach('file', jpeg, { filename: 's.jpg', contentType: 'image/jpeg' })
            .expect(201)
        ).body.id as number;
      const [readingSign, workSign] = [await upload(), await upload()];
      const reading = await stepOk(tech1, id, 'temperature', {
        celsius: 17.0,
        measuredAt: '2026-12-01T07:55:00+08:00',
        signaturePhotoId: readingSign,
      });
      expect(reading.body).toMatchObject({ signed: true, residentConfirmed: false });
      await stepOk(tech1, id, 'resolve', {
        diagnosis: '末端散热器气堵',
        work: '排气后复测',
        chargeable: false,
        confirmation: { kind: 'signature', photoId: workSign },
      });
      const [row] = await t.app.get(DataSource).query('SELECT attachedTo FROM upload WHERE id = ?', [readingSign]);
      expect(row.attachedTo).toBe(`temp_sign:${reading.body.id}`);
    });

    it('refusals record nothing: no reading yet at resolve, a second decimal, a time in the future, the wrong ticket type or status, someone else', async () => {
      const id = await roomColdOnSite();
      const ok = { celsius: 17.5, measuredAt: '2026-12-01T07:50:00+08:00' };
      const resolve = {
        diagnosis: '待测',
        work: '待测',
        photoIdsBefore: [],
        photoIdsAfter: [],
        chargeable: false,
        confirmation: { kind: 'in_app' },
      };
      const cases: [() => PromiseLike<Response>, number, ErrorCode][] = [
        [() => field(tech1, id, 'resolve', resolve), 409, ErrorCode.TemperatureRequired],
        [() => field(tech1, id, 'temperature', { ...ok, celsius: 17.55 }), 400, ErrorCode.ValidationFailed],
        [() => field(tech1, id, 'temperature', { ...ok, celsius: '17.5' }), 400, ErrorCode.ValidationFailed],
        [
          () => field(tech1, id, 'temperature', { ...ok, measuredAt: '2026-12-01T09:00:00+08:00' }),
          400,
          ErrorCode.ValidationFailed,
        ],
        [() => field(tech1, id, 'temperature', { celsius: 17.5 }), 400, ErrorCode.ValidationFailed],
        [() => field(tech2, id, 'temperature', ok), 403, ErrorCode.Forbidden],
      ];
      for (const [send, status, code] of cases) {
        const [state, count] = [await ticketState(t, id), (await readings(id)).length];
        expectRefused(await send(), status, code);
        expect(await ticketState(t, id)).toEqual(state);
        expect((await readings(id)).length).toBe(count);
      }

      const repair = await assigned(tech1);
      await stepOk(tech1, repair, 'depart', { etaMinutes: 10 });
      expectRefused(await field(tech1, repair, 'temperature', ok), 409, ErrorCode.TicketTypeMismatch);
      const enRoute = await assigned(tech1, {
        accountId: accounts[EAST_HEATING_ACCOUNT],
        category: 'room_cold',
        description: '室温偏低',
      });
      await stepOk(tech1, enRoute, 'depart', { etaMinutes: 10 });
      expectRefused(await field(tech1, enRoute, 'temperature', ok), 409, ErrorCode.TransitionNotAllowed);
      expect((await readings(repair)).length + (await readings(enRoute)).length).toBe(0);
    });
  });
});
