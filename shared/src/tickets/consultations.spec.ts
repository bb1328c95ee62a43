import { ErrorCode } from '../errors';
import { DEFAULT_SLA_POLICIES } from '../sla/default-policies';
import { clocksRestartedBy, clocksStoppedBy } from '../sla/sla-deadlines';
import { answerJudgement, answerProblem, latestAnswer } from './consultations';
import { ClockKind, TicketEventKind, TicketStatus as S, TicketType as T } from './ticket-codes';

describe('answerProblem', () => {
  it.each([
    [T.Consultation, S.Submitted, null],
    [T.Consultation, S.Accepted, null],
    [T.Suggestion, S.Assigned, null],
    [T.Consultation, S.Resolved, ErrorCode.TransitionNotAllowed],
    [T.Suggestion, S.Closed, ErrorCode.TransitionNotAllowed],
    [T.Consultation, S.Cancelled, ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Accepted, ErrorCode.NotAnswerable],
    [T.Complaint, S.Accepted, ErrorCode.NotAnswerable],
  ])('%s in %s → %s', (type, status, problem) => {
    expect(answerProblem(type, status)).toBe(problem);
  });
});

describe('answerJudgement', () => {
  it('已解决 closes an answered consultation, 未解决 reopens it', () => {
    expect(answerJudgement(T.Consultation, S.Resolved, true)).toEqual({ to: S.Closed });
    expect(answerJudgement(T.Consultation, S.Resolved, false)).toEqual({ to: S.Accepted });
  });

  it('is refused before the answer, after closing, and on other types', () => {
    expect(answerJudgement(T.Consultation, S.Accepted, true)).toEqual({ refused: ErrorCode.TransitionNotAllowed });
    expect(answerJudgement(T.Consultation, S.Closed, false)).toEqual({ refused: ErrorCode.TransitionNotAllowed });
    expect(answerJudgement(T.Suggestion, S.Resolved, true)).toEqual({ refused: ErrorCode.NotAnswerable });
    expect(answerJudgement(T.Repair, S.Resolved, true)).toEqual({ refused: ErrorCode.NotAnswerable });
  });
});

describe('latestAnswer', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
  it('is the last answer on the timeline, with its article', () => {
    expect(latestAnswer([{ kind: TicketEventKind.Created, at: at(1) }])).toBeNull();
    expect(
      latestAnswer([
        { kind: TicketEventKind.Answered, note: '第一次答复', at: at(2), data: { articleId: 4 } },
        { kind: TicketEventKind.AnswerJudged, at: at(3), data: { solved: false } },
        { kind: TicketEventKind.Answered, note: '再次答复', at: at(4), data: null },
      ]),
    ).toEqual({ text: '再次答复', articleId: null, at: at(4) });
    expect(
      latestAnswer([{ kind: TicketEventKind.Answered, note: '见文章', at: at(2), data: { articleId: 4 } }]),
    ).toEqual({ text: '见文章', articleId: 4, at: at(2) });
  });
});

describe('the answer clock', () => {
  it('defaults: a consultation is answered within 1 working day, a suggestion within 5', () => {
    const clocksOf = (type: T) =>
      DEFAULT_SLA_POLICIES.find((p) => p.ticketType === type && !p.channel && !p.utility)?.clocks;
    expect(clocksOf(T.Consultation)).toEqual([{ clock: ClockKind.Answer, workingDays: 1 }]);
    expect(clocksOf(T.Suggestion)).toEqual([{ clock: ClockKind.Answer, workingDays: 5 }]);
  });

  it('stops when the answer resolves the ticket, and restarts when 未解决 reopens it', () => {
    expect(clocksStoppedBy(S.Resolved, T.Consultation)).toContain(ClockKind.Answer);
    expect(clocksStoppedBy(S.Accepted, T.Consultation)).not.toContain(ClockKind.Answer);
    expect(clocksRestartedBy(S.Accepted, S.Resolved, T.Consultation)).toContain(ClockKind.Answer);
    expect(clocksRestartedBy(S.Accepted, S.Resolved, T.Repair)).not.toContain(ClockKind.Answer);
  });
});
