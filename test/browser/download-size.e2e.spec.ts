import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHART_CHUNK_LIMIT_KB,
  FIRST_LOAD_LIMIT_KB,
  H5_DIST,
  chartChunk,
  firstLoad,
  sumKb,
} from '../support/download-size';
import { useJourney } from '../support/journey';

/**
 * What a resident's phone downloads to open the H5 app, from the built server: the home page's
 * first load within its budget, every script and stylesheet compressed, hashed assets cached for a
 * year as immutable and index.html revalidated, and the dashboard's ECharts chunk kept out of it.
 */
describe('browser', () => {
  const journey = useJourney();

  it('H5 first load: compressed, cached immutably, within 150 KB', async () => {
    const transfers = await firstLoad(journey.browser, journey.server.url);
    const summary = transfers.map((t) => `${t.path} ${t.status} ${t.encoding ?? '-'} ${t.bytes} B`).join('\n');
    console.log(`H5 first load: ${sumKb(transfers)} KB\n${summary}`);

    const assets = transfers.filter((t) => /^\/(js|css)\//.test(t.path));
    expect(assets.map((t) => t.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/js\/app\./)]));
    // @fastify/compress leaves bodies under 1 KB as they are: not worth a compressor's header.
    const uncompressed = assets.filter((t) => !t.encoding && statSync(join(H5_DIST, t.path)).size > 1024);
    expect(uncompressed.map((t) => t.path)).toEqual([]);
    expect(assets.filter((t) => !/\bimmutable\b/.test(t.cacheControl ?? '')).map((t) => t.path)).toEqual([]);
    expect(assets.every((t) => /max-age=31536000/.test(t.cacheControl ?? ''))).toBe(true);
    // A new build must reach phones at once: the page naming the hashed files is revalidated each time.
    expect(transfers.find((t) => t.path === '/')).toMatchObject({ status: 200, cacheControl: 'no-cache' });

    const chart = chartChunk();
    expect(assets.map((t) => t.path)).not.toContain(`/${chart.file}`);
    expect(sumKb(transfers)).toBeLessThanOrEqual(FIRST_LOAD_LIMIT_KB);
  });

  it('dashboard chart chunk: ECharts core with only what the dashboard draws, within 150 KB gzip, sent as brotli', async () => {
    const chart = chartChunk();
    console.log(`ECharts chunk ${chart.file}: ${chart.raw} B, gzip ${chart.gzip} B, brotli ${chart.brotli} B`);
    expect(chart.gzip / 1024).toBeLessThanOrEqual(CHART_CHUNK_LIMIT_KB);
    // Served compressed like any other script.
    const res = await fetch(`${journey.server.url}/${chart.file}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });
});
