import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { api, staffToken } from '../../support/server-process';
import { Benchmark, BenchBody, cpuSeconds, createBenchDatabase, log, round, scaled } from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';

const ACCOUNTS = scaled(1_000_000, 1000);
const HEADER = '户号,户主姓名,地址,业务类型,片区,站点,表号,供热面积,用户类型,重点用户,缴费方式,预留手机号';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['秀英', '建华', '丽娟', '志强', '桂兰', '国庆', '海燕', '文博', '淑珍', '明辉', '子涵'];
const ROADS = ['幸福路', '和平街', '建设大道', '人民路', '光明巷', '新华路', '解放路'];

/** Account i of the generated file (numbers 8000000001…): what the database must hold after the import. */
export function generatedAccount(i: number) {
  const east = i % 2 === 1;
  const heating = i % 3 === 0;
  return {
    accountNo: `8${String(i).padStart(9, '0')}`,
    holderName: SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length],
    address: `${east ? '城东区' : '城西区'}${ROADS[i % ROADS.length]}${1 + (i % 500)}号${1 + (i % 6)}单元${100 + (i % 30)}室`,
    utility: heating ? '供热' : '燃气',
    district: east ? '城东片区' : 'west',
    station: east ? (i % 4 === 1 ? 'east-heat' : '东湖营业所') : 'west-heat',
    meterNo: heating ? '' : `G${String(i).padStart(10, '0')}`,
    area: heating ? `${60 + (i % 90)}.${i % 10}5` : '',
    usageType: i % 50 === 0 ? '非居民' : '居民',
    keyCustomer: i % 97 === 0 ? '是' : '否',
    paymentMode: i % 7 === 0 ? '预付费' : '后付费',
    phone: `13${String(i).padStart(9, '0')}`,
  };
}

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= ACCOUNTS; i++) {
    const a = generatedAccount(i);
    const line = `${[a.accountNo, a.holderName, a.address, a.utility, a.district, a.station, a.meterNo, a.area, a.usageType, a.keyCustomer, a.paymentMode, a.phone].join(',')}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** POSTs the file as a stream (as a browser's upload would send it), returns the status and body. */
function upload(base: string, token: string, path: string): Promise<{ status: number; body: { jobId?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/admin/accounts/import`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': statSync(path).size,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    createReadStream(path).pipe(req);
  });
}

/** Peak resident memory of a process so far (VmHWM), from /proc. */
const peakRssMiB = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('acctimport');
  const file = join(tmpdir(), `bench-accounts-${randomBytes(3).toString('hex')}.csv`);
  try {
    log(`account-import: writing ${ACCOUNTS} accounts to ${file}`);
    await writeFile(file);
    const megabytes = statSync(file).size / 2 ** 20;
    const server = await startBenchServer(db.url, {
      SLA_SWEEP_SECONDS: '0',
      NOTICE_WORKER_SECONDS: '0',
      PAYMENT_SWEEP_SECONDS: '0',
      BILL_ALERT_SECONDS: '0',
      REPORT_JOB_SECONDS: '0',
      RETURN_VISIT_PLANNER_SECONDS: '0',
      INSPECTION_REMINDER_SECONDS: '0',
    });
    try {
      const token = await staffToken(server.url, 'admin');
      const pid = server.process.pid!;
      const cpuBefore = cpuSeconds(pid);
      log(`account-import: POST /api/admin/accounts/import (${round(megabytes)} MiB)`);
      const started = Date.now();
      const posted = await upload(server.url, token, file);
      const uploadSeconds = (Date.now() - started) / 1000;
      let validatedAt = 0;
      let job: { status: string; processed: number; total: number; errors: unknown[]; created: number } = {
        status: 'queued',
        processed: 0,
        total: 0,
        errors: [],
        created: 0,
      };
      let polls = 0;
      const pollLatencies: number[] = [];
      while (posted.status === 202 && !['done', 'failed'].includes(job.status)) {
        await new Promise((r) => setTimeout(r, 1000));
        const asked = Date.now();
        const res = await api(server.url, 'GET', `/api/admin/imports/${posted.body.jobId}`, token);
        pollLatencies.push(Date.now() - asked);
        job = res.body;
        if (!validatedAt && job.status === 'importing') validatedAt = Date.now();
        if (++polls % 15 === 0) log(`account-import: ${job.status} ${job.processed}/${job.total}`);
      }
      const seconds = (Date.now() - started) / 1000;
      const validationSeconds = ((validatedAt || Date.now()) - started) / 1000 - uploadSeconds;
      const writeSeconds = validatedAt ? (Date.now() - validatedAt) / 1000 : NaN;
      const serverCpu = cpuSeconds(pid) - cpuBefore;
      const peak = peakRssMiB(pid);

      const conn = await createConnection(db.url);
      let stored = 0;
      let wrong: string[] = [];
      try {
        const [[count]] = (await conn.query(
          "SELECT COUNT(*) AS n FROM account WHERE accountNo LIKE '8%'",
        )) as unknown as [{ n: number }[]];
        stored = Number(count.n);
        // A random sample read back and compared with what the file said.
        const sample = Array.from({ length: 200 }, () => 1 + Math.floor(Math.random() * ACCOUNTS));
        const [rows] = (await conn.query(
          'SELECT accountNo, holderName, address, utility, areaCentiM2, meterNo, usageType, keyCustomer, paymentMode FROM account WHERE accountNo IN (?)',
          [sample.map((i) => generatedAccount(i).accountNo)],
        )) as unknown as [Record<string, string | number | null>[]];
        const byNo = new Map(rows.map((r) => [r.accountNo, r]));
        wrong = sample
          .map((i) => generatedAccount(i))
          .filter((a) => {
            const r = byNo.get(a.accountNo);
            return (
              !r ||
              r.holderName !== a.holderName ||
              r.address !== a.address ||
              r.utility !== (a.utility === '供热' ? 'heating' : 'gas') ||
              (r.areaCentiM2 === null ? '' : String(r.areaCentiM2)) !==
                (a.area ? String(Math.round(Number(a.area) * 100)) : '') ||
              (r.meterNo ?? '') !== a.meterNo ||
              r.usageType !== (a.usageType === '居民' ? 'residential' : 'commercial') ||
              Number(r.keyCustomer) !== (a.keyCustomer === '是' ? 1 : 0) ||
              r.paymentMode !== (a.paymentMode === '预付费' ? 'prepaid' : 'postpaid')
            );
          })
          .map((a) => a.accountNo);
      } finally {
        await conn.end();
      }
      return {
        figures: [
          { label: 'file', value: round(megabytes), unit: `MiB, ${ACCOUNTS.toLocaleString('en-US')} lines` },
          {
            label: 'import wall time (upload to done)',
            value: round(seconds),
            unit: 's',
            target: '≤ 300 s',
            met: job.status === 'done' && seconds <= 300,
          },
          { label: 'accounts per second', value: round(ACCOUNTS / seconds), unit: '/s' },
          { label: 'upload (streamed to a temp file)', value: round(uploadSeconds), unit: 's' },
          { label: 'validation pass', value: round(validationSeconds), unit: 's' },
          { label: 'write pass (one transaction)', value: round(writeSeconds), unit: 's' },
          { label: 'server peak RSS', value: round(peak), unit: 'MiB' },
          { label: 'server CPU during the import (user + system)', value: round(serverCpu), unit: 's' },
          {
            label: 'progress poll latency, worst',
            value: pollLatencies.length ? Math.max(...pollLatencies) : NaN,
            unit: 'ms',
          },
        ],
        checks: [
          {
            label: 'POST answers 202 with a job id',
            ok: posted.status === 202 && typeof posted.body.jobId === 'string',
            detail: `${posted.status} ${JSON.stringify(posted.body)}`,
          },
          {
            label: 'job done, every line processed, no errors',
            ok: job.status === 'done' && job.processed === ACCOUNTS && job.total === ACCOUNTS && !job.errors.length,
            detail: `${job.status} ${job.processed}/${job.total}, ${job.errors.length} errors ${JSON.stringify(job.errors.slice(0, 2))}`,
          },
          {
            label: 'one account per line',
            ok: stored === ACCOUNTS,
            detail: `${stored} accounts for ${ACCOUNTS} lines`,
          },
          {
            label: 'a random 200 accounts match the file',
            ok: wrong.length === 0,
            detail: `${wrong.length} differ ${wrong.slice(0, 3).join(' ')}`,
          },
        ],
        notes: [
          `A ${ACCOUNTS}-line CSV (UTF-8, the documented headers, districts and stations by name and code) POSTed to the built server on MariaDB; progress polled each second through GET /api/admin/imports/:jobId.`,
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(file, { force: true });
    await db.drop();
  }
}

export const accountImportBenchmark: Benchmark = {
  name: 'account-import',
  title: 'Customer master import: 1,000,000 accounts (CSV)',
  run,
};
