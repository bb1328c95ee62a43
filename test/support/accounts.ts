import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { REPO_ROOT, TestDatabase } from './server-process';

/**
 * The last four digits of demo account `accountNo`'s registered phone (server/src/seed/demo-organisation.ts):
 * the second fact the bind form asks for by default (BINDING_SECOND_FACT=phone_last4).
 */
export const demoPhoneLast4 = (accountNo: string): string =>
  String(10_000_000 + Number(accountNo.slice(-2)) * 7_919).slice(-4);

/**
 * `n` more accounts like the demo account `like` (same district, station and holder), numbered
 * `<prefix>0000…`, written straight into the company's records: the demo data has 25 accounts
 * per district, too few for a crowd of residents with one account each.
 */
export async function addAccountsLike(
  db: TestDatabase,
  like: string,
  n: number,
  prefix: string,
): Promise<{ accountNo: string; holderName: string; secondFact: string }[]> {
  const accountNos = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(10 - prefix.length, '0')}`);
  // The registered phone too (encrypted, copied as is): the binding's second fact is `like`'s.
  const columns = 'holderName, address, utility, districtId, stationId, areaCentiM2, phone';
  const secondFact = demoPhoneLast4(like);
  const sql = `INSERT INTO account (accountNo, ${columns}) SELECT ?, ${columns} FROM account WHERE accountNo = ?`;
  if (db.url.startsWith('sqlite:')) {
    const Database = createRequire(join(REPO_ROOT, 'server/package.json'))('better-sqlite3');
    const conn = new Database(db.url.slice('sqlite:'.length), { fileMustExist: true, timeout: 10_000 });
    try {
      const insert = conn.prepare(sql);
      conn.transaction(() => accountNos.forEach((no) => insert.run(no, like)))();
      const { holderName } = conn.prepare('SELECT holderName FROM account WHERE accountNo = ?').get(like) as {
        holderName: string;
      };
      return accountNos.map((accountNo) => ({ accountNo, holderName, secondFact }));
    } finally {
      conn.close();
    }
  }
  const conn = await createConnection(db.url);
  try {
    for (const no of accountNos) await conn.query(sql, [no, like]);
    const [[row]] = (await conn.query('SELECT holderName FROM account WHERE accountNo = ?', [like])) as unknown as [
      { holderName: string }[],
    ];
    return accountNos.map((accountNo) => ({ accountNo, holderName: row.holderName, secondFact }));
  } finally {
    await conn.end();
  }
}
