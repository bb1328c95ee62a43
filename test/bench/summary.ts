import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchResult, RESULTS_DIR } from './support/bench-env';

const ORDER = ['intake', 'payment-notices', 'bill-run', 'claim-race', 'account-import', 'miniapp'];

const fmt = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** bench/results/summary.md from every bench/results/<name>.json present (the latest run of each). */
export function writeSummary(): string {
  const results = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchResult)
    .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Every figure is from one run on this machine; the load average (1 / 5 / 15 min)',
    'before and after each run shows how busy the machine was. A missed target is reported here, not failed.',
    '',
  ];
  for (const r of results) {
    lines.push(
      `## ${r.title}`,
      '',
      `Run ${r.before.at} · scale ${r.scale} · ${r.before.cpus} CPUs · load before ${load(r.before.loadavg)}, after ${load(r.after.loadavg)} · ${r.durationS} s · Node ${r.node}`,
      '',
      '| Figure | Value | Target | Met |',
      '|---|---:|---|---|',
      ...r.figures.map(
        (f) =>
          `| ${f.label} | ${fmt(f.value)} ${f.unit} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
      ),
      '',
      '| Correctness check | Result | Detail |',
      '|---|---|---|',
      ...r.checks.map((c) => `| ${c.label} | ${c.ok ? 'pass' : '**FAIL**'} | ${c.detail} |`),
      '',
      ...r.notes.map((n) => `- ${n}`),
      '',
    );
  }
  const text = lines.join('\n');
  writeFileSync(join(RESULTS_DIR, 'summary.md'), text);
  return text;
}
