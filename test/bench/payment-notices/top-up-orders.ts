import { randomBytes } from 'node:crypto';
import { Connection } from 'mysql2/promise';
import type { Check } from '../support/bench-env';

/** A payment the benchmark will be notified of: a bill's order (W…) or a prepaid top-up's (T…). */
export interface Payment {
  orderNo: string;
  transactionId: string;
  amountFen: number;
  openid: string;
}

/** What every seeded prepaid account carried over when its ledger opened. */
const OPENING_FEN = 5_000;
/** The seeded prepaid accounts (the demo's own are 9…). */
const BENCH_ACCOUNTS = "SELECT id FROM account WHERE accountNo LIKE '7%'";

export const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * `count` prepaid IC-card accounts (docs/domain.md#prepaid-accounts), each with an opened ledger, a top-up
 * awaiting payment and its open order, as if its resident had tapped 充值. IC cards: a credited top-up waits
 * for a counter, so no meter-delivery job runs beside the notices and the server's CPU stays the notices'.
 */
export async function seedTopUpOrders(
  conn: Connection,
  place: { districtId: number; stationId: number },
  count: number,
  transactionNo: (i: number) => string,
): Promise<Payment[]> {
  const now = new Date();
  const accountNos = Array.from({ length: count }, (_, i) => `7${String(i + 1).padStart(9, '0')}`);
  for (const part of chunks(accountNos, 1000)) {
    await conn.query(
      'INSERT INTO account (accountNo, holderName, address, utility, districtId, stationId, paymentMode, meterKind) VALUES ?',
      [
        part.map((no) => [
          no,
          '测试户',
          `城东区预付路${no}号`,
          'gas',
          place.districtId,
          place.stationId,
          'prepaid',
          'ic_card',
        ]),
      ],
    );
  }
  await conn.query(
    `INSERT INTO prepaid_entry (accountId, kind, amountFen, volumeCentiM3, refKey, createdAt)
     SELECT id, 'opening', ?, NULL, CONCAT('opening:', id), ? FROM account WHERE accountNo LIKE '7%'`,
    [OPENING_FEN, now],
  );
  await conn.query(
    `INSERT INTO top_up (accountId, residentId, amountFen, meterKind, status, createdAt)
     SELECT id, 1, 1000 + MOD(id * 7919, 19000), 'ic_card', 'awaiting_payment', ? FROM account WHERE accountNo LIKE '7%'`,
    [now],
  );
  const [topUps] = (await conn.query(
    `SELECT id, accountId, amountFen FROM top_up WHERE accountId IN (${BENCH_ACCOUNTS}) ORDER BY id`,
  )) as unknown as [{ id: number; accountId: number; amountFen: number }[]];
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const payments: Payment[] = [];
  const rows = topUps.map((t, i) => {
    const p: Payment = {
      orderNo: `T${day}${randomBytes(8).toString('hex').toUpperCase()}`,
      amountFen: t.amountFen,
      transactionId: transactionNo(i),
      openid: `oBench${randomBytes(11).toString('hex')}`,
    };
    payments.push(p);
    const expires = new Date(now.getTime() + 30 * 60_000);
    return [p.orderNo, t.id, t.accountId, t.accountId, 1, p.openid, t.amountFen, 'open', now, expires, 1];
  });
  for (const part of chunks(rows, 1000)) {
    await conn.query(
      'INSERT INTO payment_order (orderNo, topUpId, openTopUpAccountId, accountId, residentId, payerOpenid, amountFen, status, createdAt, expiresAt, settledBill) VALUES ?',
      [part],
    );
  }
  return payments;
}

/** Each top-up credited once, with its own order, and every prepaid balance exact: opening + its top-up. */
export async function topUpChecks(conn: Connection, topUps: Payment[]): Promise<Check[]> {
  const rows = async <T>(sql: string) => ((await conn.query(sql)) as unknown as [T[]])[0];
  const expectedFen = topUps.reduce((n, p) => n + p.amountFen, 0);
  const [credited] = await rows<{ n: number; fen: number | null }>(
    `SELECT COUNT(*) AS n, SUM(t.amountFen) AS fen FROM top_up t JOIN payment_order o ON o.topUpId = t.id AND o.orderNo = t.orderNo
     WHERE t.status = 'credited' AND o.status = 'paid' AND t.accountId IN (${BENCH_ACCOUNTS})`,
  );
  const [entries] = await rows<{ n: number; fen: number | null; topUps: number }>(
    `SELECT COUNT(*) AS n, SUM(amountFen) AS fen, COUNT(DISTINCT refKey) AS topUps FROM prepaid_entry
     WHERE kind = 'top_up' AND accountId IN (${BENCH_ACCOUNTS})`,
  );
  const balances = await rows<{ accountId: number; balanceFen: number; topUpFen: number }>(
    `SELECT t.accountId, (SELECT SUM(e.amountFen) FROM prepaid_entry e WHERE e.accountId = t.accountId) AS balanceFen,
       t.amountFen AS topUpFen FROM top_up t WHERE t.accountId IN (${BENCH_ACCOUNTS})`,
  );
  const wrong = balances.filter((b) => Number(b.balanceFen) !== OPENING_FEN + b.topUpFen);
  return [
    {
      label: 'top-ups credited = top-up payments, each by its own order, amounts exact',
      ok: Number(credited.n) === topUps.length && Number(credited.fen) === expectedFen,
      detail: `${credited.n} top-ups, ${credited.fen} fen (expected ${topUps.length}, ${expectedFen})`,
    },
    {
      label: 'one ledger credit per top-up (0 double credits)',
      ok:
        Number(entries.n) === topUps.length &&
        Number(entries.topUps) === topUps.length &&
        Number(entries.fen) === expectedFen,
      detail: `${entries.n} top-up entries for ${entries.topUps} top-ups, ${entries.fen} fen`,
    },
    {
      label: 'every prepaid balance = opening + its top-up, to the fen',
      ok: balances.length === topUps.length && wrong.length === 0,
      detail: `${balances.length} balances, ${wrong.length} wrong: ${JSON.stringify(wrong.slice(0, 3))}`,
    },
  ];
}
