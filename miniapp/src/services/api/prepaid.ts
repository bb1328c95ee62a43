import type { PrepaidBalanceView, TopUpResponse, TopUpView } from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

/** Balance, recent daily use and days left of a prepaid account (docs/domain.md#prepaid-accounts). */
export function getBalance(
  accountId: number,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<PrepaidBalanceView> {
  return residentApi.request<PrepaidBalanceView>(`/api/accounts/${accountId}/balance`, options);
}

/** A top-up and its WeChat Pay order; the key belongs to the tap, so a resend after a lost answer is one top-up. */
export function createTopUp(accountId: number, amountFen: number, idempotencyKey: string): Promise<TopUpResponse> {
  return residentApi.request<TopUpResponse>(`/api/accounts/${accountId}/top-ups`, {
    method: 'POST',
    data: { amountFen },
    idempotencyKey,
  });
}

export function listTopUps(accountId: number, options: Pick<RequestOptions, 'silent'> = {}): Promise<TopUpView[]> {
  return residentApi.request<TopUpView[]>(`/api/accounts/${accountId}/top-ups`, options);
}
