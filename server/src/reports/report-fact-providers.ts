import { HazardFact, RatingFact, ReturnVisitFact } from '@utility/shared';

/*
 * Facts of other modules, behind tokens so the report does not read their tables: ratings and
 * return visits are the feedback module's FeedbackFactsService, hazards the inspections
 * module's HazardFactsService.
 */

/** `districtId` null = the whole company; districts are the ticket's (ratings) or the account's (hazards). */
export interface RatingFactsProvider {
  /** Ratings given in [start, end). */
  ratingFacts(start: Date, end: Date, districtId: number | null): Promise<RatingFact[]>;
}

export interface ReturnVisitFactsProvider {
  /** The return visits of these (visited) tickets, done or not; at most one done per ticket is enough. */
  returnVisitFacts(ticketIds: number[]): Promise<ReturnVisitFact[]>;
}

export interface HazardFactsProvider {
  /** Hazards found before `end` that were open at `start` or later (closedAt null or ≥ start). */
  hazardFacts(start: Date, end: Date, districtId: number | null): Promise<HazardFact[]>;
}

export const RATING_FACTS = Symbol('RATING_FACTS');
export const RETURN_VISIT_FACTS = Symbol('RETURN_VISIT_FACTS');
export const HAZARD_FACTS = Symbol('HAZARD_FACTS');
