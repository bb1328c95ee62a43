import { Inject, Injectable } from '@nestjs/common';
import { DashboardView, dailySeries, shanghaiDayRange, shanghaiDaysEnding } from '@utility/shared';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { OutagesService } from '../outages/outages.service';
import { TicketBoard } from '../tickets/ticket-board.service';
import { TicketFactsService } from '../tickets/ticket-facts.service';
import { RATING_FACTS, RatingFactsProvider } from './report-fact-providers';

export const DASHBOARD_DAYS = 30;

/** The supervisor's dashboard: queue health now, and 30 Shanghai days of intake, on-time rate and satisfaction. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly board: TicketBoard,
    private readonly tickets: TicketFactsService,
    private readonly clock: Clock,
    private readonly outages: OutagesService,
    @Inject(RATING_FACTS) private readonly ratings: RatingFactsProvider,
  ) {}

  async view(viewer: StaffPrincipal, districtId: number | null): Promise<DashboardView> {
    const now = this.clock.now();
    const days = shanghaiDaysEnding(now, DASHBOARD_DAYS);
    const start = shanghaiDayRange(days[0]).start;
    const end = shanghaiDayRange(days[days.length - 1]).end;
    const [queues, facts, ratings, outages] = await Promise.all([
      this.board.myQueues(viewer),
      this.tickets.windowFacts(start, end, districtId),
      this.ratings.ratingFacts(start, end, districtId),
      this.outages.active(),
    ]);
    return { queues, days: dailySeries(days, { ...facts, ratings }, now), outages, asOf: now.toISOString() };
  }
}
