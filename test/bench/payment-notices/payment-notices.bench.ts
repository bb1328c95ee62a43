import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import {
  Benchmark,
  BenchBody,
  cpuSeconds,
  createBenchDatabase,
  log,
  percentile,
  round,
  scaled,
} from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';
import { Payment, chunks, seedTopUpOrders, topUpChecks } from './top-up-orders';
import { SignedNotice, makeIdentity, paymentNoticeBody, signDelivery } from './wechat-pay-notices';

const NOTICES = scaled(10_000, 200);
const DISTINCT = Math.round(NOTICES * 0.8);
/** A fifth of the payments are prepaid top-ups (issue 19: top-up notices at the payment-notice rate). */
const TOP_UPS = Math.round(DISTINCT * 0.2);
const BILLS = DISTINCT - TOP_UPS;
const CONCURRENCY = 64;
const NOTIFY_PATH = '/api/payments/wechat/notify';

const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const transactionNo = (i: number) => `4200${yyyymmdd(new Date())}${String(i + 1).padStart(16, '0')}`;

/** `BILLS` accounts, each with an unpaid October bill and an open order for it, as if its resident had tapped 缴费. */
async function seedOrders(conn: Connection, place: { districtId: number; stationId: number }): Promise<Payment[]> {
  const now = new Date();
  const accountNos = Array.from({ length: BILLS }, (_, i) => `8${String(i + 1).padStart(9, '0')}`);
  for (const part of chunks(accountNos, 1000)) {
    await conn.query('INSERT INTO account (accountNo, holderName, address, utility, districtId, stationId) VALUES ?', [
      part.map((no) => [no, '测试户', `城东区压测路${no}号`, 'gas', place.districtId, place.stationId]),
    ]);
  }
  await conn.query(
    `INSERT INTO bill (accountId, accountNo, period, utility, fromOn, toOn, volumeCentiM3, \`lines\`, amountFen, paidFen, status, dueOn, createdAt)
     SELECT id, accountNo, '2026-10', 'gas', '2026-09-20', '2026-10-20', 0, '[]', 1000 + MOD(id * 7919, 49000), 0, 'unpaid', '2026-11-09', ? FROM account WHERE accountNo LIKE '8%'`,
    [now],
  );
  const [bills] = (await conn.query(
    "SELECT id, accountId, amountFen FROM bill WHERE accountNo LIKE '8%' ORDER BY id",
  )) as unknown as [{ id: number; accountId: number; amountFen: number }[]];
  const payments: Payment[] = [];
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const rows = bills.map((b, i) => {
    const p: Payment = {
      orderNo: `W${day}${randomBytes(8).toString('hex').toUpperCase()}`,
      amountFen: b.amountFen,
      transactionId: transactionNo(TOP_UPS + i),
      openid: `oBench${randomBytes(11).toString('hex')}`,
    };
    payments.push(p);
    return [
      p.orderNo,
      b.id,
      b.id,
      b.accountId,
      1,
      p.openid,
      b.amountFen,
      'open',
      now,
      new Date(now.getTime() + 30 * 60_000),
      1,
    ];
  });
  for (const part of chunks(rows, 1000)) {
    await conn.query(
      'INSERT INTO payment_order (orderNo, billId, openBillId, accountId, residentId, payerOpenid, amountFen, status, createdAt, expiresAt, settledBill) VALUES ?',
      [part],
    );
  }
  return payments;
}

async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('notices');
  const keyDir = mkdtempSync(join(tmpdir(), 'bench-wechatpay-'));
  try {
    const wechatPay = makeIdentity(keyDir);
    const server = await startBenchServer(db.url, wechatPay.serverEnv);
    const conn = await createConnection(db.url);
    try {
      log(`payment-notices: seeding ${BILLS} bill orders and ${TOP_UPS} top-up orders`);
      const [[place]] = (await conn.query(
        "SELECT districtId, stationId FROM account WHERE accountNo = '9100000001'",
      )) as unknown as [{ districtId: number; stationId: number }[]];
      const topUps = await seedTopUpOrders(conn, place, TOP_UPS, transactionNo);
      const bills = await seedOrders(conn, place);
      const payments = [...topUps, ...bills];
      // Every payment notified once; a fifth of the deliveries are WeChat Pay's retries of one of them.
      const bodies = payments.map((p, i) => paymentNoticeBody(wechatPay, `bench-notice-${i}`, p));
      const deliveries = [
        ...bodies.map((_, i) => i),
        ...Array.from({ length: NOTICES - DISTINCT }, () => randomInt(DISTINCT)),
      ];
      for (let i = deliveries.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
      }
      log(`payment-notices: signing ${NOTICES} deliveries`);
      const signed: SignedNotice[] = deliveries.map((i) => signDelivery(wechatPay, bodies[i]));
      // Warm-up: one notice nobody ordered (answered 400 unknown order, changes nothing).
      await fetch(server.url + NOTIFY_PATH, {
        method: 'POST',
        ...signDelivery(wechatPay, paymentNoticeBody(wechatPay, 'warm-up', { ...payments[0], orderNo: 'W-unknown' })),
      });

      log(`payment-notices: posting ${NOTICES} notices, ${CONCURRENCY} at a time`);
      const answers: { status: number; ms: number }[] = [];
      let next = 0;
      const cpuBefore = cpuSeconds(server.process.pid!);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < signed.length) {
            const notice = signed[next++];
            const t0 = performance.now();
            const res = await fetch(server.url + NOTIFY_PATH, {
              method: 'POST',
              headers: notice.headers,
              body: notice.body,
            });
            await res.arrayBuffer();
            answers.push({ status: res.status, ms: performance.now() - t0 });
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const cpuPerNotice = (1000 * (cpuSeconds(server.process.pid!) - cpuBefore)) / NOTICES;

      const one = async <T>(sql: string) => ((await conn.query(sql)) as unknown as [T[]])[0][0];
      const orders = await one<{ n: number; fen: number | null }>(
        "SELECT COUNT(*) AS n, SUM(amountFen) AS fen FROM payment_order WHERE status = 'paid'",
      );
      const settled = await one<{ n: number; fen: number | null }>(
        "SELECT COUNT(*) AS n, SUM(paidFen) AS fen FROM bill WHERE status = 'paid'",
      );
      const [outcomes] = (await conn.query(
        "SELECT outcome, COUNT(*) AS n FROM payment_notice WHERE noticeId LIKE 'bench-notice-%' GROUP BY outcome",
      )) as unknown as [{ outcome: string; n: number }[]];
      const outcome = (o: string) => Number(outcomes.find((r) => r.outcome === o)?.n ?? 0);
      const paidTx = new Map(
        (
          (await conn.query("SELECT orderNo, transactionId FROM payment_order WHERE status = 'paid'")) as unknown as [
            { orderNo: string; transactionId: string }[],
          ]
        )[0].map((r) => [r.orderNo, r.transactionId]),
      );
      const expectedFen = payments.reduce((n, p) => n + p.amountFen, 0);
      const billsFen = bills.reduce((n, p) => n + p.amountFen, 0);
      const ok = answers.filter((a) => a.status === 204).length;
      const rate = round(NOTICES / seconds);
      return {
        figures: [
          { label: 'notices per second', value: rate, unit: '/s', target: '≥ 1,000 /s', met: rate >= 1000 },
          {
            label: 'notices posted (distinct payments + retries)',
            value: NOTICES,
            unit: `(${DISTINCT} + ${NOTICES - DISTINCT})`,
          },
          { label: 'of the payments, prepaid top-ups', value: TOP_UPS, unit: `of ${DISTINCT}` },
          {
            label: 'notice p50 latency',
            value: round(
              percentile(
                answers.map((a) => a.ms),
                50,
              ),
            ),
            unit: 'ms',
          },
          {
            label: 'notice p99 latency',
            value: round(
              percentile(
                answers.map((a) => a.ms),
                99,
              ),
            ),
            unit: 'ms',
          },
          { label: 'server CPU per notice', value: round(cpuPerNotice, 2), unit: 'ms' },
        ],
        checks: [
          {
            label: 'every notice answered 204',
            ok: ok === NOTICES,
            detail: `${ok} of ${NOTICES}; others: ${JSON.stringify(answers.filter((a) => a.status !== 204).slice(0, 3))}`,
          },
          {
            label: 'orders paid = distinct payments, amounts exact',
            ok: Number(orders.n) === DISTINCT && Number(orders.fen) === expectedFen,
            detail: `${orders.n} orders, ${orders.fen} fen (expected ${DISTINCT}, ${expectedFen})`,
          },
          {
            label: 'bills settled = bill payments, amounts exact',
            ok: Number(settled.n) === BILLS && Number(settled.fen) === billsFen,
            detail: `${settled.n} bills, ${settled.fen} fen (expected ${BILLS}, ${billsFen})`,
          },
          {
            label: 'notice log: one credit per payment, every retry a duplicate',
            ok: outcome('credited') === DISTINCT && outcome('duplicate') === NOTICES - DISTINCT,
            detail: JSON.stringify(Object.fromEntries(outcomes.map((o) => [o.outcome, Number(o.n)]))),
          },
          {
            label: 'each paid order carries its own transaction id',
            ok: payments.every((p) => paidTx.get(p.orderNo) === p.transactionId),
            detail: `${paidTx.size} paid orders checked`,
          },
          ...(await topUpChecks(conn, topUps)),
        ],
        notes: [
          'Server in WECHATPAY_MODE=live with a platform key pair and APIv3 key made by the benchmark; each delivery signed (SHA256withRSA) and encrypted (AEAD_AES_256_GCM) as WeChat Pay does, signed before the clock starts.',
          `Orders seeded straight into the database: ${BILLS} accounts with a bill and its open order, ${TOP_UPS} prepaid IC-card accounts with an opened ledger, a top-up and its open order; retries are re-signed copies of a notice (bill or top-up alike), shuffled among the originals.`,
        ],
      };
    } finally {
      await conn.end();
      await server.stop();
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
    await db.drop();
  }
}

export const paymentNoticesBenchmark: Benchmark = {
  name: 'payment-notices',
  title: 'Payment notices: signed, encrypted, 20 % retries',
  run,
};
