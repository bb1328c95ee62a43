import { createHash } from 'node:crypto';
import { Connection } from 'mysql2/promise';

const CHUNK = 100_000;
const ROWS = 5000;
/** The mock WeChat's appid (server/src/common/config.ts MOCK_WECHAT_APPID): its openids carry a check. */
const MOCK_APPID = 'wx0000000000mock';

/** An openid the fake WeChat accepts as one it issued (dev/fake-wechat.server.ts isIssuedOpenid). */
export function mockOpenid(n: number): string {
  const mid = `bench${String(n).padStart(16, '0')}`;
  return `o${mid}${createHash('sha256').update(`openid-check\n${MOCK_APPID}\n${mid}`).digest('base64url').slice(0, 6)}`;
}

/**
 * `count` gas accounts on 城东区停气路 (numbers 6000000001…), generated inside MariaDB, and one resident
 * bound to each who accepted the outage template account-wide (a valid mock openid each).
 */
export async function seedHouseholds(conn: Connection, count: number): Promise<void> {
  const [[east]] = (await conn.query(
    "SELECT districtId, stationId FROM account WHERE accountNo = '9100000001'",
  )) as unknown as [{ districtId: number; stationId: number }[]];
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await conn.query(
      `INSERT INTO account (accountNo, holderName, address, utility, districtId, stationId, areaCentiM2)
       SELECT CONCAT('6', LPAD(seq, 9, '0')), '压测户', CONCAT('城东区停气路', seq, '号'), 'gas', ?, ?, NULL
       FROM seq_${from}_to_${to}`,
      [east.districtId, east.stationId],
    );
  }
  const now = new Date();
  for (let from = 1; from <= count; from += ROWS) {
    const ns = Array.from({ length: Math.min(ROWS, count - from + 1) }, (_, i) => from + i);
    await conn.query(
      `INSERT INTO resident (openid, createdAt) VALUES ${ns.map(() => '(?, ?)').join(',')}`,
      ns.flatMap((n) => [mockOpenid(n), now]),
    );
  }
  await conn.query(
    `INSERT INTO account_binding (residentId, accountId, label, isDefault, createdAt)
     SELECT r.id, a.id, '', 1, ? FROM resident r JOIN account a ON a.accountNo = CONCAT('6', LPAD(SUBSTRING(r.openid, 7, 16) + 0, 9, '0'))
     WHERE r.openid LIKE 'obench%'`,
    [now],
  );
  await conn.query(
    `INSERT INTO subscription_consent (residentId, ticketId, templateId, grantedAt, usedByNoticeId)
     SELECT id, NULL, 'TPL_OUTAGE', ?, NULL FROM resident WHERE openid LIKE 'obench%'`,
    [new Date(now.getTime() - 60_000)],
  );
}
