import { InspectionPlanView, InspectionSlotView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Db } from '../common/db';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { Resident, residentLogin } from './resident-fixtures';
import { TestApp } from './test-app';

/** Monday 2026-12-07 10:00 Shanghai: plans below open Wednesday to Friday of that week. */
export const MONDAY = new Date('2026-12-07T02:00:00Z');

export async function districtOf(t: TestApp, accountNo: string): Promise<number> {
  const rows = await t.app.get(DataSource).query('SELECT districtId FROM account WHERE accountNo = ?', [accountNo]);
  return Number(rows[0].districtId);
}

export async function createPlan(t: TestApp, auth: string, body: Record<string, unknown>): Promise<InspectionPlanView> {
  const res = await t
    .http()
    .post('/api/staff/inspection-plans')
    .set('Authorization', auth)
    .send({
      name: '十二月安检',
      period: 'monthly',
      startDate: '2026-12-09',
      endDate: '2026-12-11',
      halves: ['am'],
      capacity: 3,
      ...body,
    });
  expect(res.status).toBe(201);
  return res.body;
}

export async function slotsOf(
  t: TestApp,
  r: Resident,
  accountId: number,
  planId: number,
): Promise<InspectionSlotView[]> {
  const res = await t.http().get(`/api/inspection-slots?accountId=${accountId}`).set('Authorization', r.auth);
  expect(res.status).toBe(200);
  return (res.body as InspectionSlotView[]).filter((s) => s.planId === planId);
}

export async function slotRow(t: TestApp, id: number): Promise<{ booked: number; capacity: number }> {
  const [row] = await t.app.get(DataSource).query('SELECT booked, capacity FROM inspection_slot WHERE id = ?', [id]);
  return { booked: Number(row.booked), capacity: Number(row.capacity) };
}

/**
 * `n` residents' accounts in the district of `like` (10 per resident, the binding limit), made
 * straight through the services: the demo data has too few accounts for a crowd.
 */
export async function crowd(
  t: TestApp,
  like: string,
  n: number,
  prefix: string,
): Promise<{ resident: Resident; accountId: number }[]> {
  const accounts = t.app.get(AccountsService);
  const model = (await accounts.findByNo(like))!;
  const rows = Array.from({ length: n }, (_, i) => ({
    ...model,
    accountNo: `${prefix}${String(i).padStart(4, '0')}`,
    holderName: `住户${i}`,
  }));
  await accounts.ensureAccounts(rows.map(({ id: _id, ...a }) => a));
  const made = await accounts.findByNos(rows.map((r) => r.accountNo));
  const out: { resident: Resident; accountId: number }[] = [];
  for (let i = 0; i < made.length; i += 10) {
    const resident = await residentLogin(t, `crowd-${prefix}-${i}`);
    await t.app.get(Db).transaction(async () => {
      for (const a of made.slice(i, i + 10)) await t.app.get(AccountBindingsService).bind(resident.resident.id, a.id);
    });
    for (const a of made.slice(i, i + 10)) out.push({ resident, accountId: a.id });
  }
  return out;
}
