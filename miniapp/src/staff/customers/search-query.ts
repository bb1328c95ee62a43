import { StaffSearchQuerySchema } from '@utility/shared';

export const SEARCH_HINT = '户号、工单号、电话或地址片段';

/** Why a search cannot be sent (the server's own rule and message), or null when it can. */
export function searchError(q: string): string | null {
  const parsed = StaffSearchQuerySchema.safeParse({ q });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请输入查询内容');
}
