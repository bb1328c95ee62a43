import { expectedArrivalAfterBreach, halfwayAt } from './late-arrival';

const at = (hhmm: string) => new Date(`2026-08-01T${hhmm}:00.000Z`);

describe('expectedArrivalAfterBreach', () => {
  it.each([
    ['the technician’s estimate still ahead', at('10:30'), at('10:00'), at('10:45'), at('10:45')],
    ['an estimate already past: one more allowance (30 min)', at('10:30'), at('10:00'), at('10:20'), at('11:00')],
    ['no estimate: one more allowance (30 min)', at('10:30'), at('10:00'), null, at('11:00')],
    ['a long appointment allowance is capped at 2 h', at('18:00'), at('02:00'), null, at('20:00')],
    ['an empty allowance: 2 h', at('10:30'), at('10:30'), null, at('12:30')],
  ])('%s', (_case, now, startedAt, eta, expected) => {
    expect(expectedArrivalAfterBreach(now, { startedAt, dueAt: at('10:30') }, eta)).toEqual(expected);
  });
});

describe('halfwayAt', () => {
  it.each([
    [at('10:00'), at('10:30'), at('10:15')],
    [at('10:00'), at('12:00'), at('11:00')],
    [at('10:00'), at('10:00'), at('10:00')],
  ])('from %s to %s is %s', (startedAt, dueAt, expected) => {
    expect(halfwayAt({ startedAt, dueAt })).toEqual(expected);
  });
});
