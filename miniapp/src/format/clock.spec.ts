import { ClockKind, type ClockView } from '@utility/shared';
import { describeClock } from './clock';

const NOW = Date.parse('2026-11-23T06:00:00Z'); // 14:00 in Shanghai

function clock(over: Partial<ClockView> = {}): ClockView {
  return {
    kind: ClockKind.OnSite,
    startedAt: '2026-11-23T05:50:00Z',
    dueAt: '2026-11-23T06:20:00Z',
    stoppedAt: null,
    atRisk: false,
    breached: false,
    ...over,
  };
}

describe('describeClock', () => {
  it('a running clock shows its deadline and what is left', () => {
    expect(describeClock(clock(), NOW)).toEqual({ label: '到场', due: '11-23 14:20', state: '剩余20分钟', tone: 'ok' });
  });

  it('an at-risk clock reads 临期', () => {
    expect(describeClock(clock({ atRisk: true }), NOW)).toMatchObject({ state: '临期 · 剩余20分钟', tone: 'at-risk' });
  });

  it('a breach stays a breach after the clock stopped', () => {
    const stopped = clock({ breached: true, stoppedAt: '2026-11-23T06:40:00Z' });
    expect(describeClock(stopped, NOW)).toMatchObject({ state: '已超时', tone: 'breached' });
  });

  it('a running clock past its deadline reads 已超时 before the server says so', () => {
    expect(describeClock(clock({ dueAt: '2026-11-23T05:59:00Z' }), NOW)).toMatchObject({
      state: '已超时',
      tone: 'breached',
    });
  });

  it('a clock stopped in time reads 已达成', () => {
    expect(describeClock(clock({ stoppedAt: '2026-11-23T06:10:00Z' }), NOW)).toMatchObject({
      state: '已达成',
      tone: 'done',
    });
  });
});
