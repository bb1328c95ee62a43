import { Inject, Injectable } from '@nestjs/common';
import { MonthlyReportFacts, ReportWindow, periodOf } from '@utility/shared';
import { OrgService } from '../org/org.service';
import { OutagesService } from '../outages/outages.service';
import { PaymentFactsService } from '../payments/payment-facts.service';
import { StaffService } from '../staff/staff.service';
import { TicketFactsService } from '../tickets/ticket-facts.service';
import {
  HAZARD_FACTS,
  HazardFactsProvider,
  RATING_FACTS,
  RETURN_VISIT_FACTS,
  RatingFactsProvider,
  ReturnVisitFactsProvider,
} from './report-fact-providers';

/** Asks each module's service for its facts of a month; the figures are computed in shared/reports. */
@Injectable()
export class ReportFactsService {
  constructor(
    private readonly tickets: TicketFactsService,
    private readonly payments: PaymentFactsService,
    private readonly staff: StaffService,
    private readonly org: OrgService,
    private readonly outages: OutagesService,
    @Inject(RATING_FACTS) private readonly ratings: RatingFactsProvider,
    @Inject(RETURN_VISIT_FACTS) private readonly returnVisits: ReturnVisitFactsProvider,
    @Inject(HAZARD_FACTS) private readonly hazards: HazardFactsProvider,
  ) {}

  /** The month the product's data begins (first ticket or first bill), or null while there is none. */
  async firstPeriod(): Promise<string | null> {
    const [firstTicket, firstBill] = await Promise.all([
      this.tickets.firstCreatedAt(),
      this.payments.firstBillPeriod(),
    ]);
    const periods = [firstTicket && periodOf(firstTicket), firstBill].filter((p): p is string => !!p).sort();
    return periods[0] ?? null;
  }

  async month(w: ReportWindow, districtId: number | null): Promise<MonthlyReportFacts> {
    const ticketFacts = await this.tickets.monthFacts(w.start, w.end, w.asOf, districtId);
    const [money, ratings, returnVisits, hazards, districts, outages] = await Promise.all([
      this.payments.monthFacts(w.start, w.end, districtId),
      this.ratings.ratingFacts(w.start, w.end, districtId),
      this.returnVisits.returnVisitFacts(ticketFacts.transitions.map((e) => e.ticketId)),
      this.hazards.hazardFacts(w.start, w.end, districtId),
      this.org.listDistricts(),
      this.outages.monthFacts(w.start, w.end, districtId),
    ]);
    const staffIds = new Set<number>();
    for (const e of ticketFacts.transitions)
      if (e.actorId !== null && e.actorRole !== 'resident') staffIds.add(e.actorId);
    for (const r of ratings) if (r.staffId !== null) staffIds.add(r.staffId);
    const staff = (await this.staff.findByIds([...staffIds])).map((s) => ({ id: s.id, name: s.name, role: s.role }));
    return {
      ...ticketFacts,
      ...money,
      ratings,
      returnVisits,
      hazards,
      outages,
      staff,
      districts: districts
        .filter((d) => districtId === null || d.id === districtId)
        .map((d) => ({ id: d.id, name: d.name })),
    };
  }
}
