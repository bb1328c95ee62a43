import type { BillView, TrialBillView, UsagePoint } from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

export interface Arrears {
  unpaidFen: number;
  overdueFen: number;
}

/** Unpaid first (oldest due first), then the paid history. */
export function listBills(accountId: number): Promise<BillView[]> {
  return residentApi.request<BillView[]>(`/api/accounts/${accountId}/bills`);
}

export function getBill(id: number, options: Pick<RequestOptions, 'silent'> = {}): Promise<BillView> {
  return residentApi.request<BillView>(`/api/bills/${id}`, options);
}

/** The last 12 billed months of gas, oldest first. */
export function getUsage(accountId: number): Promise<UsagePoint[]> {
  return residentApi.request<UsagePoint[]>(`/api/accounts/${accountId}/usage`);
}

export function getArrears(accountId: number, options: Pick<RequestOptions, 'silent'> = {}): Promise<Arrears> {
  return residentApi.request<Arrears>(`/api/accounts/${accountId}/arrears`, options);
}

/** 自助抄表. The key belongs to the form fill: a resend after a lost answer records one reading. */
export function submitReading(
  accountId: number,
  body: { value: string; photoId: number },
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<TrialBillView> {
  return residentApi.request<TrialBillView>(`/api/accounts/${accountId}/readings`, {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}
