import { ErrorCode, StaffView, TicketDetailView, TicketView } from '@utility/shared';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { SlaBreach } from '../tickets/sla-breach.entity';
import { Ticket } from '../tickets/ticket.entity';
import { TEST_PASSWORD, TestApp } from './test-app';

/** Demo accounts (seed/demo-organisation.ts): odd east numbers are east-heat, even east-hall, 26+ west-heat. */
export const EAST_HEAT_ACCOUNT = '9100000001';
export const EAST_HALL_ACCOUNT = '9100000002';
export const WEST_ACCOUNT = '9100000030';

/** A phone call as the 24-hour line takes it; override what the test is about. */
export const call = (overrides: Record<string, unknown> = {}) => ({
  type: 'repair',
  accountNo: EAST_HEAT_ACCOUNT,
  address: '城东区幸福路11号',
  contactName: '王先生',
  contactPhone: '13812345678',
  description: '厨房燃气灶打不着火',
  channel: 'phone',
  ...overrides,
});

export interface Staff {
  auth: string;
  staff: StaffView;
}

const sessions = new WeakMap<TestApp, Map<string, Promise<Staff>>>();

/**
 * Logs in once per app and username (bcrypt makes each login cost ~70 ms), and also returns
 * who it is: ids are needed for assign and assertions.
 */
export function signIn(t: TestApp, username: string): Promise<Staff> {
  const mine = sessions.get(t) ?? new Map<string, Promise<Staff>>();
  sessions.set(t, mine);
  let session = mine.get(username);
  if (!session) {
    session = t
      .http()
      .post('/api/staff/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200)
      .then((res) => ({ auth: `Bearer ${res.body.token}`, staff: res.body.staff }));
    mine.set(username, session);
  }
  return session;
}

/** The bearer header of a demo staff member, e.g. `.set('Authorization', await login(t, 'tech1'))`. */
export const login = async (t: TestApp, username: string): Promise<string> => (await signIn(t, username)).auth;

/** Queue id by code (`repair-east-heat`, `triage`...), read through the API as admin. */
export async function queueIdsByCode(t: TestApp): Promise<Record<string, number>> {
  const admin = await login(t, 'admin');
  const res = await t.http().get('/api/queues').set('Authorization', admin).expect(200);
  return Object.fromEntries(res.body.map((q: { code: string; id: number }) => [q.code, q.id]));
}

export async function createTicket(
  t: TestApp,
  auth: string,
  body: Record<string, unknown> = call(),
): Promise<TicketView> {
  const res = await t.http().post('/api/tickets').set('Authorization', auth).send(body);
  expect(res.status).toBe(201);
  return res.body;
}

export async function getTicket(t: TestApp, auth: string, id: number): Promise<TicketDetailView> {
  const res = await t.http().get(`/api/tickets/${id}`).set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body;
}

export const transition = (t: TestApp, auth: string, id: number, to: string, note?: string) =>
  t
    .http()
    .post(`/api/tickets/${id}/transition`)
    .set('Authorization', auth)
    .send(note === undefined ? { to } : { to, note });

/** A refusal as the miniapp sees it: the status, the machine code, and a Chinese message to show. */
export function expectRefused(res: Response, status: number, code: ErrorCode): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
}

/** What a refused request must leave untouched, read straight from the database. */
export async function ticketState(t: TestApp, id: number) {
  const ds = t.app.get(DataSource);
  const ticket = await ds.getRepository(Ticket).findOneByOrFail({ id });
  const events = await ds.query('SELECT COUNT(*) AS n FROM ticket_event WHERE ticketId = ?', [id]);
  return { ticket, events: Number(events[0].n) };
}

export async function countTickets(t: TestApp): Promise<number> {
  return t.app.get(DataSource).getRepository(Ticket).count();
}

export async function breachesOf(t: TestApp, ticketId: number): Promise<SlaBreach[]> {
  return t.app
    .get(DataSource)
    .getRepository(SlaBreach)
    .find({ where: { ticketId }, order: { id: 'ASC' } });
}

export const minutes = (at: Date | string, n: number) => new Date(new Date(at).getTime() + n * 60_000);

/**
 * The repair policy without the contact clock, for specs of one clock's mechanics (the sweeper, claim
 * order): otherwise contact runs beside respond with the same 30 minutes and breaches with it.
 */
export async function repairPolicyWithoutContact(t: TestApp): Promise<void> {
  await t
    .http()
    .put('/api/admin/sla-policies/repair')
    .set('Authorization', await login(t, 'admin'))
    .send({
      clocks: [
        { clock: 'respond', minutes: 30 },
        { clock: 'on_site', minutes: 120 },
        { clock: 'resolve', minutes: 1440 },
      ],
    })
    .expect(200);
}
