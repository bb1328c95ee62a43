import { neutraliseCsvText } from './report-export';

describe('neutraliseCsvText (CSV cells a spreadsheet would run as formulas)', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","查看")', `'=HYPERLINK("https://evil.example","查看")`],
    ['+86 138', `'+86 138`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['王晓梅', '王晓梅'],
    ['城东片区', '城东片区'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutraliseCsvText(text)).toBe(expected);
  });
});
