import { classifySearch, normalizePhone } from './search-key';

describe('classifySearch', () => {
  it.each([
    ['9200000001', 'accountNo', '9200000001'],
    ['920000', 'accountNo', '920000'],
    ['20261207000042', 'ticketNo', '20261207000042'],
    ['13812345678', 'phone', '13812345678'],
    ['138 1234 5678', 'phone', '13812345678'],
    ['+86 138-1234-5678', 'phone', '13812345678'],
    ['010-62345678', 'phone', '01062345678'],
    ['0571-8888888', 'phone', '05718888888'],
    ['幸福路1号', 'address', '幸福路1号'],
    ['  城东区 幸福路 ', 'address', '城东区 幸福路'],
    ['12345678901234567', 'address', '12345678901234567'],
  ])('%s → %s', (q, key, value) => {
    expect(classifySearch(q)).toEqual({ key, value });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['010-6234 5678', '01062345678'],
  ])('%s → %s', (phone, normal) => expect(normalizePhone(phone)).toBe(normal));
});
