import { DEFAULT_REPAIR_PRICE_LIST } from '@utility/shared';
import { blankRow, toPriceListBody, toRows } from './price-list-form';

describe('the price-list page', () => {
  const view = {
    items: DEFAULT_REPAIR_PRICE_LIST.slice(0, 2).map((i, n) => ({ ...i, retired: n === 1, inUse: n === 0 })),
  };

  it('shows fen as yuan and sends yuan back as whole fen, retired items kept', () => {
    const rows = toRows(view);
    expect(rows.map((r) => [r.code, r.yuan, r.retired, r.inUse])).toEqual([
      ['visit', '30.00', false, true],
      ['gas-hose', '45.00', true, false],
    ]);
    rows[0].yuan = '32.5';
    expect(toPriceListBody(rows)).toEqual({
      body: {
        items: [
          { code: 'visit', name: '户内维修上门服务费', unit: '次', unitFen: 3250, retired: false },
          { code: 'gas-hose', name: '燃气灶前软管更换（含材料）', unit: '根', unitFen: 4500, retired: true },
        ],
      },
    });
  });

  it.each([
    ['a price with three decimals', { yuan: '1.005' }, '新项目：请填写单价（元，最多两位小数）'],
    ['no price', { yuan: '' }, '新项目：请填写单价（元，最多两位小数）'],
    ['no code', { yuan: '20' }, '新项目：请填写编码'],
  ])('names the row to correct: %s', (_what, change, error) => {
    expect(toPriceListBody([{ ...blankRow(), name: '新项目', ...change }])).toEqual({ error });
  });
});
