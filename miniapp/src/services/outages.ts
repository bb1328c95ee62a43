import type { ResidentOutageView } from '@utility/shared';
import { request, type RequestOptions } from './request';

/** Active and planned outages (停气/停热/停电) over the resident's accounts, or over one of them. */
export function listOutages(
  accountId?: number,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<ResidentOutageView[]> {
  return request<ResidentOutageView[]>(`/api/outages${accountId ? `?accountId=${accountId}` : ''}`, options);
}
