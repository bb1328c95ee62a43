import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ERROR_MESSAGES, ErrorCode } from '@utility/shared';
import { existsSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { registerAccessLog } from './common/access-log';
import { AppConfig } from './common/config';
import { setUpFieldCipher, tokenSecret } from './common/data-key';
import { ErrorFilter } from './common/error.filter';
import { registerImportBodyParser } from './common/import-body';
import { JSON_BODY_LIMIT, registerJsonBodyParser } from './common/json-body';
import { h5StaticOptions, registerSecurityHeaders } from './common/web-security';

export interface AppOptions {
  /** Where the logs go (stdout when not given); tests read the access log from it. */
  logDestination?: DestinationStream;
}
import { PinoNestLogger, createLogger } from './common/logging';

/** Builds the whole application (used by `main.ts` and by the API tests). */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  setUpFieldCipher(config);
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    // trustProxy: the client's address and protocol come from the proxy in front (X-Forwarded-*).
    new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT, trustProxy: true }),
    // No raw copy of bodies: only the WeChat Pay notify route keeps one (json-body.ts).
    { bufferLogs: true, rawBody: false },
  );
  app.useLogger(new PinoNestLogger(logger));
  const fastify = app.getHttpAdapter().getInstance();

  registerSecurityHeaders(fastify, config);
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    // Below 2 KB compressing saves at most ~1.5 KB, never a round trip (a first flight carries ~14 KB), and costs
    // 20–60 µs of CPU per answer: most API answers (a ticket, a claim, intake's) are 0.5–2 KB. The H5 build's
    // scripts and styles over 1 KB are sent from their precompressed copies, whatever this threshold.
    threshold: 2048,
    // Compressed per response: a middle brotli quality keeps the CPU cost near gzip's for a smaller result.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });

  // A request for no route is answered before its body is read, whatever its size or type.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    void reply.code(404).send({ code: ErrorCode.NotFound, message: ERROR_MESSAGES[ErrorCode.NotFound] });
  });
  registerAccessLog(fastify, logger, tokenSecret(config));

  // Bodies: JSON up to 1 MB; CSV/XLSX only on import routes, read after the guards (import-body.ts);
  // photo uploads (POST /api/uploads) stream, one file per request, never larger than UPLOAD_MAX_BYTES.
  registerJsonBodyParser(app);
  registerImportBodyParser(fastify, config.IMPORT_MAX_BYTES);
  await app.register(fastifyMultipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES + 1, files: 1, parts: 20 } });

  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  if (config.DATABASE_URL.startsWith('mysql') || config.DATABASE_URL.startsWith('mariadb')) {
    await app
      .get(DataSource)
      .runMigrations({ transaction: 'each' })
      .catch(async (error) => {
        await app.close();
        throw error;
      });
  }
  // The API's map stays out of production: /docs and /docs-json answer 404 there (README, Configuration).
  // Built on the first request for it, not at every boot (most test apps never ask for it).
  if (config.NODE_ENV !== 'production') {
    SwaggerModule.setup('docs', app, () =>
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder().setTitle('Utility customer service API').setVersion('0.1.0').addBearerAuth().build(),
      ),
    );
  }
  if (existsSync(config.H5_DIR)) {
    app.useStaticAssets(h5StaticOptions(config.H5_DIR));
  } else {
    logger.warn(`H5 build not found at ${config.H5_DIR}: run \`npm run build\` to serve the miniapp at /`);
  }
  return app;
}
