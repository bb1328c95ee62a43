import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RatingFact, RatingView, ReturnVisitFact, ReturnVisitSummaryView } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { RatingFactsProvider, ReturnVisitFactsProvider } from '../reports/report-fact-providers';
import { TicketFactsService } from '../tickets/ticket-facts.service';
import { toRatingView } from './rating-view';
import { Rating } from './rating.entity';
import { ReturnVisit } from './return-visit.entity';

const CHUNK = 500;

/** Ratings and return visits as the monthly report and the dashboard count them. */
@Injectable()
export class FeedbackFactsService implements RatingFactsProvider, ReturnVisitFactsProvider {
  constructor(
    @InjectRepository(Rating) private readonly ratings: Repository<Rating>,
    @InjectRepository(ReturnVisit) private readonly visits: Repository<ReturnVisit>,
    private readonly tickets: TicketFactsService,
  ) {}

  /** Ratings given in [start, end), of tickets in the district (by the ticket's district) or anywhere. */
  async ratingFacts(start: Date, end: Date, districtId: number | null): Promise<RatingFact[]> {
    const rows = await this.ratings
      .createQueryBuilder('r')
      .where('r.ratedAt >= :start AND r.ratedAt < :end', { start, end })
      .getMany();
    const district = districtId === null ? null : await this.tickets.districtsOf(rows.map((r) => r.ticketId));
    return rows
      .filter((r) => !district || district.get(r.ticketId) === districtId)
      .map((r) => ({ ticketId: r.ticketId, staffId: r.staffId, level: r.level, at: r.ratedAt }));
  }

  /** A visit counts as made once it has an outcome (fixed, not fixed, or unreachable after the last attempt). */
  async returnVisitFacts(ticketIds: number[]): Promise<ReturnVisitFact[]> {
    const ids = [...new Set(ticketIds)];
    const rows: ReturnVisit[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      rows.push(...(await this.visits.findBy({ visitedTicketId: In(ids.slice(i, i + CHUNK)) })));
    return rows.map((v) => ({ ticketId: v.visitedTicketId, completedAt: v.outcome ? v.settledAt : null }));
  }

  /** The ratings of some tickets (an account's history), newest first. */
  async ratingsOfTickets(ticketIds: number[]): Promise<RatingView[]> {
    if (!ticketIds.length) return [];
    const rows = await this.ratings.find({ where: { ticketId: In(ticketIds.slice(0, CHUNK)) }, order: { id: 'DESC' } });
    return rows.map(toRatingView);
  }

  /** The return visits of some tickets (an account's history), newest first. */
  async returnVisitsOfTickets(ticketIds: number[]): Promise<ReturnVisitSummaryView[]> {
    if (!ticketIds.length) return [];
    const rows = await this.visits.find({
      where: { visitedTicketId: In(ticketIds.slice(0, CHUNK)) },
      order: { id: 'DESC' },
    });
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((v) => ({
      ticketId: v.visitedTicketId,
      resolution: v.resolution,
      taskTicketId: v.taskTicketId,
      reason: v.reason,
      dueAt: iso(v.dueAt),
      outcome: v.outcome,
      followUpKind: v.followUpKind,
      settledAt: iso(v.settledAt),
    }));
  }
}
