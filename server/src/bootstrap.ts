import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig } from './common/config';
import { setUpFieldCipher } from './common/data-key';
import { ErrorFilter } from './common/error.filter';
import { createLogger, logRequests, PinoNestLogger } from './common/logging';

/** Builds the whole application (used by `main.ts` and by the API tests). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  setUpFieldCipher(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: true }),
    { bufferLogs: true, rawBody: true },
  );
  const logger = createLogger(config.LOG_LEVEL);
  app.useLogger(new PinoNestLogger(logger));
  logRequests(app, logger);
  // Meter-reading imports arrive as text/csv, larger than JSON bodies.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
  // Photo uploads (POST /api/uploads): one file per request, never larger than UPLOAD_MAX_BYTES.
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Utility customer service API').setVersion('0.1.0').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
  if (existsSync(config.H5_DIR)) {
    app.useStaticAssets({ root: config.H5_DIR, prefix: '/', index: ['index.html'] });
  } else {
    logger.warn(`H5 build not found at ${config.H5_DIR}: run \`npm run build\` to serve the miniapp at /`);
  }
  return app;
}
