import { Channel, ClockKind, TicketType, type SlaPolicyView } from '@utility/shared';
import { clocksDraft, clocksWords, draftClocks, policyRequest, selectorWords } from './sla-table';

const row = (over: Partial<SlaPolicyView>): SlaPolicyView => ({
  ticketType: TicketType.Repair,
  utility: null,
  areaClass: null,
  districtId: null,
  channel: null,
  clocks: [
    { clock: ClockKind.Respond, minutes: 30 },
    { clock: ClockKind.OnSite, minutes: 120 },
    { clock: ClockKind.Resolve, workingDays: 3 },
  ],
  atRiskPercent: 80,
  ...over,
});

describe('the SLA table page', () => {
  it('names a row by what it narrows', () => {
    expect(selectorWords(row({}), () => '')).toBe('一般报修 · 所有片区和渠道');
    expect(
      selectorWords(
        row({ utility: 'power', areaClass: 'rural', districtId: 3, channel: Channel.Hotline12345 }),
        () => '城南',
      ),
    ).toBe('一般报修 · 电力 · 农村 · 城南 · 12345热线');
  });

  it('reads clocks in minutes, hours and working days', () => {
    expect(clocksWords(row({}))).toBe('响应30分钟，到场2小时，办结3个工作日');
    expect(clocksWords(row({ clocks: [] }))).toBe('不计时');
  });

  it('edits clocks through a draft and back, leaving unset clocks to the less specific rows', () => {
    const draft = clocksDraft(row({}).clocks);
    expect(draft[ClockKind.Contact]).toEqual({ unit: 'off', amount: '' });
    draft[ClockKind.OnSite] = { unit: 'minutes', amount: '90' };
    draft[ClockKind.Opinion] = { unit: 'minutes', amount: '60' };
    draft[ClockKind.Resolve] = { unit: 'off', amount: '3' };
    expect(draftClocks(draft)).toEqual([
      { clock: ClockKind.Respond, minutes: 30 },
      { clock: ClockKind.OnSite, minutes: 90 },
      { clock: ClockKind.Opinion, minutes: 60 },
    ]);
  });

  it('sends the at-risk share as a ratio', () => {
    expect(policyRequest(row({ atRiskPercent: 70 }))).toMatchObject({ atRiskRatio: 0.7, ticketType: 'repair' });
    expect(policyRequest(row({}))).not.toHaveProperty('atRiskPercent');
  });
});
