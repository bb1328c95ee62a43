import { LateFeeWaiverSchema } from '@utility/shared';

/** The reason checked with the server's own rule, so an empty one never needs a round trip. */
export function validateWaiverReason(reason: string): { ok: true; reason: string } | { ok: false; error: string } {
  const parsed = LateFeeWaiverSchema.safeParse({ reason });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? '请填写减免原因' };
  return { ok: true, reason: parsed.data.reason };
}
