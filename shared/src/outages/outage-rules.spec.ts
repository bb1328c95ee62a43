import { shanghaiShort } from '../sla/sla-deadlines';
import { inBuilding, outageHours, outageNoticeText, outagePhase } from './outage-rules';

const at = (iso: string) => new Date(iso);

describe('outagePhase', () => {
  it.each([
    ['before its start', '2026-12-07T01:00:00Z', null, 'planned'],
    ['at its start', '2026-12-07T02:00:00Z', null, 'active'],
    ['after its start', '2026-12-07T05:00:00Z', null, 'active'],
    ['restored', '2026-12-07T05:00:00Z', '2026-12-07T04:00:00Z', 'restored'],
  ])('%s → %s', (_, now, restoredAt, phase) => {
    const o = { startsAt: at('2026-12-07T02:00:00Z'), restoredAt: restoredAt ? at(restoredAt) : null };
    expect(outagePhase(o, at(now))).toBe(phase);
  });
});

describe('outageHours', () => {
  it.each([
    ['restored after 8 h 30', '2026-12-07T10:30:00Z', '2026-12-08T00:00:00Z', 8.5],
    ['still off: counted to the end of the period', null, '2026-12-07T05:00:00Z', 3],
    ['not begun', null, '2026-12-07T01:00:00Z', 0],
  ])('%s', (_, restoredAt, until, hours) => {
    const o = { startsAt: at('2026-12-07T02:00:00Z'), restoredAt: restoredAt ? at(restoredAt) : null };
    expect(outageHours(o, at(until))).toBe(hours);
  });
});

describe('inBuilding', () => {
  it.each([
    ['城东区建设路12号1单元101室', '城东区建设路12号', true],
    ['城东区建设路12号1单元101室', ' 城东区建设路12号 ', true],
    ['城东区建设路13号1单元101室', '城东区建设路12号', false],
    ['城西区建设路12号1单元101室', '城东区建设路12号', false],
  ])('%s in %s → %s', (address, building, inside) => expect(inBuilding(address, building)).toBe(inside));
});

describe('notices', () => {
  const o = {
    utility: 'gas' as const,
    startsAt: at('2026-12-07T01:00:00Z'),
    restoreBy: at('2026-12-07T10:00:00Z'),
    restoredAt: null,
    reason: '管网维修',
  };
  it('tell the Shanghai time', () => expect(shanghaiShort(at('2026-12-07T16:05:00Z'))).toBe('12月8日 00:05'));
  it.each([
    ['declared', '停气通知', '12月7日 09:00至12月7日 18:00'],
    ['restore_changed', '停气恢复时间调整', '12月7日 18:00'],
  ] as const)('%s', (kind, title, time) => expect(outageNoticeText(kind, o)).toMatchObject({ title, time }));
  it('restored', () =>
    expect(outageNoticeText('restored', { ...o, restoredAt: at('2026-12-07T08:00:00Z') })).toMatchObject({
      title: '停气已恢复',
      time: '12月7日 16:00',
    }));
});
