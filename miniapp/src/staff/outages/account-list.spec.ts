import { fileText, parseAccountList } from './account-list';

describe('an uploaded 户号 list', () => {
  it('takes one 户号 a line, each once, and counts the lines that are none', () => {
    expect(parseAccountList('9100000001\r\n9100000002\n\n9100000001\n91000000\n')).toEqual({
      accountNos: ['9100000001', '9100000002'],
      skipped: 1,
    });
  });

  it("takes a CSV's first column and skips its header, quotes and a BOM", () => {
    const csv = '\uFEFF户号,姓名,地址\n"9100000003",张三,城东区幸福路11号\n9100000004,李四,"城东区,和平街"\n';
    expect(parseAccountList(csv)).toEqual({ accountNos: ['9100000003', '9100000004'], skipped: 1 });
  });

  it('reads a mini-program file (bytes) and a browser file (Blob) alike', async () => {
    const csv = '户号\n9100000005\n';
    // 户号 in UTF-8, then ASCII.
    const bytes = Uint8Array.from([
      0xe6,
      0x88,
      0xb7,
      0xe5,
      0x8f,
      0xb7,
      ...[...'\n9100000005\n'].map((c) => c.charCodeAt(0)),
    ]);
    expect(parseAccountList(await fileText(bytes.buffer)).accountNos).toEqual(['9100000005']);
    expect(parseAccountList(await fileText(new Blob([csv]))).accountNos).toEqual(['9100000005']);
  });
});
