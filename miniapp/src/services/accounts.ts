import type { BindAccountRequest, BoundAccountView } from '@utility/shared';
import { request, type RequestOptions } from './request';

export function listAccounts(options: Pick<RequestOptions, 'silent'> = {}): Promise<BoundAccountView[]> {
  return request<BoundAccountView[]>('/api/accounts', options);
}

/** The key belongs to the form fill: a resend after a lost answer is the same binding. */
export function bindAccount(
  body: BindAccountRequest,
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<BoundAccountView[]> {
  return request<BoundAccountView[]>('/api/accounts/bind', { method: 'POST', data: body, idempotencyKey, ...options });
}

export function setDefaultAccount(id: number): Promise<BoundAccountView[]> {
  return request<BoundAccountView[]>(`/api/accounts/${id}/default`, { method: 'POST' });
}

export function unbindAccount(id: number): Promise<BoundAccountView[]> {
  return request<BoundAccountView[]>(`/api/accounts/${id}`, { method: 'DELETE' });
}

/** The account the home page shows: the default one, else the first bound. */
export function defaultAccount(accounts: BoundAccountView[]): BoundAccountView | null {
  return accounts.find((a) => a.isDefault) ?? accounts[0] ?? null;
}
