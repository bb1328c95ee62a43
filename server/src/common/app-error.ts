import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, ErrorCode } from '@utility/shared';

/** A refusal the client can act on: HTTP status + machine code + Chinese message. */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: { path: string; message: string }[],
    /** Sent as Retry-After (seconds) with a 503/429 the client may simply retry. */
    readonly retryAfterSeconds?: number,
  ) {
    super({ code, message, details }, status);
  }
}

export const notFound = () => new AppError(HttpStatus.NOT_FOUND, ErrorCode.NotFound);
export const forbidden = () => new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden);
export const conflict = (code: ErrorCode) => new AppError(HttpStatus.CONFLICT, code);
export const unprocessable = (code: ErrorCode, message?: string) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);

/** 429 with Retry-After (seconds): the error filter sends the header. */
export class RateLimitError extends AppError {
  constructor(code: ErrorCode, retryAfterSeconds: number, message?: string) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, message, undefined, retryAfterSeconds);
  }
}
