import { ErrorCode, InspectionBookingView } from '@utility/shared';
import { EAST_HALL_ACCOUNT, WEST_ACCOUNT, expectRefused, login } from '../testing/api-fixtures';
import { Resident, bindAccount, countRows, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { MONDAY, createPlan, crowd, districtOf, slotRow, slotsOf } from '../testing/inspection-fixtures';

/** Slots, booking, reschedule, cancel and every refusal, with the ticket each booking is. */
describe('inspection booking (/api/inspection-slots, /api/inspections)', () => {
  let t: TestApp;
  let supervisor: string;
  let alice: Resident;
  let mallory: Resident;
  let accountId: number;
  let westAccountId: number;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow(MONDAY);
    [supervisor, alice, mallory] = await Promise.all([
      login(t, 'supervisor1'),
      residentLogin(t, 'insp-alice'),
      residentLogin(t, 'insp-mallory'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HALL_ACCOUNT);
    [{ id: westAccountId }] = await bindAccount(t, mallory, WEST_ACCOUNT);
    planId = (await createPlan(t, supervisor, { districtId: await districtOf(t, EAST_HALL_ACCOUNT) })).id;
  });
  afterAll(() => t.close());

  const book = (r: Resident, body: Record<string, unknown>, key?: string) => {
    const req = t.http().post('/api/inspections').set('Authorization', r.auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('lists the working days of the plan with their places, and opens a ticket per booking due at the slot', async () => {
    const slots = await slotsOf(t, alice, accountId, planId);
    expect(slots.map((s) => `${s.date} ${s.halfLabel} ${s.left}/${s.capacity}`)).toEqual([
      '2026-12-09 上午 3/3',
      '2026-12-10 上午 3/3',
      '2026-12-11 上午 3/3',
    ]);
    const res = await book(alice, { accountId, slotId: slots[0].id }, 'insp-book-0001');
    expect(res.status).toBe(201);
    const booking: InspectionBookingView = res.body;
    expect(booking).toMatchObject({
      state: 'booked',
      stateLabel: '已预约',
      canCancel: true,
      slot: { id: slots[0].id, left: 2 },
      ticket: { status: 'submitted' },
    });
    expect(booking.slot.cutoffAt).toBe('2026-12-08T10:00:00.000Z');
    const ticket = await t.http().get(`/api/tickets/${booking.ticket.id}`).set('Authorization', supervisor);
    expect(ticket.body).toMatchObject({ type: 'inspection', queueName: expect.stringContaining('安检') });
    expect(ticket.body.deadlines.resolveBy).toBe('2026-12-09T04:00:00.000Z');

    const replay = await book(alice, { accountId, slotId: slots[0].id }, 'insp-book-0001');
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(booking.id);
    expect((await slotRow(t, slots[0].id)).booked).toBe(1);

    // One active booking per account per plan.
    expectRefused(await book(alice, { accountId, slotId: slots[1].id }), 409, ErrorCode.InspectionAlreadyBooked);
    // Someone else's account is not even confirmed to exist; a slot of another district is not bookable.
    expectRefused(await book(mallory, { accountId, slotId: slots[1].id }), 404, ErrorCode.NotFound);
    expectRefused(
      await book(mallory, { accountId: westAccountId, slotId: slots[1].id }),
      422,
      ErrorCode.SlotNotBookable,
    );
    expectRefused(await book(alice, { accountId, slotId: 'x' }), 400, ErrorCode.ValidationFailed);
    expect((await slotRow(t, slots[1].id)).booked).toBe(0);

    // Reschedule moves the place and the ticket's deadline; cancel gives the place back and cancels the ticket.
    const moved = await t
      .http()
      .post(`/api/inspections/${booking.id}/reschedule`)
      .set('Authorization', alice.auth)
      .send({ slotId: slots[2].id });
    expect(moved.status).toBe(200);
    expect([(await slotRow(t, slots[0].id)).booked, (await slotRow(t, slots[2].id)).booked]).toEqual([0, 1]);
    const after = await t.http().get(`/api/tickets/${booking.ticket.id}`).set('Authorization', supervisor);
    expect(after.body.deadlines.resolveBy).toBe('2026-12-11T04:00:00.000Z');
    const cancelled = await t
      .http()
      .post(`/api/inspections/${booking.id}/cancel`)
      .set('Authorization', alice.auth)
      .send({});
    expect(cancelled.body).toMatchObject({ state: 'cancelled', ticket: { status: 'cancelled' }, canCancel: false });
    expect((await slotRow(t, slots[2].id)).booked).toBe(0);
    expectRefused(
      await t.http().post(`/api/inspections/${booking.id}/cancel`).set('Authorization', alice.auth).send({}),
      409,
      ErrorCode.BookingNotChangeable,
    );
  });

  it('refuses to book, move or cancel after the cut-off (the day before at 18:00) and changes nothing', async () => {
    const [wed, thu] = await slotsOf(t, alice, accountId, planId);
    const res = await book(alice, { accountId, slotId: thu.id });
    expect(res.status).toBe(201);
    t.setNow(new Date('2026-12-08T10:00:00Z')); // Tuesday 18:00 Shanghai: Wednesday's cut-off
    try {
      expect((await slotsOf(t, alice, accountId, planId)).map((s) => s.date)).toEqual(['2026-12-10', '2026-12-11']);
      expectRefused(
        await t
          .http()
          .post(`/api/inspections/${res.body.id}/reschedule`)
          .set('Authorization', alice.auth)
          .send({ slotId: wed.id }),
        422,
        ErrorCode.BookingCutoffPassed,
      );
      t.setNow(new Date('2026-12-09T10:00:00Z'));
      expectRefused(
        await t.http().post(`/api/inspections/${res.body.id}/cancel`).set('Authorization', alice.auth).send({}),
        422,
        ErrorCode.BookingCutoffPassed,
      );
      expect((await slotRow(t, thu.id)).booked).toBe(1);
      expect((await slotRow(t, wed.id)).booked).toBe(0);
    } finally {
      t.setNow(MONDAY);
    }
  });

  it('cancelled from 我的报修 is the booking cancelled: the place goes back, the cut-off holds, the window is shown', async () => {
    const ownPlan = await createPlan(t, supervisor, {
      name: '十二月补充安检',
      districtId: await districtOf(t, EAST_HALL_ACCOUNT),
    });
    const [wed, thu] = await slotsOf(t, alice, accountId, ownPlan.id);
    const booked = await book(alice, { accountId, slotId: thu.id });
    expect(booked.status).toBe(201);
    const ticketId = booked.body.ticket.id;
    const mine = await t.http().get(`/api/my/tickets/${ticketId}`).set('Authorization', alice.auth);
    expect(mine.body).toMatchObject({ windowStart: '2026-12-10T01:00:00.000Z', windowEnd: '2026-12-10T04:00:00.000Z' });

    t.setNow(new Date('2026-12-09T10:00:00Z')); // Wednesday 18:00: Thursday's cut-off
    try {
      expectRefused(
        await t.http().post(`/api/my/tickets/${ticketId}/cancel`).set('Authorization', alice.auth).send({}),
        422,
        ErrorCode.BookingCutoffPassed,
      );
      expect((await slotRow(t, thu.id)).booked).toBe(1);
    } finally {
      t.setNow(MONDAY);
    }
    const cancelled = await t
      .http()
      .post(`/api/my/tickets/${ticketId}/cancel`)
      .set('Authorization', alice.auth)
      .send({});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ step: 'cancelled', canCancel: false });
    expect((await slotRow(t, thu.id)).booked).toBe(0);
    const bookings = await t.http().get(`/api/inspections?accountId=${accountId}`).set('Authorization', alice.auth);
    expect(bookings.body.find((b: InspectionBookingView) => b.id === booked.body.id)).toMatchObject({
      state: 'cancelled',
    });
    expect((await book(alice, { accountId, slotId: wed.id })).status).toBe(201);
  });

  it('50 residents racing for the last 3 places: exactly 3 bookings, 47 SLOT_FULL, none left', async () => {
    const plan = await createPlan(t, supervisor, {
      districtId: await districtOf(t, EAST_HALL_ACCOUNT),
      startDate: '2026-12-14',
      endDate: '2026-12-14',
      capacity: 5,
    });
    const people = await crowd(t, EAST_HALL_ACCOUNT, 52, '98');
    const [slot] = await slotsOf(t, people[0].resident, people[0].accountId, plan.id);
    for (const p of people.slice(0, 2))
      expect((await book(p.resident, { accountId: p.accountId, slotId: slot.id })).status).toBe(201);
    const tickets = await countRows(t, 'ticket');
    const results = await Promise.all(
      people.slice(2).map((p) => book(p.resident, { accountId: p.accountId, slotId: slot.id })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(47);
    for (const r of refused) expectRefused(r, 409, ErrorCode.SlotFull);
    expect(await slotRow(t, slot.id)).toEqual({ booked: 5, capacity: 5 });
    expect(await countRows(t, 'inspection_booking', { slotId: slot.id })).toBe(5);
    expect(await countRows(t, 'ticket')).toBe(tickets + 3);
    expect(await slotsOf(t, people[0].resident, people[0].accountId, plan.id)).toEqual([]);
  }, 60_000);
});
