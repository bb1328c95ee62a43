import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { ResidentPrincipal } from './principal';

/** What StaffGuard and ResidentGuard (and the uploader guard through them) leave on the request. */
type GuardedRequest = FastifyRequest & { staffId?: number; resident?: ResidentPrincipal };

/**
 * One line per API request, written when the answer has gone: method, route pattern, status, milliseconds, and
 * who called — a staff id, or for a resident a keyed pseudonym (the same resident gets the same one, and it
 * cannot be turned back into the resident id without the key). Never the URL's query, a header, a token, a
 * phone, an openid or a body. Refusals (401, 403, 413, 415, 429) are logged like everything else, at warn.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger, pseudonymSecret: string): void {
  const log = logger.child({ context: 'AccessLog' });
  const key = createHmac('sha256', pseudonymSecret).update('access-log resident pseudonym').digest();
  const pseudonym = (residentId: number) =>
    createHmac('sha256', key).update(String(residentId)).digest('base64url').slice(0, 16);
  fastify.addHook('onResponse', (request: GuardedRequest, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    // A level that is off (a 2xx at LOG_LEVEL=warn) builds nothing.
    if (!log.isLevelEnabled(level)) return done();
    const path = request.url.split('?', 1)[0];
    if (path.startsWith('/api/')) {
      const route = request.routeOptions.url;
      const entry = {
        method: request.method,
        // The pattern (ids stay out of it); an unknown route is named by its path, still without the query.
        route: route ?? null,
        ...(route ? {} : { path: path.slice(0, 200) }),
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        // Set by StaffGuard once the token is verified, so a 403 names the staff member refused.
        ...(request.staffId !== undefined ? { staffId: request.staffId } : {}),
        ...(request.resident ? { resident: pseudonym(request.resident.id) } : {}),
      };
      log[level](entry, 'api request');
    }
    done();
  });
}
