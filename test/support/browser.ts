import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';
import { DEMO_PASSWORD } from './server-process';

declare const TEST_DATABASE: 'sqlite' | 'mariadb';

/** test/artifacts (git-ignored): screenshots of failed steps and of journeys' final pages. */
export const ARTIFACTS_DIR = resolve(__dirname, '../artifacts');

/** Debian's chromium; playwright's own browsers are never downloaded here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface StaffPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for failure messages. */
  problems: string[];
}

/** A desk's window (1280×800): the staff console's desk layout. */
export const DESK_VIEWPORT = { width: 1280, height: 800 };

/** A phone-sized window of its own (own storage, so its own staff session); `viewport` for a desk. */
export async function openPhone(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 390, height: 844 },
): Promise<StaffPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'test';

/**
 * Taro's H5 pages scroll inside `.taro_page` (max-height 100vh), so playwright's fullPage sees
 * one screen only: grow the viewport to the current page's content for the shot, then restore.
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const height = await page
    .evaluate(() => {
      const pages = [...document.querySelectorAll<HTMLElement>('.taro_page:not(.taro_page_shade)')];
      const current = pages[pages.length - 1];
      const top = current ? current.getBoundingClientRect().top : 0;
      return Math.ceil(Math.max(document.documentElement.scrollHeight, top + (current?.scrollHeight ?? 0)));
    })
    .catch(() => viewport?.height ?? 844);
  try {
    if (viewport && height > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.screenshot({ path, fullPage: true, timeout: 10_000 });
  } finally {
    if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  }
}

/**
 * One step of a journey. When it throws, a full-page screenshot of `page` goes to
 * test/artifacts/<test-name>-<step>.png (test name from jest, plus the database) and the error is
 * rethrown with the screenshot's path, the page's address and what the page complained about.
 */
export async function step<T>(target: Page | StaffPage, name: string, fn: () => Promise<T>): Promise<T> {
  const page = 'page' in target ? target.page : target;
  const problems = 'page' in target ? target.problems : [];
  try {
    return await fn();
  } catch (error) {
    const testName = expect.getState().currentTestName ?? 'test';
    const path = join(ARTIFACTS_DIR, `${slug(`${testName} ${TEST_DATABASE}`)}-${slug(name)}.png`);
    let shot = `screenshot: ${path}`;
    await fullPageScreenshot(page, path).catch((e) => (shot = `no screenshot (${(e as Error).message})`));
    const context = [`step "${name}" failed at ${page.url()}`, shot, ...problems.slice(-10)].join('\n  ');
    if (error instanceof Error) {
      error.message = `${context}\n${error.message}`;
      // jest prints the stack, whose first lines are the message as it was when thrown.
      if (error.stack) error.stack = `${context}\n${error.stack}`;
      throw error;
    }
    throw new Error(`${context}\n${String(error)}`, { cause: error });
  }
}

/**
 * Waits until Taro's router has finished: the newest page has slid in (`taro_page_stationed`,
 * ≈ 300 ms + delay) and the pages under it are hidden. Use before screenshots and before reading
 * text that a page behind could also hold.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = [...document.querySelectorAll('.taro_page')];
    const last = pages[pages.length - 1];
    if (!last || !last.classList.contains('taro_page_stationed')) return false;
    return pages
      .slice(0, -1)
      .every((p) => p.classList.contains('taro_page_shade') || getComputedStyle(p).display === 'none');
  });
}

/** The page on top of Taro's stack: locators under it ignore the hidden pages still in the DOM. */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page:not(.taro_page_shade)').last();
}

/** Polls an assertion (jest `expect` inside) until it passes or the time is up. */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** Opens the H5 app's home page, or says why the server did not serve it. */
export async function openHome(page: Page): Promise<void> {
  const home = await page.goto('/');
  if (!home?.ok() || !/text\/html/.test(home.headers()['content-type'] ?? '')) {
    throw new Error(
      `GET / answered ${home?.status()} ${home?.headers()['content-type']}: is the H5 build in miniapp/dist/h5 ` +
        '(npm run build:h5 -w miniapp, not being rebuilt while the server starts)?',
    );
  }
}

/** Home → 员工工作台 → sign in; resolves on the queue list (我的队列). */
export async function staffLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await openHome(page);
  await page.locator('#home-staff-entry').click();
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
  await page.locator('.section-title', { hasText: '我的队列' }).waitFor();
  await page.waitForURL(/#\/staff\/queues\/index/);
}

/** Home → 员工工作台 → sign in at a desk-wide window; resolves on the desk console. */
export async function deskLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await openHome(page);
  await page.locator('#home-staff-entry').click();
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
  await page.waitForURL(/#\/staff\/queues\/index/);
  await page.locator('#desk-console').waitFor();
}

/**
 * Chooses `label` in a Taro `selector` Picker opened by clicking `trigger`. The picker slides up
 * from the bottom; a click on a row (no drag) selects it, computed from the row's position, so
 * the row is clicked once the sheet has stopped moving. Then 确定.
 */
export async function pickOption(page: Page, trigger: Locator, label: string): Promise<void> {
  await trigger.click();
  // Pickers put their sheet under <body>, one per picker ever rendered; only the open one shows.
  // (The overlay itself has no box of its own, so `:visible` goes on its content.)
  const item = page.locator('.weui-picker__overlay .weui-picker__item:visible', { hasText: label }).first();
  await item.waitFor();
  // The sheet's slide-up (a CSS animation) and the column's transition must be over.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.weui-picker__overlay .weui-picker')]
      .filter((sheet) => sheet.offsetParent !== null || sheet.getClientRects().length > 0)
      .every((sheet) => sheet.getAnimations({ subtree: true }).every((a) => a.playState !== 'running')),
  );
  let box = await item.boundingBox();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const next = await item.boundingBox();
    if (box && next && next.x === box.x && next.y === box.y) break;
    box = next;
  }
  if (!box) throw new Error(`picker option ${label} has no box`);
  // The row lies under the picker's gradient mask, which would fail playwright's hit test.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.weui-picker__overlay .weui-picker__action:visible').nth(1).click();
  await item.waitFor({ state: 'hidden' });
}

/** What `POST /api/auth/wechat` answered the H5 mock login (the resident's id, and whether they had agreed before). */
export interface ResidentLogin {
  token: string;
  resident: { id: number; phone: string | null; privacyConsentedAt: string | null };
}

/**
 * Home → 微信登录 → the H5 mock WeChat login as `identity` (a WeChat user of the server's fake
 * WeChat: the same name is the same openid) → 同意并继续 on the privacy guide when it is asked
 * for. Resolves back on home, signed in (its account card shown).
 */
export async function residentLogin(page: Page, identity: string): Promise<ResidentLogin> {
  await openHome(page);
  await page.locator('#home-login').click();
  await page.waitForURL(/#\/packages\/auth\/login/);
  await page.locator('#mock-login-identity input').fill(identity);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/wechat') && r.request().method() === 'POST');
  await page.locator('#mock-login-submit').click();
  const response = await answer;
  if (!response.ok()) throw new Error(`mock login as ${identity}: ${response.status()} ${await response.text()}`);
  const login = (await response.json()) as ResidentLogin;
  if (!login.resident.privacyConsentedAt) {
    await page.waitForURL(/#\/packages\/auth\/privacy\?consent=1/);
    // Agreeing navigates back; within Taro's 350 ms slide the router would leave home hidden.
    await pageSettled(page);
    await page.locator('#privacy-agree').click();
  }
  await page.waitForURL(/#\/pages\/index\/index/);
  await currentPage(page).locator('#home-account-card').waitFor();
  return login;
}

/**
 * Back one page (the browser's back, as the H5 app's users go back). Waits for the page to have
 * slid in first: Taro's H5 router hides the page underneath on a timer (animation duration +
 * delay) that going back does not cancel, so a back within that window leaves a blank screen.
 */
export async function goBack(page: Page): Promise<void> {
  await pageSettled(page);
  await page.goBack();
  await pageSettled(page);
}

/** Taps a tab of the tab bar (首页, 我的报修, 我的) and waits for its page. */
export async function switchTab(page: Page, text: string): Promise<void> {
  const label = page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${text}$`) });
  await page.locator('.weui-tabbar__item', { has: label }).click();
  await page.locator('.weui-tabbar__item.weui-bar__item_on', { has: label }).waitFor();
}

/**
 * The pull-down gesture on the current page (pages with `enablePullDownRefresh`): touches go
 * through the DevTools protocol, so the context needs no touch emulation. Taro's refresher
 * damps the drag and fires `onPullDownRefresh` once it is pulled past 50 px.
 */
export async function pullDownRefresh(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const x = Math.round((page.viewportSize()?.width ?? 390) / 2);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y?: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] });
    await touch('touchStart', 150);
    for (let y = 170; y <= 550; y += 20) {
      await touch('touchMove', y);
      await page.waitForTimeout(16);
    }
    await touch('touchEnd');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
