import { ERROR_MESSAGES, ErrorCode, type InspectionBookingView, type InspectionSlotView } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { addAccountsLike } from '../support/accounts';
import { queryRows } from '../support/db';
import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';

const LIKE = '9100000002'; // an east-district demo account
const shanghaiDay = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Household {
  token: string;
  accountId: number;
}

/** 52 residents with one east account each, logged in and bound on the servers in turn. */
async function households(db: TestDatabase, servers: ServerProcess[]): Promise<Household[]> {
  const accounts = await addAccountsLike(db, LIKE, 52, '97');
  return Promise.all(
    accounts.map(async (account, i) => {
      const url = servers[i % servers.length].url;
      const login = await api(url, 'POST', '/api/auth/wechat', undefined, {
        code: `mock-race-${i}:${randomBytes(6).toString('hex')}`,
      });
      expect(login.status).toBe(200);
      const bound = await api(url, 'POST', '/api/accounts/bind', login.body.token, account);
      expect(bound.status).toBe(201);
      return {
        token: login.body.token,
        accountId: bound.body.find((a: { accountNo: string }) => a.accountNo === account.accountNo).id,
      };
    }),
  );
}

/** Several server processes on one database, as behind a load balancer: a slot is never overbooked. */
describe('inspection booking across server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 3; i++) servers.push(await startServer(db.url));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('50 residents on 3 processes racing for the last 3 places: 3 bookings, 47 clear refusals, none left', async () => {
    const supervisor = await staffToken(servers[0].url, 'supervisor1');
    const [{ districtId }] = await queryRows<{ districtId: number }>(
      db,
      'SELECT districtId FROM account WHERE accountNo = ?',
      [LIKE],
    );
    const plan = await api(servers[0].url, 'POST', '/api/staff/inspection-plans', supervisor, {
      districtId: Number(districtId),
      name: '并发安检',
      period: 'monthly',
      startDate: shanghaiDay(3),
      endDate: shanghaiDay(12),
      halves: ['am'],
      capacity: 5,
    });
    expect(plan.status).toBe(201);
    const people = await households(db, servers);
    const listed = await api(
      servers[1].url,
      'GET',
      `/api/inspection-slots?accountId=${people[0].accountId}`,
      people[0].token,
    );
    const slot = (listed.body as InspectionSlotView[]).find((s) => s.planId === plan.body.id)!;
    const book = (p: Household, i: number) =>
      api(servers[i % servers.length].url, 'POST', '/api/inspections', p.token, {
        accountId: p.accountId,
        slotId: slot.id,
      });
    for (const [i, p] of people.slice(0, 2).entries()) expect((await book(p, i)).status).toBe(201);

    const answers = await Promise.all(people.slice(2).map(book));
    const won = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    expect(won).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const r of refused)
      expect([r.status, r.body]).toEqual([
        409,
        { code: ErrorCode.SlotFull, message: ERROR_MESSAGES[ErrorCode.SlotFull] },
      ]);
    expect(ERROR_MESSAGES[ErrorCode.SlotFull]).toMatch(/约满/);

    const winner = people.slice(2)[answers.indexOf(won[0])];
    const mine = await api(servers[2].url, 'GET', `/api/inspections?accountId=${winner.accountId}`, winner.token);
    expect((mine.body as InspectionBookingView[]).map((b) => [b.state, b.slot.id, b.slot.left])).toEqual([
      ['booked', slot.id, 0],
    ]);
    const again = await api(servers[0].url, 'GET', `/api/inspection-slots?accountId=${winner.accountId}`, winner.token);
    expect((again.body as InspectionSlotView[]).map((s) => s.id)).not.toContain(slot.id);
    const [row] = await queryRows<{ booked: number; n: number }>(
      db,
      'SELECT booked, (SELECT COUNT(*) FROM inspection_booking b WHERE b.slotId = s.id) AS n FROM inspection_slot s WHERE s.id = ?',
      [slot.id],
    );
    expect([Number(row.booked), Number(row.n)]).toEqual([5, 5]);
  });
});
