import { RouteConfig } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Largest JSON (or form) body any route reads: bigger ones are refused with 413 while they arrive. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const KEEP_RAW_BODY = 'keepRawBody';

/**
 * This route gets the exact bytes of its JSON body as `request.rawBody` (a Buffer), for a signature check, and
 * parses them itself. Only the WeChat Pay notify route needs it; no other route keeps a copy of its body.
 */
export const KeepRawBody = () => RouteConfig({ [KEEP_RAW_BODY]: true });

/**
 * Fastify's own JSON parser (prototype poisoning refused); a KeepRawBody route gets only the raw bytes, as
 * `request.rawBody`, and no parsed body.
 */
export function registerJsonBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, (request, body, done) => {
    const config = request.routeOptions.config as { [KEEP_RAW_BODY]?: boolean } | undefined;
    if (config?.[KEEP_RAW_BODY]) {
      // That route parses its bytes itself once their signature verifies: nothing unverified is parsed here.
      (request as typeof request & { rawBody?: Buffer }).rawBody = body;
      return done(null, undefined);
    }
    // Fastify's parser takes a Buffer as well as a string (secure-json-parse reads both).
    parse(request as Parameters<typeof parse>[0], body as unknown as string, done);
  });
}
