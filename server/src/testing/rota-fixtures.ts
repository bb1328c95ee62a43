import { ShiftView } from '@utility/shared';
import { login, signIn } from './api-fixtures';
import { TestApp } from './test-app';

const DAY_MS = 86_400_000;

/** District id by code (`east`, `west`), read through the admin API. */
export async function districtIdsByCode(t: TestApp): Promise<Record<string, number>> {
  const res = await t
    .http()
    .get('/api/admin/districts')
    .set('Authorization', await login(t, 'admin'))
    .expect(200);
  return Object.fromEntries(res.body.map((d: { code: string; id: number }) => [d.code, d.id]));
}

/** Puts demo staff on a shift of the district through the admin API (the roster decides who is on duty). */
export async function rosterShift(
  t: TestApp,
  shift: { district: string; usernames: string[]; startsAt: string; endsAt: string; role?: string },
): Promise<ShiftView> {
  const staffIds = await Promise.all(shift.usernames.map(async (u) => (await signIn(t, u)).staff.id));
  const res = await t
    .http()
    .post('/api/admin/rota')
    .set('Authorization', await login(t, 'admin'))
    .send({
      districtId: (await districtIdsByCode(t))[shift.district],
      role: shift.role ?? 'technician',
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      staffIds,
    });
  expect(res.status).toBe(201);
  return res.body;
}

/** Takes everybody off every shift from a day before `around` to `days` after it (nobody on duty). */
export async function emptyRoster(t: TestApp, around: Date = new Date(), days = 30): Promise<void> {
  const admin = await login(t, 'admin');
  for (let from = around.getTime() - DAY_MS; from < around.getTime() + days * DAY_MS; from += 60 * DAY_MS) {
    const shifts: ShiftView[] = (
      await t
        .http()
        .get('/api/admin/rota')
        .query({ from: new Date(from).toISOString(), to: new Date(from + 60 * DAY_MS).toISOString() })
        .set('Authorization', admin)
        .expect(200)
    ).body;
    for (const s of shifts.filter((s) => s.staffIds.length))
      await t.http().patch(`/api/admin/rota/${s.id}`).set('Authorization', admin).send({ staffIds: [] }).expect(200);
  }
}

/** The admins' change log of one subject, newest first, as an admin reads it. */
export async function auditOf(t: TestApp, subjectType: string, subjectId: number | string) {
  const res = await t
    .http()
    .get('/api/admin/audit')
    .query({ subjectType, subjectId: String(subjectId) })
    .set('Authorization', await login(t, 'admin'))
    .expect(200);
  return res.body as { action: string; staffName: string; before: unknown; after: unknown }[];
}
