import { maskAddress, maskName } from './mask';

describe('masks shown to someone paying by 户号 (代缴)', () => {
  it.each([
    ['幸福路12号3单元501', '幸福路*********'],
    ['东区花园1栋', '东*****'],
    ['A', '****'],
  ])('address %s → %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
    expect(masked.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps only the surname of the holder', () => expect(maskName('张三丰')).toBe('张**'));
});
