import { ErrorCode } from '../errors';
import { TicketStatus, TicketType } from '../tickets/ticket-codes';
import { isSatisfied, RatingLevel } from './rating-levels';
import { ratingClosesAt, ratingRefusal } from './rating-window';

const resolvedAt = new Date('2026-11-20T02:00:00Z');
const at = (days: number) => new Date(resolvedAt.getTime() + days * 86_400_000);
const S = TicketStatus;

describe('ratingRefusal', () => {
  it.each<[string, TicketType, TicketStatus, Date | null, boolean, Date, ErrorCode | null]>([
    ['resolved repair, same day', TicketType.Repair, S.Resolved, resolvedAt, false, at(0.1), null],
    ['closed by its visit, within 7 days', TicketType.Repair, S.Closed, resolvedAt, false, at(3), null],
    ['exactly 7 days later', TicketType.Complaint, S.Resolved, resolvedAt, false, at(7), null],
    ['after 7 days', TicketType.Application, S.Resolved, resolvedAt, false, at(7.01), ErrorCode.RatingClosed],
    ['rated already', TicketType.Repair, S.Resolved, resolvedAt, true, at(1), ErrorCode.AlreadyRated],
    ['not resolved yet', TicketType.Repair, S.OnSite, null, false, at(1), ErrorCode.NotRatable],
    ['reopened (back to accepted)', TicketType.Repair, S.Accepted, resolvedAt, false, at(1), ErrorCode.NotRatable],
    ['a billing ticket', TicketType.Billing, S.Resolved, resolvedAt, false, at(1), ErrorCode.NotRatable],
    ['a return visit', TicketType.ReturnVisit, S.Resolved, resolvedAt, false, at(1), ErrorCode.NotRatable],
    ['a report (its author rates it)', TicketType.MisconductReport, S.Resolved, resolvedAt, false, at(1), null],
  ])('%s', (_, type, status, resolved, rated, now, expected) => {
    expect(ratingRefusal({ type, status, resolvedAt: resolved, rated, now })).toBe(expected);
  });

  it('closes the window 7 days after the resolution', () => {
    expect(ratingClosesAt(resolvedAt).toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });
});

describe('isSatisfied', () => {
  it.each<[RatingLevel, boolean]>([
    [RatingLevel.VerySatisfied, true],
    [RatingLevel.Satisfied, true],
    [RatingLevel.FairlySatisfied, true],
    [RatingLevel.Dissatisfied, false],
  ])('%s → %s', (level, expected) => expect(isSatisfied(level)).toBe(expected));
});
