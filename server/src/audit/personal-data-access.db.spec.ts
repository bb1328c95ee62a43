import { ErrorCode, TicketView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { Db } from '../common/db';
import {
  EAST_HEAT_ACCOUNT,
  Staff,
  call,
  createTicket,
  expectRefused,
  getTicket,
  signIn,
  transition,
} from '../testing/api-fixtures';
import { bindAccount, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const PHONE = '13812345678';
const MASKED = '138****5678';

/** docs/domain.md#personal-data: phones masked except to whoever works the ticket, and every unmasked view logged. */
describe("the caller's phone on a ticket", () => {
  let t: TestApp;
  let staff: Record<'agent1' | 'tech1' | 'tech2' | 'tech3' | 'dispatcher1' | 'supervisor1' | 'admin', Staff>;
  beforeAll(async () => {
    t = await startTestApp();
    const names = ['agent1', 'tech1', 'tech2', 'tech3', 'dispatcher1', 'supervisor1', 'admin'] as const;
    staff = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await signIn(t, n)]))) as typeof staff;
  });
  afterAll(() => t.close());

  const reveal = (who: Staff, id: number) =>
    t.http().post(`/api/tickets/${id}/reveal-phone`).set('Authorization', who.auth);
  const accessLog = async () =>
    (await t.http().get('/api/admin/personal-data-access').set('Authorization', staff.admin.auth).expect(200)).body;
  const newTicket = (): Promise<TicketView> =>
    createTicket(t, staff.agent1.auth, call({ accountNo: EAST_HEAT_ACCOUNT, contactPhone: PHONE }));

  it('is stored encrypted', async () => {
    const ticket = await newTicket();
    const [row] = await t.app.get(DataSource).query('SELECT contactPhone FROM ticket WHERE id = ?', [ticket.id]);
    expect(row.contactPhone).toMatch(/^v1:/);
    expect(row.contactPhone).not.toContain(PHONE);
    expect(row.contactPhone).not.toContain('12345678');
  });

  it('is masked in every ticket view, to every role, the assignee and the intake agent included', async () => {
    const ticket = await newTicket();
    expect(ticket.contactPhone).toBe(MASKED);
    const claimed = await t
      .http()
      .post(`/api/tickets/${ticket.id}/claim`)
      .set('Authorization', staff.tech1.auth)
      .expect(200);
    expect(claimed.body.contactPhone).toBe(MASKED);
    expect((await transition(t, staff.tech1.auth, ticket.id, 'en_route').expect(200)).body.contactPhone).toBe(MASKED);
    for (const who of [staff.agent1, staff.tech1, staff.tech2, staff.dispatcher1, staff.supervisor1, staff.admin]) {
      const res = await t.http().get(`/api/tickets/${ticket.id}`).set('Authorization', who.auth).expect(200);
      expect(res.body.contactPhone).toBe(MASKED);
      expect(res.text).not.toContain(PHONE);
    }
    const board = await t
      .http()
      .get(`/api/queues/${ticket.queueId}/tickets`)
      .set('Authorization', staff.dispatcher1.auth)
      .expect(200);
    expect(board.text).not.toContain(PHONE);

    // A resident following the account never sees the caller's phone at all.
    const r = await residentLogin(t, 'pii-resident');
    await bindAccount(t, r, EAST_HEAT_ACCOUNT);
    expect(JSON.stringify(await myTicket(t, r, ticket.id))).not.toContain('5678');
  });

  it('is revealed to the assignee and to the agent who took the call, each reveal logged for the admin', async () => {
    const ticket = await newTicket();
    const before = (await accessLog()).length;

    t.setNow(new Date('2026-06-20T01:00:00.000Z'));
    expect((await reveal(staff.agent1, ticket.id).expect(200)).body).toEqual({ phone: PHONE });
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', staff.tech1.auth).expect(200);
    t.setNow(new Date('2026-06-20T01:05:00.000Z'));
    expect((await reveal(staff.tech1, ticket.id).expect(200)).body).toEqual({ phone: PHONE });
    t.setNow(new Date('2026-06-20T01:06:00.000Z'));
    await reveal(staff.tech1, ticket.id).expect(200);

    const log = await accessLog();
    expect(log).toHaveLength(before + 3);
    // Newest first.
    expect(log.slice(0, 3)).toEqual([
      {
        id: expect.any(Number),
        staffId: staff.tech1.staff.id,
        staffName: '张师傅',
        subjectType: 'ticket',
        subjectId: ticket.id,
        field: 'contactPhone',
        at: '2026-06-20T01:06:00.000Z',
      },
      {
        id: expect.any(Number),
        staffId: staff.tech1.staff.id,
        staffName: '张师傅',
        subjectType: 'ticket',
        subjectId: ticket.id,
        field: 'contactPhone',
        at: '2026-06-20T01:05:00.000Z',
      },
      {
        id: expect.any(Number),
        staffId: staff.agent1.staff.id,
        staffName: '王晓梅',
        subjectType: 'ticket',
        subjectId: ticket.id,
        field: 'contactPhone',
        at: '2026-06-20T01:00:00.000Z',
      },
    ]);
    // The log itself holds who, what and when, not the number.
    expect(JSON.stringify(log)).not.toContain(PHONE);
  });

  it('is refused with 403 to others who can see the ticket, and 404 to those who cannot, logging nothing', async () => {
    const ticket = await newTicket();
    const before = await accessLog();
    // Not yet assigned: a technician of the queue may see the ticket but does not work it yet.
    expectRefused(await reveal(staff.tech1, ticket.id), 403, ErrorCode.Forbidden);
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', staff.tech1.auth).expect(200);
    for (const who of [staff.tech2, staff.dispatcher1, staff.supervisor1, staff.admin]) {
      await getTicket(t, who.auth, ticket.id); // in scope
      const res = await reveal(who, ticket.id);
      expectRefused(res, 403, ErrorCode.Forbidden);
      expect(res.text).not.toContain(PHONE);
    }
    expectRefused(await reveal(staff.tech3, ticket.id), 404, ErrorCode.NotFound);
    expectRefused(await reveal(staff.tech3, 99999999), 404, ErrorCode.NotFound);
    expectRefused(await t.http().post(`/api/tickets/${ticket.id}/reveal-phone`), 401, ErrorCode.Unauthenticated);
    expect(await accessLog()).toEqual(before);
  });

  it('is no longer revealed to a technician who handed the ticket back', async () => {
    const ticket = await newTicket();
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', staff.tech1.auth).expect(200);
    await reveal(staff.tech1, ticket.id).expect(200);
    await transition(t, staff.tech1.auth, ticket.id, 'accepted', '不是我的片区').expect(200);
    const before = await accessLog();
    expectRefused(await reveal(staff.tech1, ticket.id), 403, ErrorCode.Forbidden);
    expect(await accessLog()).toEqual(before);
  });

  it('keeps the log row even when a request transaction open at the same time rolls back', async () => {
    const ticket = await newTicket();
    const before = (await accessLog()).length;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = t.app.get(Db).transaction(async (em) => {
      await em.query('SELECT 1');
      await held;
      throw new Error('the request failed');
    });
    const revealing = reveal(staff.agent1, ticket.id).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(request).rejects.toThrow('the request failed');
    expect((await revealing).body).toEqual({ phone: PHONE });
    expect(await accessLog()).toHaveLength(before + 1);
  });

  it('the access log is for admins only', async () => {
    for (const who of [staff.agent1, staff.supervisor1, staff.dispatcher1, staff.tech1]) {
      expectRefused(
        await t.http().get('/api/admin/personal-data-access').set('Authorization', who.auth),
        403,
        ErrorCode.Forbidden,
      );
    }
    expectRefused(await t.http().get('/api/admin/personal-data-access'), 401, ErrorCode.Unauthenticated);
  });

  it('reads at most `limit` entries, and refuses a limit that is not a whole number from 1 to 1000 with 400', async () => {
    const log = (query: string) =>
      t.http().get(`/api/admin/personal-data-access${query}`).set('Authorization', staff.admin.auth);
    expect((await log('?limit=1')).body).toHaveLength(1);
    for (const limit of ['1.5', '0', '-1', '1001', 'abc', '9007199254740993']) {
      expectRefused(await log(`?limit=${limit}`), 400, ErrorCode.ValidationFailed);
    }
  });
});
