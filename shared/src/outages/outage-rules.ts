import type { Utility } from '../repairs/fault-categories';
import { shanghaiShort } from '../sla/sla-deadlines';

/** 计划停 (announced ahead) or 突发停 (a fault). */
export type OutageKind = 'planned' | 'unplanned';
/** Where an outage is in its life: announced but not begun, going on, or over. */
export type OutagePhase = 'planned' | 'active' | 'restored';

export const OUTAGE_LABELS: Record<Utility, string> = { gas: '停气', heating: '停热', power: '停电' };
export const OUTAGE_KIND_LABELS: Record<OutageKind, string> = { planned: '计划', unplanned: '突发' };

/** docs/domain.md#outages: planned until it starts, active until staff record the restoration. */
export function outagePhase(o: { startsAt: Date; restoredAt: Date | null }, now: Date): OutagePhase {
  if (o.restoredAt) return 'restored';
  return o.startsAt > now ? 'planned' : 'active';
}

/** Hours the supply was off, for the monthly report: from start to restoration (or `until`, if still off), 0 if not begun. */
export function outageHours(o: { startsAt: Date; restoredAt: Date | null }, until: Date): number {
  const end = o.restoredAt ?? until;
  const ms = end.getTime() - o.startsAt.getTime();
  return ms > 0 ? Math.round((ms / 3_600_000) * 10) / 10 : 0;
}

/**
 * A building (楼栋) is named by the start of its accounts' addresses (城东区建设路12号): an account
 * is in the building when its address begins with that text.
 */
export function inBuilding(address: string, building: string): boolean {
  return address.startsWith(building.trim());
}

/** What each notice of an outage says: its first announcement, a changed restore time, the restoration. */
export type OutageNoticeKind = 'declared' | 'restore_changed' | 'restored';

export function outageNoticeText(
  kind: OutageNoticeKind,
  o: { utility: Utility; startsAt: Date; restoreBy: Date; restoredAt: Date | null; reason: string },
): { title: string; time: string; detail: string } {
  const what = OUTAGE_LABELS[o.utility];
  if (kind === 'restored')
    return {
      title: `${what}已恢复`,
      time: shanghaiShort(o.restoredAt ?? o.restoreBy),
      detail: '供应已恢复，如仍有问题请报修',
    };
  if (kind === 'restore_changed')
    return { title: `${what}恢复时间调整`, time: shanghaiShort(o.restoreBy), detail: o.reason.slice(0, 20) };
  return {
    title: `${what}通知`,
    time: `${shanghaiShort(o.startsAt)}至${shanghaiShort(o.restoreBy)}`,
    detail: o.reason.slice(0, 20),
  };
}
