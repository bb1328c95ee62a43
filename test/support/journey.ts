import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { DESK_VIEWPORT, StaffPage, launchBrowser, openPhone } from './browser';
import { ServerProcess, TestDatabase, createTestDatabase, startServer } from './server-process';

export interface Journey {
  readonly db: TestDatabase;
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** A new phone (browser context) on the app; closed after the suite. */
  phone(): Promise<StaffPage>;
  /** A new desk-wide window (1280×800) on the app; closed after the suite. */
  desk(): Promise<StaffPage>;
}

/**
 * A browser journey's stage, set up in beforeAll and torn down in afterAll: a fresh database, the
 * built server on it (photos in a directory of its own, not <repo>/data/uploads) and Debian's chromium.
 */
export function useJourney(env: Record<string, string> = {}): Journey {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let uploadsDir: string | undefined;
  const phones: StaffPage[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    uploadsDir = mkdtempSync(join(tmpdir(), 'utility-e2e-uploads-'));
    // Side by side, but each kept as soon as it is up: if the server fails, afterAll still closes
    // the browser (an open chromium would keep jest from exiting).
    const launching = launchBrowser().then((b) => (browser = b));
    const starting = startServer(db.url, { UPLOADS_DIR: uploadsDir, ...env }).then((s) => (server = s));
    const [launched, started] = await Promise.allSettled([launching, starting]);
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    // The server's CSP must let the H5 build work: Chromium reports each refusal as a console error.
    const violations = phones.flatMap((p) => p.problems.filter((m) => /Content Security Policy/i.test(m)));
    for (const p of phones) await p.context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await db?.drop();
    if (uploadsDir) rmSync(uploadsDir, { recursive: true, force: true });
    expect(violations).toEqual([]);
  });

  return {
    get db() {
      return db!;
    },
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async phone() {
      const p = await openPhone(browser!, server!.url);
      phones.push(p);
      return p;
    },
    async desk() {
      const p = await openPhone(browser!, server!.url, DESK_VIEWPORT);
      phones.push(p);
      return p;
    },
  };
}
