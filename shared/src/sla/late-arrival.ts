/** At most this much more is promised after a late arrival, however long the on-site allowance was (an appointment). */
export const MAX_DELAY_ALLOWANCE_MS = 2 * 3_600_000;

/**
 * The new expected arrival told to the resident when the on-site clock runs out (docs/domain.md#escalation):
 * the technician's own estimate when he gave one that is still ahead, else one more on-site allowance from now
 * (the clock's length, at most 2 hours).
 */
export function expectedArrivalAfterBreach(
  now: Date,
  onSite: { startedAt: Date; dueAt: Date },
  eta: Date | null,
): Date {
  if (eta && eta.getTime() > now.getTime()) return eta;
  const allowance = Math.min(Math.max(onSite.dueAt.getTime() - onSite.startedAt.getTime(), 0), MAX_DELAY_ALLOWANCE_MS);
  return new Date(now.getTime() + (allowance || MAX_DELAY_ALLOWANCE_MS));
}

/** Half a clock's time: past it, a ticket nobody has claimed is brought to the dispatchers of its queue. */
export function halfwayAt(clock: { startedAt: Date; dueAt: Date }): Date {
  return new Date(clock.startedAt.getTime() + (clock.dueAt.getTime() - clock.startedAt.getTime()) / 2);
}
