import type { BindAccountRequest, BindingRequirementView, BoundAccountView } from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

export function listAccounts(options: Pick<RequestOptions, 'silent'> = {}): Promise<BoundAccountView[]> {
  return residentApi.request<BoundAccountView[]>('/api/accounts', options);
}

/** Which second fact the operator asks for besides the holder's name (预留手机号后四位 by default). */
export function getBindingRequirement(options: Pick<RequestOptions, 'silent'> = {}): Promise<BindingRequirementView> {
  return residentApi.request<BindingRequirementView>('/api/accounts/binding-requirement', options);
}

/** The key belongs to the form fill: a resend after a lost answer is the same binding. */
export function bindAccount(
  body: BindAccountRequest,
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<BoundAccountView[]> {
  return residentApi.request<BoundAccountView[]>('/api/accounts/bind', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

export function setDefaultAccount(id: number): Promise<BoundAccountView[]> {
  return residentApi.request<BoundAccountView[]>(`/api/accounts/${id}/default`, { method: 'POST' });
}

export function unbindAccount(id: number): Promise<BoundAccountView[]> {
  return residentApi.request<BoundAccountView[]>(`/api/accounts/${id}`, { method: 'DELETE' });
}

/** The account the home page shows: the default one, else the first bound. */
export function defaultAccount(accounts: BoundAccountView[]): BoundAccountView | null {
  return accounts.find((a) => a.isDefault) ?? accounts[0] ?? null;
}
