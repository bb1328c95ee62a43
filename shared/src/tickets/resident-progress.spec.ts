import { ResidentStep, residentStepForEvent, residentStepOf } from './resident-progress';
import { TicketEventKind as K, TicketStatus as S } from './ticket-codes';

describe('residentStepOf', () => {
  it.each([
    [S.Submitted, ResidentStep.Submitted],
    [S.Accepted, ResidentStep.Accepted],
    [S.Assigned, ResidentStep.Dispatched],
    [S.EnRoute, ResidentStep.OnTheWay],
    [S.OnSite, ResidentStep.Arrived],
    [S.Resolved, ResidentStep.ToRate],
    [S.Closed, ResidentStep.Done],
    [S.Cancelled, ResidentStep.Cancelled],
  ])('%s reads as %s', (status, step) => expect(residentStepOf(status)).toBe(step));
});

describe('residentStepForEvent', () => {
  it.each([
    [K.Created, null, S.Submitted, ResidentStep.Submitted],
    [K.Transition, S.Submitted, S.Accepted, ResidentStep.Accepted],
    [K.Claimed, S.Accepted, S.Assigned, ResidentStep.Dispatched],
    [K.Assigned, S.Submitted, S.Assigned, ResidentStep.Dispatched],
    [K.Transition, S.Assigned, S.EnRoute, ResidentStep.OnTheWay],
    [K.Transition, S.EnRoute, S.OnSite, ResidentStep.Arrived],
    [K.Transition, S.OnSite, S.Resolved, ResidentStep.Done],
    [K.Transition, S.Resolved, S.Accepted, ResidentStep.Reopened],
    [K.Transition, S.Accepted, S.Cancelled, ResidentStep.Cancelled],
    [K.ResidentConfirmed, null, null, ResidentStep.Confirmed],
  ])('%s %s→%s shows %s', (kind, from, to, step) => expect(residentStepForEvent(kind, from, to)).toBe(step));

  it.each([
    [K.Routed, null, null],
    [K.AtRisk, null, null],
    [K.Breached, null, null],
    [K.Escalated, null, null],
    [K.Assigned, S.Assigned, S.Assigned],
    [K.Transition, S.Assigned, S.Accepted],
    [K.Transition, S.Resolved, S.Closed],
  ])('keeps %s %s→%s internal', (kind, from, to) => expect(residentStepForEvent(kind, from, to)).toBeNull());
});
