import { TopUpResponse, TopUpView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { FakeMeterVendorHandle } from '../dev/fake-meter-vendor.handle';
import { FakeMeterVendor } from '../dev/fake-meter-vendor.server';
import { TopUp } from '../prepaid/top-up.entity';
import { Payer, fakeWechatPay } from './payment-fixtures';
import { TestApp } from './test-app';

/** The demo's prepaid accounts (seed/demo-organisation.ts): an IoT smart meter and an IC-card meter. */
export const IOT_ACCOUNT = '9100000051';
export const IC_CARD_ACCOUNT = '9100000052';

/** The fake meter vendor the test app started (METER_VENDOR_MODE=mock). */
export function fakeMeterVendor(t: TestApp): FakeMeterVendor {
  return t.app.get(FakeMeterVendorHandle).fake;
}

export const requestTopUp = (t: TestApp, p: Payer, amountFen: unknown, key?: string) => {
  const req = t.http().post(`/api/accounts/${p.accountId}/top-ups`).set('Authorization', p.auth);
  if (key) void req.set('Idempotency-Key', key);
  return req.send({ amountFen });
};

export async function topUp(t: TestApp, p: Payer, amountFen: number, key?: string): Promise<TopUpResponse> {
  const res = await requestTopUp(t, p, amountFen, key);
  expect(res.status).toBe(201);
  return res.body;
}

/** A top-up paid at WeChat Pay, its notice delivered to the notify endpoint. */
export async function paidTopUp(t: TestApp, p: Payer, amountFen: number): Promise<TopUpResponse> {
  const created = await topUp(t, p, amountFen);
  expect((await fakeWechatPay(t).pay({ outTradeNo: created.orderNo })).delivery?.status).toBe(204);
  return created;
}

export async function balanceOf(t: TestApp, p: Payer) {
  const res = await t.http().get(`/api/accounts/${p.accountId}/balance`).set('Authorization', p.auth);
  expect(res.status).toBe(200);
  return res.body as { balanceFen: number; dailyUseAvg: number | null; daysLeft: number | null; meterKind: string };
}

export async function topUpsOf(t: TestApp, p: Payer): Promise<TopUpView[]> {
  const res = await t.http().get(`/api/accounts/${p.accountId}/top-ups`).set('Authorization', p.auth);
  expect(res.status).toBe(200);
  return res.body;
}

export const topUpRow = (t: TestApp, id: number) => t.app.get(DataSource).getRepository(TopUp).findOneByOrFail({ id });

/** The top-up rows of an account, straight from the database: a refused request must add none. */
export const topUpCount = (t: TestApp, accountId: number) =>
  t.app.get(DataSource).getRepository(TopUp).countBy({ accountId });

/** What the meter deducts: spans of readings at step 1 of the default tariff (261 fen/m³), half up per span. */
export const usageFen = (spansCentiM3: number[]) =>
  spansCentiM3.reduce((n, v) => n + Math.floor((v * 261 + 50) / 100), 0);
