import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Browser } from 'playwright-core';
import { REPO_ROOT } from './server-process';

export const H5_DIST = join(REPO_ROOT, 'miniapp/dist/h5');

/** docs/architecture.md#miniapp: what a resident's phone downloads to open the H5 home page, all responses. */
export const FIRST_LOAD_LIMIT_KB = 150;
/**
 * docs/architecture.md#miniapp: the dashboard's ECharts chunk, gzip -9. ECharts 5.6 core with bar, line,
 * the simple grid and the canvas renderer, minified fully, weighs ≈ 145 KB; ECharts 6 with the same parts
 * ≈ 160 KB, and the tooltip component with its axis pointers another ≈ 16 KB (the page reads the tapped
 * day out instead).
 */
export const CHART_CHUNK_LIMIT_KB = 150;

export interface Transfer {
  path: string;
  status: number;
  /** Bytes on the wire: response headers plus the body as sent (compressed when it was). */
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

/**
 * Opens `baseUrl` (the built server) on a phone-sized page, logged out, and lists every response it
 * fetched until the network was idle, with the bytes chromium received for each (DevTools' "transferred").
 */
export async function firstLoad(browser: Browser, baseUrl: string): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const finished: Promise<Transfer>[] = [];
    page.on('requestfinished', (request) => {
      finished.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const headers = (await response?.allHeaders()) ?? {};
          return {
            path: new URL(request.url()).pathname,
            status: response?.status() ?? 0,
            bytes: sizes.responseHeadersSize + sizes.responseBodySize,
            encoding: headers['content-encoding'],
            cacheControl: headers['cache-control'],
          };
        })(),
      );
    });
    await page.goto(baseUrl, { waitUntil: 'networkidle' });
    // Late lazy chunks of the home page (after its first render) count too.
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    return (await Promise.all(finished)).sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    await context.close();
  }
}

export const sumKb = (transfers: { bytes: number }[]) =>
  Math.round(transfers.reduce((n, t) => n + t.bytes, 0) / 102.4) / 10;

/**
 * The H5 build's ECharts chunk: the script holding ECharts' core (only the dashboard imports it),
 * with its size raw, gzip -9 and brotli (quality 11), in bytes.
 */
export function chartChunk(h5Dir = H5_DIST): { file: string; raw: number; gzip: number; brotli: number } {
  const dir = join(h5Dir, 'js');
  const found = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `js/${f}`, body: readFileSync(join(dir, f)) }))
    // The attribute ECharts' core marks its chart's element with: a string, kept by any minifier.
    .filter(({ body }) => body.includes('_echarts_instance_'));
  if (found.length !== 1) throw new Error(`expected one ECharts chunk in ${dir}, found ${found.map((f) => f.file)}`);
  const [{ file, body }] = found;
  return {
    file,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
