import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../common/app-error';
import { ImportBody } from '../common/import-body';

export interface ImportUpload {
  /** A temporary file holding the upload; `discard()` removes it. */
  path: string;
  format: 'csv' | 'xlsx';
  bytes: number;
  discard: () => Promise<void>;
}

/**
 * The one place the customer-master import takes its file: the CSV or XLSX body (accepted only on
 * its route, after the guards: common/import-body.ts), streamed to a temporary file; past
 * IMPORT_MAX_BYTES the body's stream fails with 413.
 */
export async function receiveImportUpload(file: ImportBody): Promise<ImportUpload> {
  const { format } = file;
  const dir = join(tmpdir(), 'utility-imports');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.${format}`);
  const discard = () => rm(path, { force: true });
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      bytes += chunk.length;
      next(null, chunk);
    },
  });
  try {
    // The body's stream fails with a 413 past IMPORT_MAX_BYTES (common/import-body.ts).
    await pipeline(file.stream(), count, createWriteStream(path));
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
