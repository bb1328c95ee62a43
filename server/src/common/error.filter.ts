import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError, ERROR_MESSAGES, ErrorCode, STATUS_ERROR_CODES } from '@utility/shared';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './database-unavailable';

/** Every error leaves as `{ code, message }`; unexpected ones are logged and hidden. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isDatabaseUnavailable(exception)) {
      // Transient: the client retries (with its Idempotency-Key) once the database is back.
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('Retry-After', '1')
        .send({ code: ErrorCode.NotReady, message: ERROR_MESSAGES[ErrorCode.NotReady] });
      return;
    }
    const [status, body] = this.toApiError(exception);
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined)
      void reply.header('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    void reply.status(status).send(body);
  }

  private toApiError(exception: unknown): [number, ApiError] {
    if (exception instanceof AppError) {
      return [exception.getStatus(), exception.getResponse() as ApiError];
    }
    // Fastify's own refusals (malformed JSON, body too large) carry a statusCode.
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : ((exception as { statusCode?: number })?.statusCode ?? 500);
    const code = STATUS_ERROR_CODES[status];
    if (status < 500 && code) return [status, { code, message: ERROR_MESSAGES[code] }];
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: ErrorCode.Internal, message: ERROR_MESSAGES[ErrorCode.Internal] },
    ];
  }
}
