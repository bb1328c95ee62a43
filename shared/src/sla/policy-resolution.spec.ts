import { Channel, ClockKind as K, TicketType as T } from '../tickets/ticket-codes';
import { DEFAULT_SLA_POLICIES } from './default-policies';
import { policySelectorKey, resolveSlaPolicy, selectorSpecificity } from './policy-resolution';
import { ClockPolicy, SlaPolicyRule, SlaSubject } from './sla-types';

const m = (clock: K, minutes: number): ClockPolicy => ({ clock, minutes });
const subject = (s: Partial<SlaSubject> & Pick<SlaSubject, 'ticketType'>): SlaSubject => ({
  utility: null,
  areaClass: null,
  districtId: null,
  channel: null,
  ...s,
});
const minutesOf = (rule: SlaPolicyRule | null, clock: K) => rule?.clocks.find((c) => c.clock === clock)?.minutes;

describe('resolveSlaPolicy with the default policies', () => {
  const resolve = (s: Partial<SlaSubject> & Pick<SlaSubject, 'ticketType'>) =>
    resolveSlaPolicy(DEFAULT_SLA_POLICIES, subject(s));

  it.each<[string, Partial<SlaSubject> & Pick<SlaSubject, 'ticketType'>, K, number | undefined]>([
    ['a gas repair: 2 h on site', { ticketType: T.Repair, utility: 'gas', areaClass: 'rural' }, K.OnSite, 120],
    ['a heating repair (暖气不热)', { ticketType: T.Repair, utility: 'heating' }, K.OnSite, 120],
    ['room temperature: as 暖气不热', { ticketType: T.RoomTemperature, utility: 'heating' }, K.OnSite, 120],
    [
      'a power repair in an urban district',
      { ticketType: T.Repair, utility: 'power', areaClass: 'urban' },
      K.OnSite,
      45,
    ],
    [
      'a power repair in a rural district',
      { ticketType: T.Repair, utility: 'power', areaClass: 'rural' },
      K.OnSite,
      90,
    ],
    [
      'a power repair in a remote district',
      { ticketType: T.Repair, utility: 'power', areaClass: 'remote' },
      K.OnSite,
      120,
    ],
    [
      'a power repair keeps the repair contact clock',
      { ticketType: T.Repair, utility: 'power', areaClass: 'rural' },
      K.Contact,
      30,
    ],
    ['a power repair of unknown area: the repair default', { ticketType: T.Repair, utility: 'power' }, K.OnSite, 120],
    ['a 12345 repair owes its opinion in 1 h', { ticketType: T.Repair, channel: Channel.Hotline12345 }, K.Opinion, 60],
    [
      'a 12345 complaint owes its opinion in 1 h',
      { ticketType: T.Complaint, channel: Channel.Hotline12345 },
      K.Opinion,
      60,
    ],
    [
      'a 12345 complaint keeps its 24 h acknowledgement',
      { ticketType: T.Complaint, channel: Channel.Hotline12345 },
      K.Respond,
      1440,
    ],
    ['a phone repair has no opinion clock', { ticketType: T.Repair, channel: Channel.Phone }, K.Opinion, undefined],
    [
      'a letter complaint: the complaint clocks',
      { ticketType: T.Complaint, channel: Channel.Letter },
      K.FirstReply,
      4320,
    ],
    [
      'a 12345 power fault in a rural district: both refinements',
      { ticketType: T.Repair, utility: 'power', areaClass: 'rural', channel: Channel.Hotline12345 },
      K.OnSite,
      90,
    ],
  ])('%s', (_what, s, clock, minutes) => {
    expect(minutesOf(resolve(s), clock)).toBe(minutes);
  });

  it('lists the base clocks in order, refinements after', () => {
    const rule = resolve({
      ticketType: T.Repair,
      utility: 'power',
      areaClass: 'remote',
      channel: Channel.Hotline12345,
    });
    expect(rule?.clocks).toEqual([
      m(K.Respond, 30),
      m(K.Contact, 30),
      m(K.OnSite, 120),
      m(K.Resolve, 1440),
      m(K.Opinion, 60),
    ]);
  });
});

describe('resolveSlaPolicy: the most specific row that sets a clock wins', () => {
  const row = (s: Partial<SlaPolicyRule>, minutes: number, atRiskRatio = 0.8): SlaPolicyRule => ({
    ticketType: T.Repair,
    clocks: [m(K.OnSite, minutes)],
    atRiskRatio,
    ...s,
  });
  const rules = [
    row({}, 120),
    row({ utility: 'power' }, 100),
    row({ utility: 'power', areaClass: 'rural' }, 90),
    row({ channel: Channel.Wecom }, 80, 0.6),
    row({ districtId: 7 }, 70, 0.5),
    row({ districtId: 7, channel: Channel.Wecom }, 60),
    row({ ticketType: T.Leak }, 30),
  ];

  it.each<[string, Partial<SlaSubject>, number, number]>([
    ['nothing but the type', {}, 120, 0.8],
    ['utility over the base', { utility: 'power' }, 100, 0.8],
    ['area class over utility', { utility: 'power', areaClass: 'rural' }, 90, 0.8],
    ['an area class row needs its utility too', { utility: 'gas', areaClass: 'rural' }, 120, 0.8],
    ['channel over area class', { utility: 'power', areaClass: 'rural', channel: Channel.Wecom }, 80, 0.6],
    ['district over channel', { districtId: 7, channel: Channel.Letter }, 70, 0.5],
    ['district and channel over district', { districtId: 7, channel: Channel.Wecom }, 60, 0.8],
    ['another district: not its row', { districtId: 8, channel: Channel.Wecom }, 80, 0.6],
  ])('%s', (_what, s, onSite, atRiskRatio) => {
    const rule = resolveSlaPolicy(rules, subject({ ticketType: T.Repair, ...s }));
    expect(rule).toEqual({ ticketType: T.Repair, clocks: [m(K.OnSite, onSite)], atRiskRatio });
  });

  it('answers null for a type no row is for (no clocks run)', () => {
    expect(resolveSlaPolicy(rules, subject({ ticketType: T.Billing }))).toBeNull();
  });

  it('orders selectors so that no two different ones tie', () => {
    const weights = rules.map(selectorSpecificity);
    expect(new Set(weights.slice(0, 6)).size).toBe(6);
  });

  it('keys a selector with * for each wildcard', () => {
    expect(policySelectorKey({ ticketType: T.Repair, utility: 'power', areaClass: 'rural' })).toBe(
      'repair|power|rural|*|*',
    );
    expect(policySelectorKey({ ticketType: T.Complaint, districtId: 3, channel: Channel.Hotline12345 })).toBe(
      'complaint|*|*|3|hotline_12345',
    );
  });
});
