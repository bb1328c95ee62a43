import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../support/browser';
import { Benchmark, BenchBody, REPO_ROOT, log, round } from '../support/bench-env';

const WEAPP = join(REPO_ROOT, 'miniapp/dist/weapp');
const H5 = join(REPO_ROOT, 'miniapp/dist/h5');
/** WeChat refuses to upload a package (main or sub) over 2 MB. */
const PACKAGE_LIMIT_KB = 2048;

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

/** Loads the H5 build's home page in chromium and sums, gzipped, every script it fetched until the network was idle. */
async function h5FirstLoad(): Promise<{ scripts: string[]; gzip: number; raw: number }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(H5, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      // API calls of the home page (no server here) and anything else: not found, as for a logged-out visitor offline.
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const scripts = new Set<string>();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    const list = [...scripts].sort();
    return {
      scripts: list,
      gzip: list.reduce((n, s) => n + gzipBytes(join(H5, s)), 0),
      raw: list.reduce((n, s) => n + statSync(join(H5, s)).size, 0),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

async function run(): Promise<BenchBody> {
  log('miniapp: building weapp and h5');
  execFileSync('npm', ['run', 'build:weapp', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build:h5', '-w', 'miniapp', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const weapp = weappSizes();
  const h5 = await h5FirstLoad();
  const allJs = files(H5).filter((f) => f.endsWith('.js'));
  return {
    figures: [
      {
        label: 'weapp main package',
        value: kb(weapp.main),
        unit: 'KB',
        target: `≤ ${PACKAGE_LIMIT_KB} KB (WeChat's limit)`,
        met: kb(weapp.main) <= PACKAGE_LIMIT_KB,
      },
      {
        label: `weapp largest subpackage (${weapp.largestRoot}, of ${weapp.subpackages})`,
        value: kb(weapp.largest),
        unit: 'KB',
        target: `≤ ${PACKAGE_LIMIT_KB} KB`,
        met: kb(weapp.largest) <= PACKAGE_LIMIT_KB,
      },
      { label: 'weapp total', value: kb(weapp.total), unit: 'KB' },
      { label: 'H5 first-load JS, gzip -9', value: kb(h5.gzip), unit: 'KB' },
      { label: 'H5 first-load JS, uncompressed', value: kb(h5.raw), unit: 'KB' },
      { label: 'H5 all JS of the build, gzip -9', value: kb(allJs.reduce((n, f) => n + gzipBytes(f), 0)), unit: 'KB' },
    ],
    checks: [{ label: 'H5 home page loads scripts', ok: h5.scripts.length > 0, detail: h5.scripts.join(', ') }],
    notes: [
      'First-load JS = every script chromium fetched opening the H5 home page until the network was idle (entry, vendors, home page chunk).',
    ],
  };
}

export const miniappBenchmark: Benchmark = { name: 'miniapp', title: 'Miniapp: package sizes', run };
