import { ErrorCode, FieldJobView, ResidentTicketView } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { Resident, bindAccount, countRows, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { halves, rawInput } from '../testing/photo-fixtures';

/**
 * A technician's visit from the phone: accept → depart (the resident sees the ETA) → arrive →
 * resolve with photos and the resident's signature → the resident confirms, or says it is not fixed.
 */
describe('field workflow (/api/field/jobs) and the resident sign-off', () => {
  let t: TestApp;
  let dir: string;
  let dispatcher: string;
  let tech1: Staff;
  let tech2: Staff;
  let tech3: Staff;
  let alice: Resident;
  let bob: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-field-'));
    t = await startTestApp({ UPLOADS_DIR: dir, UPLOAD_HOURLY_LIMIT: '500' });
    [dispatcher, tech1, tech2, tech3, alice, bob] = await Promise.all([
      login(t, 'dispatcher1'),
      signIn(t, 'tech1'),
      signIn(t, 'tech2'),
      signIn(t, 'tech3'),
      residentLogin(t, 'field-alice'),
      residentLogin(t, 'field-bob'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
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

  const attachedTo = async (ids: number[]): Promise<(string | null)[]> => {
    const rows: { attachedTo: string | null }[] = await t.app
      .get(DataSource)
      .query(`SELECT attachedTo FROM upload WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`, ids);
    return rows.map((r) => r.attachedTo);
  };

  /** Alice reports a fault; the dispatcher gives it to `tech`. */
  async function assignedRepair(tech: Staff, overrides: Record<string, unknown> = {}): Promise<number> {
    const res = await t
      .http()
      .post('/api/repairs')
      .set('Authorization', alice.auth)
      .send({
        accountId,
        category: 'no_gas',
        description: '灶具打不着火',
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

  async function stepOk(
    who: Staff,
    id: number,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<FieldJobView> {
    const res = await field(who, id, action, body);
    expect({ action, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
      action,
      status: 200,
      body: 'ok',
    });
    return res.body;
  }

  const resolution = (overrides: Record<string, unknown> = {}) => ({
    diagnosis: '灶具电池没电，点火针积碳',
    work: '更换电池，清理点火针',
    parts: [{ name: '1号电池', qty: 2 }],
    photoIdsBefore: [],
    photoIdsAfter: [],
    chargeable: false,
    confirmation: { kind: 'in_app' },
    ...overrides,
  });

  async function onSite(tech: Staff, overrides: Record<string, unknown> = {}): Promise<number> {
    const id = await assignedRepair(tech, overrides);
    await stepOk(tech, id, 'depart', { etaMinutes: 20 });
    await stepOk(tech, id, 'arrive');
    return id;
  }

  const confirmInApp = (who: Resident, id: number) =>
    t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', who.auth);

  /** Resolved with the resident's own confirmation in the app, given while the technician was there. */
  async function resolved(tech: Staff): Promise<number> {
    const id = await onSite(tech);
    await confirmInApp(alice, id).expect(200);
    await stepOk(tech, id, 'resolve', resolution());
    return id;
  }

  const eventRows = async (
    id: number,
  ): Promise<
    {
      kind: string;
      actorId: number | null;
      actorRole: string | null;
      fromStatus: string | null;
      toStatus: string | null;
      note: string | null;
      data: string | null;
      at: Date;
    }[]
  > =>
    t.app
      .get(DataSource)
      .query(
        'SELECT kind, actorId, actorRole, fromStatus, toStatus, note, data, at FROM ticket_event WHERE ticketId = ? ORDER BY id',
        [id],
      );

  const myJobs = async (who: Staff): Promise<FieldJobView[]> =>
    (await t.http().get('/api/field/jobs').set('Authorization', who.auth).expect(200)).body;

  it('accept → depart (ETA shown to the resident) → arrive → resolve with photos and a signature → the resident confirms', async () => {
    const t0 = new Date('2026-11-20T01:00:00.000Z');
    t.setNow(t0);
    const residentPhotos = await photos(alice.auth, 1);
    // This morning 09:05–11:00: on site is due at the window's end, the fix 24 h after it.
    const window = { start: '2026-11-20T09:05:00+08:00', end: '2026-11-20T11:00:00+08:00' };
    const id = await assignedRepair(tech1, { photoIds: residentPhotos, window });

    // My jobs: address, masked contact, category, window and clocks.
    const job = (await myJobs(tech1)).find((j) => j.id === id)!;
    expect(job).toMatchObject({
      type: 'repair',
      typeLabel: '一般报修',
      status: 'assigned',
      priority: 'normal',
      accountNo: EAST_HEAT_ACCOUNT,
      address: expect.stringContaining('城东区'),
      contactPhone: '137****5678',
      category: 'no_gas',
      categoryLabel: '没气',
      description: '灶具打不着火',
      window: { start: '2026-11-20T01:05:00.000Z', end: '2026-11-20T03:00:00.000Z' },
      accepted: false,
      eta: null,
      deadlines: { onSiteBy: minutes(t0, 120).toISOString(), resolveBy: minutes(t0, 120 + 1440).toISOString() },
    });
    expect(job.clocks.map((c) => c.kind)).toEqual(['respond', 'contact', 'on_site', 'resolve']);
    expect(JSON.stringify(job)).not.toContain('13712345678');

    t.setNow(minutes(t0, 6));
    expect(await stepOk(tech1, id, 'accept')).toMatchObject({ accepted: true, status: 'assigned' });
    const afterAccept = (await eventRows(id)).length;
    expect(await stepOk(tech1, id, 'accept')).toMatchObject({ accepted: true });
    expect((await eventRows(id)).length).toBe(afterAccept);

    t.setNow(minutes(t0, 10));
    expect(await stepOk(tech1, id, 'depart', { etaMinutes: 25 })).toMatchObject({
      status: 'en_route',
      eta: minutes(t0, 35).toISOString(),
    });
    for (const r of [alice, bob]) {
      expect(await myTicket(t, r, id)).toMatchObject({
        step: 'on_the_way',
        stepLabel: '师傅在路上',
        eta: minutes(t0, 35).toISOString(),
        technician: { surname: '张', phone: '139****1111', dialPhone: expect.stringMatching(/^139\d{4}1111$/) },
        canConfirm: false,
        canReportNotFixed: false,
      });
    }

    t.setNow(minutes(t0, 32));
    expect(await stepOk(tech1, id, 'arrive', { location: { latitude: 39.9, longitude: 116.4 } })).toMatchObject({
      status: 'on_site',
      eta: null,
    });
    expect((await myTicket(t, alice, id)).eta).toBeNull();

    // The charge: a quote from the price list, signed by the resident on the phone before the work is recorded.
    t.setNow(minutes(t0, 40));
    const [before1, before2, after1, after2, signature, quoteSignature] = await photos(tech1.auth, 6);
    const quoted = await stepOk(tech1, id, 'quote', { items: [{ code: 'stove-thermocouple', qty: 1 }] });
    expect(quoted.quote).toMatchObject({ totalFen: 3500, status: 'pending' });
    t.setNow(minutes(t0, 42));
    const signed = await stepOk(tech1, id, 'quote/signature', { quoteId: quoted.quote!.id, photoId: quoteSignature });
    expect(signed.quote).toMatchObject({ status: 'accepted', acceptedVia: 'signature' });

    t.setNow(minutes(t0, 70));
    const done = await stepOk(
      tech1,
      id,
      'resolve',
      resolution({
        photoIdsBefore: [before1, before2],
        photoIdsAfter: [after1, after2],
        chargeable: true,
        confirmation: { kind: 'signature', photoId: signature },
      }),
    );
    expect(done.status).toBe('resolved');
    expect((await myJobs(tech1)).map((j) => j.id)).not.toContain(id);

    const [result] = await t.app.get(DataSource).query('SELECT * FROM repair_result WHERE ticketId = ?', [id]);
    expect(result).toMatchObject({
      technicianId: tech1.staff.id,
      diagnosis: '灶具电池没电，点火针积碳',
      work: '更换电池，清理点火针',
      chargeFen: 3500,
      quoteId: quoted.quote!.id,
      confirmationKind: 'signature',
      signaturePhotoId: signature,
    });
    expect([Boolean(result.chargeable), Boolean(result.residentConsentToCharge)]).toEqual([true, true]);
    expect(JSON.parse(result.parts)).toEqual([{ name: '1号电池', qty: 2 }]);
    expect([JSON.parse(result.photoIdsBefore), JSON.parse(result.photoIdsAfter)]).toEqual([
      [before1, before2],
      [after1, after2],
    ]);
    expect(new Date(result.resolvedAt).toISOString()).toBe(minutes(t0, 70).toISOString());
    expect(await attachedTo([...residentPhotos, before1, before2, after1, after2, signature, quoteSignature])).toEqual([
      `ticket:${id}`,
      `repair_before:${result.id}`,
      `repair_before:${result.id}`,
      `repair_after:${result.id}`,
      `repair_after:${result.id}`,
      `repair_sign:${result.id}`,
      `quote_sign:${quoted.quote!.id}`,
    ]);

    // Every step is on the timeline: who, when, what.
    const events = (await eventRows(id)).filter((e) => e.actorId === tech1.staff.id);
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, new Date(e.at).toISOString()])).toEqual([
      ['job_accepted', null, null, minutes(t0, 6).toISOString()],
      ['transition', 'assigned', 'en_route', minutes(t0, 10).toISOString()],
      ['eta_set', null, null, minutes(t0, 10).toISOString()],
      ['transition', 'en_route', 'on_site', minutes(t0, 32).toISOString()],
      ['quote_sent', null, null, minutes(t0, 40).toISOString()],
      ['quote_accepted', null, null, minutes(t0, 42).toISOString()],
      ['transition', 'on_site', 'resolved', minutes(t0, 70).toISOString()],
    ]);
    expect(JSON.parse(events[2].data!)).toEqual({ eta: minutes(t0, 35).toISOString(), etaMinutes: 25 });
    expect(JSON.parse(events[3].data!)).toEqual({ latitude: 39.9, longitude: 116.4 });
    expect(events[4].note).toBe('报价已发送：灶具熄火保护针更换×1，合计¥35.00');
    expect(events[5].note).toBe('用户已签字同意报价，合计¥35.00');
    expect(JSON.parse(events[6].data!)).toMatchObject({
      resultId: result.id,
      chargeable: true,
      chargeFen: 3500,
      confirmation: 'signature',
    });
    const staffView = await getTicket(t, dispatcher, id);
    expect(staffView.clocks.map((c) => [c.kind, c.stoppedAt, c.breached])).toEqual([
      ['respond', minutes(t0, 0).toISOString(), false],
      // Nobody recorded a call: arriving 32 minutes after the report stops the 30-minute contact clock late.
      ['contact', minutes(t0, 32).toISOString(), true],
      ['on_site', minutes(t0, 32).toISOString(), false],
      ['resolve', minutes(t0, 70).toISOString(), false],
    ]);

    // The resident confirms once; again, or from the other member of the household, records nothing more.
    expect(await myTicket(t, alice, id)).toMatchObject({
      step: 'to_rate',
      canConfirm: true,
      canReportNotFixed: true,
      // Work done: the resident sees who came (工号 when on file), and no longer gets a number to call.
      technician: { surname: '张', dialPhone: null },
      quote: { id: quoted.quote!.id, totalFen: 3500, status: 'accepted', acceptedVia: 'signature' },
    });
    t.setNow(minutes(t0, 90));
    const confirmed = await t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', alice.auth).expect(200);
    expect(confirmed.body).toMatchObject({ id, canConfirm: false, canReportNotFixed: true });
    const count = (await eventRows(id)).length;
    const last = (await eventRows(id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'resident_confirm', actorId: alice.resident.id, actorRole: 'resident' });
    expect(new Date(last.at).toISOString()).toBe(minutes(t0, 90).toISOString());
    for (const r of [alice, bob]) {
      const again = await t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', r.auth).expect(200);
      expect((again.body as ResidentTicketView).canConfirm).toBe(false);
    }
    expect((await eventRows(id)).length).toBe(count);
  });

  it('racing confirmations on site record one', async () => {
    const id = await onSite(tech1);
    const answers = await Promise.all(
      [alice, bob, alice, bob].map((r) => t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', r.auth)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect((await eventRows(id)).filter((e) => e.kind === 'resident_confirm')).toHaveLength(1);
  });

  it('not fixed: the resident reopens it with a reason, same ticket number, fresh visit clocks; the next resolution can be confirmed again', async () => {
    const t0 = new Date('2026-11-21T01:00:00.000Z');
    t.setNow(t0);
    const id = await resolved(tech1);
    await t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', bob.auth).expect(200);
    const before = await getTicket(t, dispatcher, id);

    t.setNow(minutes(t0, 300));
    const res = await t
      .http()
      .post(`/api/my/tickets/${id}/not-fixed`)
      .set('Authorization', alice.auth)
      .send({ reason: '晚上又打不着火了' })
      .expect(200);
    expect(res.body).toMatchObject({
      id,
      no: before.no,
      step: 'accepted',
      technician: null,
      canConfirm: false,
      canReportNotFixed: false,
      canCancel: true,
    });
    expect(res.body.timeline.at(-1)).toMatchObject({ label: '已重新受理', at: minutes(t0, 300).toISOString() });
    const after = await getTicket(t, dispatcher, id);
    expect(after).toMatchObject({ no: before.no, status: 'accepted', assigneeId: null });
    expect(after.events.at(-1)).toMatchObject({
      kind: 'transition',
      fromStatus: 'resolved',
      toStatus: 'accepted',
      actorId: alice.resident.id,
      note: '晚上又打不着火了',
    });
    expect(after.deadlines).toEqual({
      respondBy: before.deadlines.respondBy,
      contactBy: before.deadlines.contactBy,
      decisionBy: null,
      onSiteBy: minutes(t0, 300 + 120).toISOString(),
      resolveBy: minutes(t0, 300 + 1440).toISOString(),
    });

    // Back out, resolved again: a new result, and a new confirmation is asked for.
    await t
      .http()
      .post(`/api/tickets/${id}/assign`)
      .set('Authorization', dispatcher)
      .send({ staffId: tech1.staff.id })
      .expect(200);
    await stepOk(tech1, id, 'depart', { etaMinutes: 30 });
    await stepOk(tech1, id, 'arrive');
    const [signature] = await photos(tech1.auth, 1);
    await stepOk(
      tech1,
      id,
      'resolve',
      resolution({
        diagnosis: '减压阀故障',
        work: '更换减压阀',
        chargeable: false,
        confirmation: { kind: 'signature', photoId: signature },
      }),
    );
    expect(await countRows(t, 'repair_result', { ticketId: id })).toBe(2);
    expect(await myTicket(t, alice, id)).toMatchObject({ no: before.no, step: 'to_rate', canConfirm: true });
  });

  describe('refused steps change nothing', () => {
    async function refusedChangingNothing(
      id: number,
      send: () => PromiseLike<Response>,
      status: number,
      code: ErrorCode,
      photoIds: number[] = [],
    ) {
      const [state, results] = [await ticketState(t, id), await countRows(t, 'repair_result')];
      expectRefused(await send(), status, code);
      expect(await ticketState(t, id)).toEqual(state);
      expect(await countRows(t, 'repair_result')).toBe(results);
      if (photoIds.length) expect(await attachedTo(photoIds)).toEqual(photoIds.map(() => null));
    }

    it("someone else's job: 403 for a member of its queue, 404 outside it, 403 for the dispatcher", async () => {
      const id = await assignedRepair(tech1);
      for (const [action, body] of [
        ['accept', {}],
        ['depart', { etaMinutes: 10 }],
        ['hand-over', { reason: '不是我的单' }],
      ] as const) {
        await refusedChangingNothing(id, () => field(tech2, id, action, body), 403, ErrorCode.Forbidden);
        await refusedChangingNothing(id, () => field(tech3, id, action, body), 404, ErrorCode.NotFound);
      }
      await refusedChangingNothing(id, () => field({ auth: dispatcher }, id, 'accept'), 403, ErrorCode.Forbidden);
      await refusedChangingNothing(id, () => field(alice, id, 'accept'), 401, ErrorCode.Unauthenticated);
      await refusedChangingNothing(id, () => field(tech1, 99_999_999, 'accept'), 404, ErrorCode.NotFound);
      expect((await myJobs(tech2)).map((j) => j.id)).not.toContain(id);
    });

    it('the wrong status: 409 TRANSITION_NOT_ALLOWED', async () => {
      const id = await assignedRepair(tech1);
      await refusedChangingNothing(id, () => field(tech1, id, 'arrive'), 409, ErrorCode.TransitionNotAllowed);
      await refusedChangingNothing(
        id,
        () => field(tech1, id, 'resolve', resolution()),
        409,
        ErrorCode.TransitionNotAllowed,
      );
      await stepOk(tech1, id, 'depart', { etaMinutes: 15 });
      await refusedChangingNothing(id, () => field(tech1, id, 'accept'), 409, ErrorCode.TransitionNotAllowed);
      await refusedChangingNothing(
        id,
        () => field(tech1, id, 'depart', { etaMinutes: 15 }),
        409,
        ErrorCode.TransitionNotAllowed,
      );
      await refusedChangingNothing(
        id,
        () => field(tech1, id, 'resolve', resolution()),
        409,
        ErrorCode.TransitionNotAllowed,
      );
      // On the way: nothing yet for the resident to confirm or object to.
      await refusedChangingNothing(
        id,
        () => t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', alice.auth),
        409,
        ErrorCode.TransitionNotAllowed,
      );
      await refusedChangingNothing(
        id,
        () =>
          t.http().post(`/api/my/tickets/${id}/not-fixed`).set('Authorization', alice.auth).send({ reason: '还没来' }),
        409,
        ErrorCode.TransitionNotAllowed,
      );
    });

    it.each([
      ['an ETA of 0 minutes', { etaMinutes: 0 }],
      ['an ETA over 4 hours', { etaMinutes: 241 }],
      ['a fractional ETA', { etaMinutes: 12.5 }],
      ['no ETA', {}],
    ])('depart with %s: 400 VALIDATION_FAILED', async (_name, body) => {
      const id = await assignedRepair(tech1);
      await refusedChangingNothing(id, () => field(tech1, id, 'depart', body), 400, ErrorCode.ValidationFailed);
    });

    it("a resolution that breaks a rule, or carries a photo that is not the technician's to attach, stores nothing", async () => {
      const id = await onSite(tech1);
      const mine = await photos(tech1.auth, 7);
      const [residents] = await photos(alice.auth, 1);
      const [colleagues] = await photos(tech2.auth, 1);
      const all = [...mine, residents, colleagues];
      // The technician's word for the resident's confirmation: refused until the resident gives it.
      await refusedChangingNothing(
        id,
        () => field(tech1, id, 'resolve', resolution({ chargeable: false })),
        409,
        ErrorCode.ResidentConfirmationRequired,
        all,
      );
      await confirmInApp(alice, id).expect(200);
      const cases: [Record<string, unknown>, number, ErrorCode][] = [
        // Chargeable with no quote the resident accepted.
        [{ chargeable: true, confirmation: { kind: 'signature', photoId: mine[6] } }, 409, ErrorCode.QuoteRequired],
        [{ confirmation: { kind: 'signature' } }, 400, ErrorCode.ValidationFailed],
        [{ confirmation: { kind: 'staff' } }, 400, ErrorCode.ValidationFailed],
        [{ diagnosis: '' }, 400, ErrorCode.ValidationFailed],
        [{ photoIdsBefore: mine.slice(0, 2), photoIdsAfter: [mine[2], residents] }, 422, ErrorCode.PhotoNotFound],
        [
          { photoIdsBefore: mine.slice(0, 2), confirmation: { kind: 'signature', photoId: colleagues } },
          422,
          ErrorCode.PhotoNotFound,
        ],
        [{ photoIdsBefore: mine.slice(0, 7) }, 422, ErrorCode.TooManyPhotos],
        [{ photoIdsBefore: mine.slice(0, 2), photoIdsAfter: mine.slice(1, 3) }, 422, ErrorCode.PhotoNotFound],
      ];
      for (const [overrides, status, code] of cases) {
        await refusedChangingNothing(id, () => field(tech1, id, 'resolve', resolution(overrides)), status, code, all);
      }
      await stepOk(tech1, id, 'resolve', resolution({ photoIdsBefore: mine.slice(0, 6) }));
    });

    it("another household's ticket: 404 to confirm or reopen", async () => {
      const id = await resolved(tech1);
      const stranger = await residentLogin(t, 'field-stranger');
      await refusedChangingNothing(
        id,
        () => t.http().post(`/api/my/tickets/${id}/confirm`).set('Authorization', stranger.auth),
        404,
        ErrorCode.NotFound,
      );
      await refusedChangingNothing(
        id,
        () =>
          t
            .http()
            .post(`/api/my/tickets/${id}/not-fixed`)
            .set('Authorization', stranger.auth)
            .send({ reason: '没修好' }),
        404,
        ErrorCode.NotFound,
      );
      await refusedChangingNothing(
        id,
        () => t.http().post(`/api/my/tickets/${id}/not-fixed`).set('Authorization', alice.auth).send({ reason: '' }),
        400,
        ErrorCode.ValidationFailed,
      );
    });
  });
});
