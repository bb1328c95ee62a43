import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../common/app-error';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Routes whose CSV/XLSX body is left unread by the parser, to be streamed to disk after auth. */
const STREAMED_ROUTES = ['/api/admin/accounts/import'];
/** Other text/csv bodies (meter readings) are read into a string, as before. */
const CSV_STRING_LIMIT = 20 * 1024 * 1024;

export interface ImportUpload {
  /** A temporary file holding the upload; `discard()` removes it. */
  path: string;
  format: 'csv' | 'xlsx';
  bytes: number;
  discard: () => Promise<void>;
}

/**
 * Body parsers for uploads. On the streamed import routes the body of `text/csv` or the XLSX
 * type stays a stream: it is read by `receiveImportUpload` once the guards have let the
 * request through, straight to a file, never whole in memory.
 */
export function registerImportBodyParsers(fastify: FastifyInstance): void {
  const streamed = (url: string) => STREAMED_ROUTES.some((r) => url === r || url.startsWith(`${r}?`));
  fastify.addContentTypeParser('text/csv', (req, payload, done) => {
    if (streamed(req.url)) return done(null, payload);
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= CSV_STRING_LIMIT) chunks.push(chunk);
    });
    payload.on('error', (error) => done(error, undefined));
    payload.on('end', () => {
      if (size > CSV_STRING_LIMIT)
        return done(Object.assign(new Error('Request body is too large'), { statusCode: 413 }), undefined);
      done(null, Buffer.concat(chunks).toString('utf8'));
    });
  });
  fastify.addContentTypeParser(XLSX_TYPE, (req, payload, done) => {
    if (streamed(req.url)) return done(null, payload);
    done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), undefined);
  });
}

/**
 * The one place an import route takes its file: the request's CSV or XLSX body, streamed to a
 * temporary file and refused past `maxBytes` (413) or when it is neither (415).
 */
export async function receiveImportUpload(req: FastifyRequest, maxBytes: number): Promise<ImportUpload> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const format = type === 'text/csv' ? 'csv' : type === XLSX_TYPE ? 'xlsx' : null;
  if (!format || !(req.body instanceof Readable)) {
    throw new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.ValidationFailed, '请上传 CSV 或 XLSX 格式的文件');
  }
  const dir = join(tmpdir(), 'utility-imports');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.${format}`);
  const discard = () => rm(path, { force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      bytes += chunk.length;
      next(bytes > maxBytes ? new AppError(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.ImportFileTooLarge) : null, chunk);
    },
  });
  try {
    await pipeline(req.body, limit, createWriteStream(path));
  } catch (error) {
    await discard();
    throw error instanceof AppError
      ? error
      : new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '文件上传中断，请重新上传');
  }
  if (!bytes) {
    await discard();
    throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '上传的文件是空的');
  }
  if (format === 'xlsx' && !(await startsWithZip(path))) {
    await discard();
    throw new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.ValidationFailed, '文件不是有效的 XLSX 表格');
  }
  return { path, format, bytes, discard };
}

async function startsWithZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await file.close();
  }
}
