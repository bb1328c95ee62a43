import { Connection } from 'mysql2/promise';

const CHUNK = 200_000;

/**
 * `count` gas accounts (numbers 7000000001…), each with October's billed reading and November's
 * accepted one, generated inside MariaDB from its sequence engine (seq_1_to_N): no rows cross the wire.
 */
export async function seedAccountsWithReadings(conn: Connection, count: number): Promise<void> {
  const [[east]] = (await conn.query(
    "SELECT districtId, stationId FROM account WHERE accountNo = '9100000001'",
  )) as unknown as [{ districtId: number; stationId: number }[]];
  const [[west]] = (await conn.query(
    "SELECT districtId, stationId FROM account WHERE accountNo = '9100000050'",
  )) as unknown as [{ districtId: number; stationId: number }[]];
  const now = new Date();
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await conn.query(
      `INSERT INTO account (accountNo, holderName, address, utility, districtId, stationId, areaCentiM2)
       SELECT CONCAT('7', LPAD(seq, 9, '0')), '压测户', CONCAT('城东区压测路', seq, '号'), 'gas',
              IF(seq % 2 = 1, ?, ?), IF(seq % 2 = 1, ?, ?), NULL
       FROM seq_${from}_to_${to}`,
      [east.districtId, west.districtId, east.stationId, west.stationId],
    );
  }
  const [[range]] = (await conn.query(
    "SELECT MIN(id) AS lo, MAX(id) AS hi FROM account WHERE accountNo LIKE '7%'",
  )) as unknown as [{ lo: number; hi: number }[]];
  for (let from = range.lo; from <= range.hi; from += CHUNK) {
    const to = Math.min(range.hi, from + CHUNK - 1);
    // October's index (billed last month) and November's: 5 to 405 m³ used, so some bills cross tier 1.
    await conn.query(
      `INSERT INTO meter_reading (accountId, readOn, valueCentiM3, source, status, createdAt)
       SELECT id, '2026-10-20', MOD(id, 5000) * 100, 'import', 'billed', ? FROM account WHERE id BETWEEN ? AND ? AND accountNo LIKE '7%'`,
      [now, from, to],
    );
    await conn.query(
      `INSERT INTO meter_reading (accountId, readOn, valueCentiM3, source, status, createdAt)
       SELECT id, '2026-11-20', MOD(id, 5000) * 100 + 500 + MOD(id * 7919, 40000), 'smart_meter', 'accepted', ? FROM account WHERE id BETWEEN ? AND ? AND accountNo LIKE '7%'`,
      [now, from, to],
    );
  }
}
