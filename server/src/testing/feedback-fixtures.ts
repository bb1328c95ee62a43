import { RatingLevel, RatingView, ReturnVisitView, TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import { ReturnVisitWorker } from '../feedback/return-visit-worker.service';
import { EAST_HEAT_ACCOUNT, call, createTicket, login, signIn, transition } from './api-fixtures';
import { resolveFieldJob } from './field-job-fixtures';
import { Resident } from './resident-fixtures';
import { TestApp } from './test-app';

/** Runs the return-visit planner as its worker would (every event read so far). */
export const planVisits = (t: TestApp) => t.app.get(ReturnVisitWorker).runOnce();

async function expectOk(res: { status: number; body: unknown }, status = 200) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Moves an assigned ticket of `tech` through its work to resolved: desk work by a transition, a
 * field job en route and on site, then resolved with the resident's signature (its real path).
 */
export async function resolveAs(t: TestApp, techUsername: string, id: number, visit: boolean): Promise<void> {
  const auth = await login(t, techUsername);
  if (!visit) {
    await expectOk(await transition(t, auth, id, 'resolved'));
    return;
  }
  for (const to of ['en_route', 'on_site']) await expectOk(await transition(t, auth, id, to));
  await resolveFieldJob(t, auth, id);
}

/** A repair on the account taken by phone, assigned to tech1 and resolved by them. */
export async function resolvedRepair(
  t: TestApp,
  accountNo = EAST_HEAT_ACCOUNT,
  type: TicketType = TicketType.Repair,
): Promise<number> {
  const ticket = await createTicket(t, await login(t, 'agent1'), call({ accountNo, type }));
  const tech1 = await signIn(t, 'tech1');
  await expectOk(
    await t
      .http()
      .post(`/api/tickets/${ticket.id}/assign`)
      .set('Authorization', await login(t, 'dispatcher1'))
      .send({ staffId: tech1.staff.id }),
  );
  await resolveAs(t, 'tech1', ticket.id, true);
  return ticket.id;
}

/** Claims an already reopened ticket for tech1 (dispatcher assigns) and resolves it again. */
export async function reResolve(t: TestApp, id: number): Promise<void> {
  const tech1 = await signIn(t, 'tech1');
  await expectOk(
    await t
      .http()
      .post(`/api/tickets/${id}/assign`)
      .set('Authorization', await login(t, 'dispatcher1'))
      .send({ staffId: tech1.staff.id }),
  );
  await resolveAs(t, 'tech1', id, true);
}

export const answers = (level: RatingLevel) => ({ speed: level, attitude: level, quality: level, tidiness: level });

export const rate = (t: TestApp, r: Resident, id: number, level: RatingLevel, comment?: string) =>
  t
    .http()
    .post(`/api/my/tickets/${id}/rating`)
    .set('Authorization', r.auth)
    .send({ level, answers: answers(level), ...(comment ? { comment } : {}) });

export async function rated(t: TestApp, r: Resident, id: number, level: RatingLevel): Promise<RatingView> {
  return (await expectOk(await rate(t, r, id, level), 201)) as RatingView;
}

/** The open return visits agent1 sees. */
export async function openVisits(t: TestApp, username = 'agent1'): Promise<ReturnVisitView[]> {
  return (await expectOk(
    await t
      .http()
      .get('/api/return-visits')
      .set('Authorization', await login(t, username)),
  )) as ReturnVisitView[];
}

export const visitOf = async (t: TestApp, ticketId: number, resolution = 1) =>
  (await openVisits(t)).find((v) => v.visited.id === ticketId && v.visited.resolution === resolution);

export const attempt = async (t: TestApp, taskId: number, body: Record<string, unknown>, username = 'agent1') =>
  t
    .http()
    .post(`/api/return-visits/${taskId}/attempts`)
    .set('Authorization', await login(t, username))
    .send(body);

/** Rows of return_visit for a ticket, read from the database (decisions without a task are not in the queue). */
export async function visitRows(
  t: TestApp,
  ticketId: number,
): Promise<{ resolution: number; reason: string; drawPpm: number | null; taskTicketId: number | null }[]> {
  return t.app
    .get(DataSource)
    .query(
      'SELECT resolution, reason, drawPpm, taskTicketId FROM return_visit WHERE visitedTicketId = ? ORDER BY resolution',
      [ticketId],
    );
}
