/**
 * @jest-environment node
 *
 * Builds the WeChat mini-program (or, with WEAPP_DIST_READY=1, reads the dist/weapp already
 * built) and checks what WeChat would refuse: a page missing one of its files, or a package
 * over 2 MB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist/weapp');
const PACKAGE_LIMIT = 2 * 1024 * 1024;
/** Our budget for the main package, which every resident downloads before the first screen (docs/architecture.md#miniapp). */
const MAIN_PACKAGE_BUDGET = 1024 * 1024;

interface AppJson {
  pages: string[];
  preloadRule?: Record<string, { packages: string[] }>;
  requiredPrivateInfos?: string[];
  tabBar?: { list: { pagePath: string; text: string }[] };
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const size = (files: string[]) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

beforeAll(() => {
  if (process.env.WEAPP_DIST_READY === '1') return;
  const started = Date.now();
  // Jest sets NODE_ENV=test, which would switch babel-preset-taro to its test mode.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });
  console.log(`taro build --type weapp: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);

describe('weapp build', () => {
  it('has the .js, .wxml and .json of every page, and keeps each package under 2 MB, the main one within 1 MB', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
    const subPackages = app.subPackages ?? app.subpackages ?? [];
    const pages = [...app.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
    expect(pages.length).toBeGreaterThan(1);
    // The server's progress notices open this page (server/src/notifications/ticket-notice.ts).
    expect(pages).toContain('packages/requests/detail');
    // The home page's 缴费 entry and arrears banner open this page.
    expect(pages).toContain('packages/pay/bills');
    // 燃气泄漏 and 报修 from the home page; the technician's jobs from the staff console.
    expect(pages).toEqual(
      expect.arrayContaining([
        'packages/repair/emergency',
        'packages/repair/index',
        'staff/jobs/index',
        'staff/job/index',
      ]),
    );
    // 预约安检 from the home page (and the inspection notices); the inspector's day and visit from the staff console.
    expect(pages).toEqual(
      expect.arrayContaining([
        'packages/inspection/index',
        'packages/inspection/hazards',
        'staff/inspections/index',
        'staff/inspections/inspection',
        'staff/inspection-plan/index',
      ]),
    );

    const missing = pages.flatMap((page) =>
      ['.js', '.wxml', '.json'].map((ext) => `${page}${ext}`).filter((file) => !fs.existsSync(path.join(DIST, file))),
    );
    expect(missing).toEqual([]);

    const roots = subPackages.map((sub) => path.join(DIST, sub.root) + path.sep);
    const all = filesUnder(DIST);
    const main = all.filter((file) => !roots.some((root) => file.startsWith(root)));
    const report = [`main package: ${kb(size(main))}`];
    for (const sub of subPackages) {
      const bytes = size(all.filter((file) => file.startsWith(path.join(DIST, sub.root) + path.sep)));
      report.push(`subpackage ${sub.root}: ${kb(bytes)}`);
      expect(bytes).toBeLessThan(PACKAGE_LIMIT);
    }
    console.log(report.join('\n'));
    expect(size(main)).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it('keeps the tab pages, and only them, in the main package (docs/architecture.md#miniapp)', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
    expect(app.tabBar?.list.map((item) => item.pagePath)).toEqual(app.pages);
    expect(app.tabBar?.list.map((item) => item.text)).toEqual(['首页', '我的报修', '我的']);
  });

  it('fetches the leak page with the home page, and declares the location it asks for', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
    expect(app.preloadRule?.['pages/index/index']?.packages).toContain('packages/repair');
    expect(app.requiredPrivateInfos).toContain('getLocation');
  });

  it('ships the weapp twin of each platform file, never the H5 stand-ins for WeChat', () => {
    const scripts = filesUnder(DIST).filter((file) => file.endsWith('.js'));
    const containing = (text: string) => scripts.filter((file) => fs.readFileSync(file, 'utf8').includes(text));
    expect(containing('mock-login-identity')).toEqual([]);
    expect(containing('mock-sheet')).toEqual([]);
    expect(containing('mock-cashier')).toEqual([]);
    expect(containing('/api/dev/')).toEqual([]);
    expect(containing('requestPayment')).not.toEqual([]);
    // Location and the signature canvas: WeChat's APIs, not the browser's.
    expect(containing('navigator.geolocation')).toEqual([]);
    expect(containing('toBlob')).toEqual([]);
    // The weapp signature pad (job and inspection pages share it) ships in the staff package.
    expect(
      containing('canvasToTempFilePath').filter((file) => file.startsWith(path.join(DIST, 'staff') + path.sep)),
    ).not.toEqual([]);
    expect(containing('getPhoneNumber')).not.toEqual([]);
    expect(containing('login-wechat')).toEqual([path.join(DIST, 'packages/auth/login.js')]);
  });
});
