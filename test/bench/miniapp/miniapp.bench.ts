import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../support/browser';
import {
  CHART_CHUNK_LIMIT_KB,
  FIRST_LOAD_LIMIT_KB,
  Transfer,
  chartChunk,
  firstLoad,
  sumKb,
} from '../../support/download-size';
import { Benchmark, BenchBody, REPO_ROOT, createBenchDatabase, log, round } from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';

const WEAPP = join(REPO_ROOT, 'miniapp/dist/weapp');
const H5 = join(REPO_ROOT, 'miniapp/dist/h5');
/** WeChat refuses to upload a package (main or sub) over 2 MB. */
const PACKAGE_LIMIT_KB = 2048;
/** Issue 19: the main package, downloaded before the first screen, ≤ 1 MB (docs/architecture.md#miniapp). */
const MAIN_PACKAGE_BUDGET_KB = 1024;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const kb = (bytes: number) => round(bytes / 1024);
const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Main package = every file of the weapp build outside the subpackage roots named in app.json. */
function weappSizes() {
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const bySub = new Map<string, number>(roots.map((r) => [r, 0]));
  let main = 0;
  let total = 0;
  for (const file of files(WEAPP)) {
    const rel = relative(WEAPP, file);
    const size = statSync(file).size;
    total += size;
    const root = roots.find((r) => rel.startsWith(r));
    if (root) bySub.set(root, bySub.get(root)! + size);
    else main += size;
  }
  const [largestRoot, largest] = [...bySub].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
  return { main, total, largestRoot, largest, subpackages: roots.length };
}

/**
 * Opens the H5 home page on the built server (compression and cache headers as residents get them) in chromium and lists what it fetched until the network was idle.
 */
async function h5FirstLoad(): Promise<Transfer[]> {
  const db = await createBenchDatabase('miniapp');
  // Development profile: production refuses the mock WeChat logins; compression and caching are the same.
  const server = await startBenchServer(db.url, { NODE_ENV: 'development' }).catch(async (e) => {
    await db.drop();
    throw e;
  });
  const browser = await launchBrowser();
  try {
    return await firstLoad(browser, server.url);
  } finally {
    await browser.close();
    await server.stop();
    await db.drop();
  }
}

async function run(): Promise<BenchBody> {
  log('miniapp: building weapp and h5');
  execFileSync('npm', ['run', 'build:weapp', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build:h5', '-w', 'miniapp', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const weapp = weappSizes();
  const loaded = await h5FirstLoad();
  const scripts = loaded.filter((t) => t.path.endsWith('.js'));
  const assets = loaded.filter((t) => /^\/(js|css)\//.test(t.path));
  const chart = chartChunk(H5);
  const allJs = files(H5).filter((f) => f.endsWith('.js'));
  return {
    figures: [
      {
        label: 'weapp main package',
        value: kb(weapp.main),
        unit: 'KB',
        target: `≤ ${MAIN_PACKAGE_BUDGET_KB} KB (1 MB; WeChat refuses > ${PACKAGE_LIMIT_KB} KB)`,
        met: kb(weapp.main) <= MAIN_PACKAGE_BUDGET_KB,
      },
      {
        label: `weapp largest subpackage (${weapp.largestRoot}, of ${weapp.subpackages})`,
        value: kb(weapp.largest),
        unit: 'KB',
        target: `≤ ${PACKAGE_LIMIT_KB} KB`,
        met: kb(weapp.largest) <= PACKAGE_LIMIT_KB,
      },
      { label: 'weapp total', value: kb(weapp.total), unit: 'KB' },
      {
        label: `H5 first load, transferred (${loaded.length} responses, ${[...new Set(assets.map((t) => t.encoding ?? 'identity'))].join('/')})`,
        value: sumKb(loaded),
        unit: 'KB',
        target: `≤ ${FIRST_LOAD_LIMIT_KB} KB`,
        met: sumKb(loaded) <= FIRST_LOAD_LIMIT_KB,
      },
      { label: 'H5 first-load JS, transferred', value: sumKb(scripts), unit: 'KB' },
      {
        label: 'H5 first-load JS, uncompressed',
        value: kb(scripts.reduce((n, t) => n + statSync(join(H5, t.path)).size, 0)),
        unit: 'KB',
      },
      {
        label: `dashboard ECharts chunk, gzip -9 (${kb(chart.raw)} KB raw, ${kb(chart.brotli)} KB brotli)`,
        value: kb(chart.gzip),
        unit: 'KB',
        target: `≤ ${CHART_CHUNK_LIMIT_KB} KB`,
        met: kb(chart.gzip) <= CHART_CHUNK_LIMIT_KB,
      },
      { label: 'H5 all JS of the build, gzip -9', value: kb(allJs.reduce((n, f) => n + gzipBytes(f), 0)), unit: 'KB' },
    ],
    checks: [
      { label: 'H5 home page loads scripts', ok: scripts.length > 0, detail: scripts.map((t) => t.path).join(', ') },
      {
        label: 'H5 scripts and styles over 1 KB sent compressed',
        ok: assets.every((t) => t.encoding || statSync(join(H5, t.path)).size <= 1024),
        detail: assets.map((t) => `${t.path} ${t.encoding ?? 'identity'}`).join(', '),
      },
      {
        label: 'H5 hashed assets cached immutably, index.html revalidated',
        ok:
          assets.every(
            (t) => /max-age=31536000/.test(t.cacheControl ?? '') && /immutable/.test(t.cacheControl ?? ''),
          ) && loaded.find((t) => t.path === '/')?.cacheControl === 'no-cache',
        detail: [...new Set(loaded.map((t) => `${t.path === '/' ? 'index.html' : 'assets'}: ${t.cacheControl}`))].join(
          '; ',
        ),
      },
      {
        label: 'dashboard ECharts chunk not in the first load',
        ok: !assets.some((t) => t.path === `/${chart.file}`),
        detail: chart.file,
      },
    ],
    notes: [
      'First load = every response chromium received opening the H5 home page from the built server until the network was idle: headers plus bodies as sent.',
      'Chromium asks plain-HTTP origins for gzip only; over HTTPS it asks for brotli, which the server prefers (smaller).',
    ],
  };
}

export const miniappBenchmark: Benchmark = { name: 'miniapp', title: 'Miniapp: package sizes', run };
