import { applyDecorators, createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from './app-error';

/**
 * File bodies of the import routes (CSV, XLSX). No route parses them before its guards have run: the
 * content-type parser below only wraps the request stream, and the handler reads it, up to IMPORT_MAX_BYTES.
 * Any other route answers such a body 415 without reading it.
 *
 *   @Post('import')
 *   @AcceptsImportFile('csv', 'xlsx')
 *   async import(@CurrentStaff() staff: StaffPrincipal, @ImportFile() file: ImportBody) {
 *     const rows = file.format === 'csv' ? parseCsv(await file.text()) : await readXlsx(file.stream());
 *   }
 */
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ImportFormat = keyof typeof IMPORT_CONTENT_TYPES;

const ROUTE_CONFIG_KEY = 'importFormats';

const tooLarge = (maxBytes: number) =>
  new AppError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    ErrorCode.ValidationFailed,
    `导入文件过大，不能超过 ${Math.floor(maxBytes / (1024 * 1024))} MB`,
  );

const unsupported = (accepted: readonly ImportFormat[] = []) =>
  new AppError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    ErrorCode.ValidationFailed,
    accepted.length
      ? `请以 ${accepted.map((f) => IMPORT_CONTENT_TYPES[f]).join(' 或 ')} 格式上传导入文件`
      : '此接口不接受该格式的请求内容',
  );

/** An import body not read yet. Read it once: `stream()`, `buffer()` or `text()`. */
export class ImportBody {
  private taken = false;

  constructor(
    readonly format: ImportFormat,
    private readonly source: Readable,
    readonly maxBytes: number,
    /** Content-Length, when the client sent one: a body declared too large is refused before any byte is read. */
    readonly declaredBytes: number | null,
  ) {}

  /** The body's bytes as they arrive; the stream fails with a 413 AppError once more than maxBytes came. */
  stream(): Readable {
    if (this.taken) throw new Error('an import body can be read only once');
    this.taken = true;
    if (this.declaredBytes !== null && this.declaredBytes > this.maxBytes) throw tooLarge(this.maxBytes);
    const { source, maxBytes } = this;
    const out = new PassThrough();
    let received = 0;
    const stop = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      out.off('drain', onDrain);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        stop();
        // The rest is read and dropped (not kept) while the 413 goes out on the same connection.
        source.resume();
        out.destroy(tooLarge(maxBytes));
        return;
      }
      if (!out.write(chunk)) source.pause();
    };
    const onDrain = () => source.resume();
    const onEnd = () => {
      stop();
      out.end();
    };
    const onError = (error: Error) => {
      stop();
      out.destroy(error);
    };
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onError);
    out.on('drain', onDrain);
    return out;
  }

  /** The whole body in memory (fine for files up to a few MB; stream larger ones). */
  async buffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The whole body as UTF-8 text without a byte-order mark (Excel writes one in its CSVs). */
  async text(): Promise<string> {
    return (await this.buffer()).toString('utf8').replace(/^\uFEFF/, '');
  }
}

/**
 * Marks a route as taking a file body of these formats (and documents it in OpenAPI). Put the route's guards
 * on it as usual: they run before any byte of the file is read.
 */
export function AcceptsImportFile(...formats: ImportFormat[]) {
  return applyDecorators(
    RouteConfig({ [ROUTE_CONFIG_KEY]: formats }),
    ApiConsumes(...formats.map((f) => IMPORT_CONTENT_TYPES[f])),
    ApiBody({ schema: { type: 'string', format: 'binary' } }),
  );
}

/** The route's file body (an ImportBody); anything else sent to the route is 415. */
export const ImportFile = createParamDecorator((_data: unknown, context: ExecutionContext): ImportBody => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (request.body instanceof ImportBody) return request.body;
  throw unsupported(routeFormats(request));
});

function routeFormats(request: FastifyRequest): readonly ImportFormat[] {
  const config = request.routeOptions.config as { [ROUTE_CONFIG_KEY]?: ImportFormat[] } | undefined;
  return config?.[ROUTE_CONFIG_KEY] ?? [];
}

/** Registers the parser of import bodies: it reads nothing, and refuses them (415) outside import routes. */
export function registerImportBodyParser(fastify: FastifyInstance, maxBytes: number): void {
  const types = Object.entries(IMPORT_CONTENT_TYPES) as [ImportFormat, string][];
  for (const [format, type] of types) {
    fastify.addContentTypeParser(type, (request, payload, done) => {
      if (!routeFormats(request).includes(format)) return done(unsupported(), undefined);
      const length = Number(request.headers['content-length']);
      done(null, new ImportBody(format, payload, maxBytes, Number.isFinite(length) ? length : null));
    });
  }
}
