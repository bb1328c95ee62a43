import { accountImportBenchmark } from './account-import/account-import.bench';
import { BenchResult, Benchmark, log, runBenchmark } from './support/bench-env';
import { writeSummary } from './summary';
import { billRunBenchmark } from './bill-run/bill-run.bench';
import { claimRaceBenchmark } from './claim-race/claim-race.bench';
import { intakeBenchmark } from './intake/intake.bench';
import { miniappBenchmark } from './miniapp/miniapp.bench';
import { outageNoticesBenchmark } from './outage-notices/outage-notices.bench';
import { paymentNoticesBenchmark } from './payment-notices/payment-notices.bench';

/**
 * `npm run bench [-- <name> …]`: runs the benchmarks (all, or those named) one after the other,
 * writes bench/results/<name>.json and summary.md, and exits 1 only if a correctness check failed.
 */
const ALL: Benchmark[] = [
  intakeBenchmark,
  paymentNoticesBenchmark,
  billRunBenchmark,
  claimRaceBenchmark,
  accountImportBenchmark,
  outageNoticesBenchmark,
  miniappBenchmark,
];

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !ALL.some((b) => b.name === w));
  if (unknown.length)
    throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}; known: ${ALL.map((b) => b.name).join(', ')}`);
  const results: BenchResult[] = [];
  for (const bench of ALL.filter((b) => !wanted.length || wanted.includes(b.name))) {
    log(`${bench.name}: starting`);
    const result = await runBenchmark(bench);
    results.push(result);
    for (const f of result.figures)
      log(
        `${bench.name}: ${f.label} = ${f.value} ${f.unit}${f.target ? ` (target ${f.target}: ${f.met ? 'met' : 'MISSED'})` : ''}`,
      );
    for (const c of result.checks.filter((c) => !c.ok)) log(`${bench.name}: CHECK FAILED ${c.label}: ${c.detail}`);
  }
  process.stdout.write(writeSummary());
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok));
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 2;
});
