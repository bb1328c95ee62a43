import { TicketStatus, TicketType, VISIT_TYPES, shanghaiStartOfDay } from '@utility/shared';

/** Days of demo history before today (docs/domain.md is silent: a quarter shows trends and last month's report). */
export const DEMO_HISTORY_DAYS = 90;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: a small seeded PRNG, so that the same day always plans the same history. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The types a newcomer meets in the queues (reports of misconduct and return visits come by other paths). */
export const HISTORY_TYPES = [
  TicketType.Repair,
  TicketType.Leak,
  TicketType.Inspection,
  TicketType.Complaint,
  TicketType.Application,
  TicketType.Billing,
] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** Where a ticket's story stops. `late` resolves after its deadline, so the sweeper records a breach. */
export type Fate =
  | TicketStatus.Submitted
  | TicketStatus.Accepted
  | TicketStatus.Assigned
  | TicketStatus.EnRoute
  | TicketStatus.OnSite
  | TicketStatus.Resolved
  | TicketStatus.Closed
  | TicketStatus.Cancelled
  | 'late'
  | 'handed_back';

export interface PlannedTicket {
  /** Position in the plan: names its demo text and keeps the order stable. */
  n: number;
  type: HistoryType;
  /** 1…50: the demo account (demoAccounts()[account - 1]). */
  account: number;
  openedAt: Date;
  fate: Fate;
  /** Minutes from opening to each step: claim, set off, arrive, finish, close. */
  gaps: { claim: number; depart: number; arrive: number; finish: number; close: number };
  /** 1–5 when the household rates the work, else null. */
  rating: number | null;
  /** The household wants to be called back about the result (a return visit is answered). */
  answersReturnVisit: boolean;
}

const FATES_VISIT: Fate[] = [
  TicketStatus.Submitted,
  TicketStatus.Accepted,
  TicketStatus.Assigned,
  TicketStatus.EnRoute,
  TicketStatus.OnSite,
  TicketStatus.Resolved,
  TicketStatus.Closed,
  TicketStatus.Cancelled,
  'late',
  'handed_back',
];
const FATES_DESK: Fate[] = FATES_VISIT.filter((f) => f !== TicketStatus.EnRoute && f !== TicketStatus.OnSite);

/** Fates possible for a type: desk work has no journey. */
export const fatesOf = (type: HistoryType): Fate[] => (VISIT_TYPES.has(type) ? FATES_VISIT : FATES_DESK);

/** Work still in progress is recent; older work is finished (resolved, closed, or cancelled). */
const OPEN_FATES = new Set<Fate>([
  TicketStatus.Submitted,
  TicketStatus.Accepted,
  TicketStatus.Assigned,
  TicketStatus.EnRoute,
  TicketStatus.OnSite,
  'handed_back',
]);

/**
 * The demo's ticket history: a few tickets a day over `days` Shanghai days ending `today`, their
 * types, accounts, times and fates drawn from one seeded PRNG. The last days hold, for every
 * type, a ticket in every state it can be in, so every queue and filter shows something.
 */
export function planHistory(today: string, days = DEMO_HISTORY_DAYS): PlannedTicket[] {
  const random = seededRandom(20_261_013);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const todayStart = shanghaiStartOfDay(today).getTime();
  const planned: PlannedTicket[] = [];
  const add = (type: HistoryType, openedAt: number, fate: Fate) => {
    const late = fate === 'late';
    planned.push({
      n: planned.length + 1,
      type,
      account: between(1, 50),
      openedAt: new Date(openedAt),
      fate,
      gaps: {
        claim: between(5, 90),
        depart: between(5, 40),
        arrive: between(15, 60),
        // A late one is finished days after its deadline; the rest well within it.
        finish: late ? (between(8, 15) * DAY) / MINUTE : between(30, 240),
        close: (between(1, 4) * DAY) / MINUTE,
      },
      rating: random() < 0.45 ? pick([5, 5, 5, 4, 4, 4, 3, 2, 1]) : null,
      answersReturnVisit: random() < 0.6,
    });
  };
  for (let day = days; day >= 1; day--) {
    const dayStart = todayStart - day * DAY;
    const count = between(2, 4);
    for (let i = 0; i < count; i++) {
      const type = pick(HISTORY_TYPES);
      // Opened during the working day, 08:00–20:00 Shanghai.
      const openedAt = dayStart + 8 * HOUR + between(0, 12 * 60 - 1) * MINUTE;
      const finished = fatesOf(type).filter((f) => !OPEN_FATES.has(f));
      const recent = day <= 3;
      const fate = recent && random() < 0.5 ? pick(fatesOf(type)) : random() < 0.15 ? 'late' : pick(finished);
      add(type, openedAt, fate === 'late' && day < 16 ? TicketStatus.Resolved : fate);
    }
  }
  // Every state of every type: most opened yesterday; closed and cancelled work last week (closing takes days).
  for (const type of HISTORY_TYPES)
    for (const fate of fatesOf(type)) {
      if (fate === 'late') continue;
      const daysAgo = fate === TicketStatus.Closed || fate === TicketStatus.Cancelled ? 6 : 1;
      add(type, todayStart - daysAgo * DAY + 8 * HOUR + between(0, 10 * 60) * MINUTE, fate);
      // Rated work is closed by the feedback loop: this one stays resolved, awaiting its rating.
      if (fate === TicketStatus.Resolved) planned[planned.length - 1].rating = null;
    }
  return planned.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.n - b.n);
}
