import { BindingSecondFact, checkSecondFact, yuanToFen } from './second-fact';

describe("binding's second fact", () => {
  const facts = { phone: '13812345678', lastBillFen: 8650 };

  it.each([
    [BindingSecondFact.PhoneLast4, '5678', facts, 'ok'],
    [BindingSecondFact.PhoneLast4, ' 5678 ', facts, 'ok'],
    [BindingSecondFact.PhoneLast4, '1234', facts, 'mismatch'],
    [BindingSecondFact.PhoneLast4, undefined, facts, 'mismatch'],
    [BindingSecondFact.PhoneLast4, '5678', { ...facts, phone: null }, 'missing'],
    [BindingSecondFact.LastBillAmount, '86.50', facts, 'ok'],
    [BindingSecondFact.LastBillAmount, '86.5', facts, 'ok'],
    [BindingSecondFact.LastBillAmount, '¥86.50', facts, 'ok'],
    [BindingSecondFact.LastBillAmount, '86', facts, 'mismatch'],
    [BindingSecondFact.LastBillAmount, 'abc', facts, 'mismatch'],
    [BindingSecondFact.LastBillAmount, '86.50', { ...facts, lastBillFen: null }, 'missing'],
    [BindingSecondFact.None, undefined, { phone: null, lastBillFen: null }, 'ok'],
  ] as const)('%s given %j → %s', (kind, given, f, expected) => {
    expect(checkSecondFact(kind, given, f)).toBe(expected);
  });

  it.each([
    ['86.50', 8650],
    ['0.05', 5],
    ['120', 12000],
    ['86.505', null],
    ['-1', null],
    ['', null],
  ])('yuan %j → %p fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen);
  });
});
