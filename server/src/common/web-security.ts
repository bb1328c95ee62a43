import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { basename, join } from 'node:path';
import { AppConfig } from './config';

/** Names with a content hash (`app.1a2b3c4d.js`, Taro's `js/`, `css/` and `static/` output) never change. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` (their click handler navigates): this exact no-op URL is
 * allowed by its hash, which only 'unsafe-hashes' applies to javascript: URLs. No other javascript: URL runs.
 */
const TARO_JAVASCRIPT_URLS = [
  "'unsafe-hashes'",
  `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`,
];

/**
 * The H5 build's CSP: everything from this origin, nothing framing it. Its index.html carries one inline script
 * (Taro's rem sizing); it is allowed by its hash, read from the build at boot, so no other inline script runs.
 * Styles may be inline: Taro's components set style attributes.
 */
export function contentSecurityPolicy(config: AppConfig): HelmetOptions['contentSecurityPolicy'] {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...inlineScriptHashes(join(config.H5_DIR, 'index.html')), ...TARO_JAVASCRIPT_URLS],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Photo previews are blob: URLs; the favicon and small icons are data: URLs.
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // Taro's H5 uploadFile reads the chosen photo back from its blob: URL before posting it.
      connectSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(config.TRUST_PROXY_TLS === 'true' ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/** `'sha256-…'` of each inline <script> of the page (none when the build is absent). */
export function inlineScriptHashes(indexHtml: string): string[] {
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

/**
 * Helmet's headers on every answer (the CSP above, no framing, no referrer; HSTS only where TLS is really
 * terminated in front, since on plain HTTP it would lock browsers out of the demo). Every one of them is
 * fixed for the process's life, so helmet runs once, at start, on a blank response, and each request gets
 * the headers it wrote (@fastify/helmet rebuilt the middleware, re-parsing every directive, per request).
 */
export function registerSecurityHeaders(fastify: FastifyInstance, config: AppConfig): void {
  const headers = securityHeaders(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The headers helmet sets with this configuration, as [name, value] pairs. */
export function securityHeaders(config: AppConfig): [string, string | number | string[]][] {
  const middleware = helmet({
    contentSecurityPolicy: contentSecurityPolicy(config),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.TRUST_PROXY_TLS === 'true' ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });
  const blank = new ServerResponse(new IncomingMessage(new Socket()));
  let failed: unknown;
  middleware(blank.req, blank, (error?: unknown) => (failed = error));
  if (failed) throw failed;
  // Node has getRawHeaderNames (the names as helmet spelled them) since 15; @types/node omits it.
  const names = (blank as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
  return names.map((name) => [name, blank.getHeader(name)!]);
}

/**
 * The H5 build at `/`: hashed assets cached for a year as immutable, everything else (index.html first)
 * revalidated on every use, so a new build is picked up at once.
 */
export function h5StaticOptions(root: string): Parameters<NestFastifyApplication['useStaticAssets']>[0] {
  return {
    root,
    prefix: '/',
    index: ['index.html'],
    maxAge: '365d',
    immutable: true,
    // The build's brotli-11 / gzip-9 copies (miniapp/scripts/precompress-h5.mjs), smaller than what
    // @fastify/compress can afford per response; files without one are compressed on the fly.
    preCompressed: true,
    // @fastify/static 10 passes the FastifyReply here (Nest's type still describes an older plugin's object).
    // `path` is the file sent: `app.1234abcd.js.br` for a precompressed copy.
    setHeaders: (reply, path) => {
      if (!HASHED_ASSET.test(basename(path).replace(/\.(br|gz)$/, '')))
        (reply as unknown as FastifyReply).header('cache-control', 'no-cache');
    },
  };
}
