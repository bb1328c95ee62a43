import { EMPTY_FORM } from '../intake/intake-form';
import { fillAddress } from './account-fill';

describe('filling the address from the 户号', () => {
  it.each([
    ['an empty address', '', null, '东城区幸福路11号'],
    ['the address the previous account filled', '西城区和平路2号', '西城区和平路2号', '东城区幸福路11号'],
    ['an address the agent typed', '城东区小区门口', null, '城东区小区门口'],
    ['an address the agent changed after a fill', '西城区和平路2号 对面', '西城区和平路2号', '西城区和平路2号 对面'],
  ])('%s', (_what, address, previousFill, expected) => {
    expect(fillAddress({ ...EMPTY_FORM, address }, '东城区幸福路11号', previousFill).address).toBe(expected);
  });
});
