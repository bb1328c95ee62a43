import { ClockKind as K } from '../tickets/ticket-codes';
import { appointmentDeadlines } from './appointment-deadlines';

const at = (iso: string) => new Date(iso);
const created = at('2026-12-07T02:00:00Z'); // Monday 10:00 Shanghai
const policy = [
  { kind: K.Respond, dueAt: at('2026-12-07T02:30:00Z') },
  { kind: K.Contact, dueAt: at('2026-12-07T02:30:00Z') },
  { kind: K.OnSite, dueAt: at('2026-12-07T04:00:00Z') },
  { kind: K.Resolve, dueAt: at('2026-12-08T02:00:00Z') },
];

describe('appointmentDeadlines', () => {
  it('puts on-site at the window end and resolve 24 h after it; accept and contact stay', () => {
    const window = { start: at('2026-12-09T01:00:00Z'), end: at('2026-12-09T04:00:00Z') }; // Wed 09:00–12:00
    expect(appointmentDeadlines(policy, created, window)).toEqual([
      { kind: K.Respond, dueAt: at('2026-12-07T02:30:00Z') },
      { kind: K.Contact, dueAt: at('2026-12-07T02:30:00Z') },
      { kind: K.OnSite, dueAt: at('2026-12-09T04:00:00Z') },
      { kind: K.Resolve, dueAt: at('2026-12-10T04:00:00Z') },
    ]);
  });

  it('brings on-site forward for a window sooner than the policy', () => {
    const window = { start: at('2026-12-07T02:30:00Z'), end: at('2026-12-07T03:00:00Z') };
    const out = appointmentDeadlines(policy, created, window);
    expect(out.find((d) => d.kind === K.OnSite)!.dueAt).toEqual(at('2026-12-07T03:00:00Z'));
  });

  it('leaves a policy without field clocks as it is', () => {
    const desk = [{ kind: K.Respond, dueAt: at('2026-12-08T02:00:00Z') }];
    expect(appointmentDeadlines(desk, created, { start: created, end: created })).toEqual(desk);
  });
});
