import { Controller, Get, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, logRequests, PinoNestLogger } from './logging';

@Controller()
class ProbeController {
  private readonly log = new Logger('Probe');
  @Get('healthz')
  health() {
    return { ok: true };
  }
  @Get('api/thing')
  thing() {
    this.log.log('thing served');
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('server logs (pino)', () => {
  let app: NestFastifyApplication;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { bufferLogs: true });
    app.useLogger(new PinoNestLogger(logger));
    logRequests(app, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());
  const inject = (options: { url: string; headers?: Record<string, string> }) =>
    app.getHttpAdapter().getInstance().inject(options);
  beforeEach(() => lines.splice(0));

  it('writes a line per request without the bearer token or cookies', async () => {
    await inject({ url: '/api/thing', headers: { authorization: 'Bearer secret-token', cookie: 'sid=secret' } });
    const request = lines.find((l) => l.msg === 'request completed') as {
      req: { url: string; headers: Record<string, string> };
      res: { statusCode: number };
    };
    expect(request.req.url).toBe('/api/thing');
    expect(request.res.statusCode).toBe(200);
    expect(request.req.headers.authorization).toBe('[Redacted]');
    expect(request.req.headers.cookie).toBe('[Redacted]');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it("writes Nest's own messages with their context", async () => {
    await inject({ url: '/api/thing' });
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, context: 'Probe', msg: 'thing served' }));
  });

  it('keeps the health probes out of the log', async () => {
    await inject({ url: '/healthz' });
    expect(lines).toEqual([]);
  });

  it('logs an error with its stack', () => {
    const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
    new PinoNestLogger(logger).error('it broke', 'Error: it broke\n    at here', 'Sweeper');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'it broke',
        context: 'Sweeper',
        stack: 'Error: it broke\n    at here',
      }),
    ]);
  });
});
