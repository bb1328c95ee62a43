import { DEFAULT_REPAIR_PRICE_LIST } from '../repairs/repair-quote';
import { PriceListSchema } from './price-list';

const item = (over: Record<string, unknown> = {}) => ({
  code: 'gas-hose',
  name: '燃气灶前软管更换（含材料）',
  unit: '根',
  unitFen: 4500,
  ...over,
});
const issues = (body: unknown) => {
  const parsed = PriceListSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('PriceListSchema', () => {
  it('takes the default list, each item current unless retired', () => {
    const parsed = PriceListSchema.parse({ items: DEFAULT_REPAIR_PRICE_LIST });
    expect(parsed.items).toHaveLength(DEFAULT_REPAIR_PRICE_LIST.length);
    expect(parsed.items.every((i) => i.retired === false)).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['a code twice', { items: [item(), item({ name: '另一项' })] }, '收费项目编码不能重复'],
    ['a price in part fen', { items: [item({ unitFen: 45.5 })] }, '单价须为整数（以分计）'],
    ['a free item', { items: [item({ unitFen: 0 })] }, '单价须大于0'],
    [
      'a code with capitals or spaces',
      { items: [item({ code: 'Gas Hose' })] },
      '编码只能由小写字母、数字和连字符组成，最多32个字符',
    ],
    ['no name', { items: [item({ name: ' ' })] }, '请填写收费项目名称'],
    ['an empty list', { items: [] }, '价目表至少要有一个收费项目'],
  ])('refuses %s with a Chinese message', (_what, body, message) => {
    expect(issues(body)).toContain(message);
  });
});
