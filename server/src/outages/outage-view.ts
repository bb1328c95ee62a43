import { OUTAGE_LABELS, OutageView, ResidentOutageView, outagePhase } from '@utility/shared';
import { Outage } from './outage.entity';

export function toOutageView(o: Outage, linkedTickets: number, now: Date): OutageView {
  return {
    id: o.id,
    utility: o.utility,
    kind: o.kind,
    phase: outagePhase(o, now),
    label: OUTAGE_LABELS[o.utility],
    area: o.area,
    reason: o.reason,
    startsAt: o.startsAt.toISOString(),
    restoreBy: o.restoreBy.toISOString(),
    restoredAt: o.restoredAt?.toISOString() ?? null,
    households: o.households,
    linkedTickets,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toResidentOutageView(o: Outage, accountNos: string[], now: Date): ResidentOutageView {
  return {
    id: o.id,
    utility: o.utility,
    kind: o.kind,
    phase: outagePhase(o, now),
    label: OUTAGE_LABELS[o.utility],
    reason: o.reason,
    startsAt: o.startsAt.toISOString(),
    restoreBy: o.restoreBy.toISOString(),
    accountNos,
  };
}
