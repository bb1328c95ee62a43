import type { ImportFile } from '../../services/api/admin-accounts';

export interface AccountList {
  accountNos: string[];
  /** Non-empty lines whose first column is not a 户号 (a header, a typo): shown so staff can check the file. */
  skipped: number;
}

const ACCOUNT_NO = /^\d{10}$/;

/**
 * 户号 from an uploaded list: one a line, or the first column of a CSV (a header line is skipped), duplicates once.
 * The server takes up to 200,000 of them (docs/domain.md#outages).
 */
export function parseAccountList(text: string): AccountList {
  const seen = new Set<string>();
  let skipped = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const first = line
      .split(/[,\t;，]/)[0]!
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (!first && !line.trim()) continue;
    if (ACCOUNT_NO.test(first)) seen.add(first);
    else skipped++;
  }
  return { accountNos: [...seen], skipped };
}

/**
 * The picked file as text. A 户号 is ASCII digits, so the mini-program's bytes are read one byte a character:
 * a header in GBK or UTF-8 only has to be recognised as "not a 户号".
 */
export function fileText(body: ImportFile['body']): Promise<string> {
  if (body instanceof ArrayBuffer || !('size' in body)) {
    const bytes = new Uint8Array(body as ArrayBuffer);
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return Promise.resolve(text);
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(body);
  });
}
