import { ArgumentsHost } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { ErrorFilter } from './error.filter';

/** As mysql2 reports connection failures: the socket's code, and `fatal` (the connection is dead). */
const driverError = (code: string) => Object.assign(new Error(code), { code, fatal: true });
const socketError = (code: string) => Object.assign(new Error(code), { code });

/** What a client is told while MariaDB restarts: 503 NOT_READY, retry later — not 500. */
describe('database unavailable', () => {
  it.each([
    ['connection refused (MariaDB down)', true, driverError('ECONNREFUSED')],
    ['connection lost mid-query (MariaDB killed)', true, driverError('PROTOCOL_CONNECTION_LOST')],
    ['server shutting down', true, driverError('ER_SERVER_SHUTDOWN')],
    ['too many connections', true, driverError('ER_CON_COUNT_ERROR')],
    ['wrapped by TypeORM', true, new QueryFailedError('SELECT 1', [], driverError('PROTOCOL_CONNECTION_LOST'))],
    ['duplicate key (a real conflict)', false, driverError('ER_DUP_ENTRY')],
    ['a client hanging up mid-upload (not the database)', false, socketError('ECONNRESET')],
    ['a bug', false, new TypeError('x is undefined')],
    ['no error', false, null],
  ])('%s → unavailable: %s', (_what, expected, error) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  it('the error filter answers 503 NOT_READY with Retry-After, and 500 for anything else', () => {
    const sent: { status?: number; body?: unknown; headers: Record<string, string> }[] = [];
    const host = (): ArgumentsHost => {
      const reply = { status: 0, body: undefined as unknown, headers: {} as Record<string, string> };
      sent.push(reply);
      const fastifyReply = {
        status: (s: number) => ((reply.status = s), fastifyReply),
        header: (k: string, v: string) => ((reply.headers[k] = v), fastifyReply),
        send: (b: unknown) => ((reply.body = b), fastifyReply),
      };
      return { switchToHttp: () => ({ getResponse: () => fastifyReply }) } as unknown as ArgumentsHost;
    };
    const filter = new ErrorFilter();
    jest.spyOn(filter['logger'], 'warn').mockImplementation(() => undefined);
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(new QueryFailedError('INSERT …', [], driverError('ECONNREFUSED')), host());
    filter.catch(new TypeError('boom'), host());
    expect(sent[0]).toMatchObject({ status: 503, body: { code: ErrorCode.NotReady }, headers: { 'Retry-After': '1' } });
    expect(sent[1]).toMatchObject({ status: 500, body: { code: ErrorCode.Internal } });
  });
});
