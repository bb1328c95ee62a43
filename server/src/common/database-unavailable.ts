/**
 * Driver error codes that mean "the database cannot be reached right now" rather than "this request is wrong":
 * MariaDB down, restarting or out of connections. Requests failing so are answered 503 NOT_READY (retry),
 * not 500, and /readyz says the same.
 */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'POOL_CLOSED',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
]);

type DriverError = { code?: unknown; fatal?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as (DriverError & { driverError?: DriverError }) | null;
  const driver = e?.driverError ?? e;
  const code = driver?.code;
  if (typeof code !== 'string' || !UNAVAILABLE.has(code)) return false;
  // Socket codes count only from the database driver (TypeORM's wrapper, or mysql2's `fatal` flag):
  // a client hanging up mid-upload is ECONNRESET too, and is no reason to say the server is not ready.
  return /^(ER_|PROTOCOL_|POOL_)/.test(code) || e?.driverError !== undefined || typeof driver?.fatal === 'boolean';
}
