import { ErrorCode } from '@utility/shared';
import { call, countTickets, createTicket, expectRefused, login } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * Complaints are resolved within 5 working days (docs/domain.md#working-days): the arrival day does not count and
 * the deadline is the end of the 5th working day, Shanghai time. National Day 2026 is 1–7 October,
 * with Saturday 10 October worked (调休). So, from 30 September:
 *   8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, make-up day) 3, 11 Oct (Sun) off, 12 Oct (Mon) 4, 13 Oct (Tue) 5
 * and the deadline is 14 October 00:00 in Shanghai, i.e. 13 October 16:00 UTC.
 */
const END_OF_13_OCTOBER = '2026-10-13T16:00:00.000Z';
const END_OF_14_OCTOBER = '2026-10-14T16:00:00.000Z';
const AT_2350_SHANGHAI_30_SEPTEMBER = new Date('2026-09-30T15:50:00.000Z');

describe('working-day deadlines and the calendar', () => {
  let t: TestApp;
  let agent: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    [agent, admin] = await Promise.all([login(t, 'agent1'), login(t, 'admin')]);
  });
  afterAll(() => t.close());

  const complaintAt = async (at: Date) => {
    t.setNow(at);
    return createTicket(t, agent, call({ type: 'complaint', description: '抄表员多次未按时上门' }));
  };
  const putDay = (auth: string, date: string, body: object) =>
    t.http().put(`/api/admin/calendar/${date}`).set('Authorization', auth).send(body);

  it('puts the resolve deadline of a complaint taken at 23:50 on 30 September after the National Day holiday', async () => {
    const complaint = await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER);
    expect(complaint.deadlines).toEqual({
      respondBy: '2026-10-01T15:50:00.000Z', // 24 h, holiday or not
      contactBy: null,
      decisionBy: null,
      onSiteBy: null,
      resolveBy: END_OF_13_OCTOBER,
    });
  });

  it('counts days in Shanghai, not UTC: 00:30 on 30 September in Shanghai is still 29 September in UTC', async () => {
    const complaint = await complaintAt(new Date('2026-09-29T16:30:00.000Z'));
    expect(complaint.deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
  });

  it('starts counting after the holiday for a complaint that arrives during it', async () => {
    const complaint = await complaintAt(new Date('2026-10-03T04:00:00.000Z'));
    expect(complaint.deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
  });

  it("follows the admin's calendar override for the next ticket, and leaves earlier deadlines alone", async () => {
    const earlier = await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER);
    // A newly announced day off on Monday 12 October pushes the 5th working day to the 14th.
    const res = await putDay(admin, '2026-10-12', { working: false, note: '临时调整：停工一天' }).expect(200);
    expect(res.body).toEqual({ date: '2026-10-12', working: false, note: '临时调整：停工一天' });
    expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_14_OCTOBER);

    // And a Sunday declared a working day brings it back to the 13th.
    await putDay(admin, '2026-10-11', { working: true }).expect(200);
    expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_13_OCTOBER);

    // Changing one's mind is an override too.
    await putDay(admin, '2026-10-11', { working: false }).expect(200);
    expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_14_OCTOBER);

    const again = await t.http().get(`/api/tickets/${earlier.id}`).set('Authorization', agent).expect(200);
    expect(again.body.deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
    // Restore the library's calendar for the other tests.
    await putDay(admin, '2026-10-11', { working: false }).expect(200);
    await putDay(admin, '2026-10-12', { working: true }).expect(200);
    expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
  });

  it.each(['supervisor1', 'dispatcher1', 'agent1'])(
    'refuses a calendar change by %s with 403, and nothing changes',
    async (username) => {
      expectRefused(await putDay(await login(t, username), '2026-10-12', { working: false }), 403, ErrorCode.Forbidden);
      expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
    },
  );

  it.each([
    ['a date that does not exist', '2026-02-30', { working: false }],
    ['a date without leading zeros', '2026-10-1', { working: false }],
    ['a date that is not one', 'tomorrow', { working: false }],
    ['no working flag', '2026-10-12', { note: '停工' }],
    ['a working flag that is a string', '2026-10-12', { working: 'no' }],
    ['a note over 100 characters', '2026-10-12', { working: false, note: '停'.repeat(101) }],
  ])('refuses %s with 400 VALIDATION_FAILED, and deadlines stay as they were', async (_what, date, body) => {
    expectRefused(await putDay(admin, date, body), 400, ErrorCode.ValidationFailed);
    const before = await countTickets(t);
    expect((await complaintAt(AT_2350_SHANGHAI_30_SEPTEMBER)).deadlines.resolveBy).toBe(END_OF_13_OCTOBER);
    expect(await countTickets(t)).toBe(before + 1);
  });
});
