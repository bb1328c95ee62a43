import { DynamicModule, Global, LoggerService, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import pino, { DestinationStream, Logger } from 'pino';
import pinoHttp from 'pino-http';

/**
 * One pino logger (JSON lines on stdout) for Nest's own messages and a line per HTTP request, in place of
 * nestjs-pino (whose Nest 12 releases need Node 22). Headers carry bearer tokens: never logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] }, destination);
}

/** A line per answered request (pino-http), except the probes that load balancers call every few seconds. */
export function logRequests(app: NestFastifyApplication, logger: Logger): void {
  const http = pinoHttp({
    logger,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      http(request.raw, reply.raw);
      done();
    });
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's LoggerService over pino: Nest passes the context (a class name) last, and an error's stack before it. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const extra = [...rest];
    const context = extra.length && typeof extra[extra.length - 1] === 'string' ? extra.pop() : undefined;
    const stack = level === 'error' && typeof extra[0] === 'string' ? extra.shift() : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}

/** The process's root pino logger, for services that log structured lines (the job registry). */
export const APP_LOGGER = Symbol('APP_LOGGER');

@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: APP_LOGGER, useValue: logger }], exports: [APP_LOGGER] };
  }
}
