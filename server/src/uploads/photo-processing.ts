import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { AppError } from '../common/app-error';
import type { PhotoMime } from './upload.entity';

// libvips' operation cache would keep recent photos' pixels in memory for nothing: each is decoded once.
sharp.cache(false);

/** What the bytes really are (magic numbers), whatever the client called the file. */
export type PhotoType = 'jpeg' | 'png' | 'webp' | 'heic';

/** Photos are stored no larger than this on their long side. */
export const MAX_LONG_SIDE = 2560;
export const JPEG_QUALITY = 82;
/** Enough of the file's start to tell its type (a HEIF `ftyp` box lists its brands there). */
const SNIFF_BYTES = 512;

export interface PhotoLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Largest input decoded, in pixels (width × height). */
  maxPixels: number;
}

/** What the client declared: used only to word a refusal, never to accept a file. */
export interface DeclaredFile {
  mimetype?: string;
  filename?: string;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  mime: PhotoMime;
  width: number;
  height: number;
  sha256: string;
}

const typeNotAllowed = () => new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PhotoTypeNotAllowed);
const unreadable = (message?: string) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PhotoUnreadable, message);
const tooLarge = (message: string) => new AppError(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PhotoTooLarge, message);
const tooManyBytes = (maxBytes: number) =>
  tooLarge(`照片不能超过${Math.round((maxBytes / 1024 / 1024) * 10) / 10 || 0.1}MB，请压缩后重新上传`);
const tooManyPixels = () => tooLarge('照片分辨率过高，请压缩后重新上传');

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The photo type of these leading bytes, or null when they are not one we accept. */
export function detectPhotoType(head: Uint8Array): PhotoType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (head.length >= 16 && ascii(head, 4, 8) === 'ftyp') {
    // HEIF: an HEVC brand as the major one (iPhone: `heic`), or a generic HEIF one (`mif1`,
    // Android) listing an HEVC brand among the compatible ones. AVIF (`avif`) is not accepted.
    const boxEnd = Math.min(new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0), head.length);
    const major = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(major)) return 'heic';
    if (major !== 'mif1' && major !== 'msf1') return null;
    for (let i = 16; i + 4 <= boxEnd; i += 4) if (HEIC_BRANDS.has(ascii(head, i, i + 4))) return 'heic';
  }
  return null;
}

/** The refusal for bytes that are no photo we accept: a fake (422) if the client called it a photo, else a wrong type (415). */
function notAPhoto(declared: DeclaredFile): AppError {
  const claimsPhoto =
    /^image\/(p?jpeg|jpg|png|webp|heic|heif)$/i.test(declared.mimetype?.trim() ?? '') ||
    /\.(jpe?g|png|webp|heic|heif)$/i.test(declared.filename?.trim() ?? '');
  return claimsPhoto ? unreadable('该文件不是有效的照片，请重新选择') : typeNotAllowed();
}

/** An upload as received: on disk (never whole in memory), its size and first bytes. */
export interface ReceivedPhoto {
  path: string;
  size: number;
  head: Buffer;
}

/**
 * Streams an uploaded file to `path`, refusing it as soon as it is known to be too large (the
 * limit counted while reading, so memory holds one chunk, never the file) or, from its first
 * bytes, not to be a photo (without reading the rest). A refusal deletes what was written.
 */
export async function receivePhoto(
  stream: AsyncIterable<Buffer>,
  declared: DeclaredFile,
  maxBytes: number,
  path: string,
): Promise<ReceivedPhoto> {
  const head: Buffer[] = [];
  let total = 0;
  let sniffed = false;
  try {
    await pipeline(
      stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          if (total + chunk.length > maxBytes) throw tooManyBytes(maxBytes);
          total += chunk.length;
          if (!sniffed) {
            head.push(chunk);
            if (total >= SNIFF_BYTES) {
              sniffed = true;
              if (!detectPhotoType(Buffer.concat(head).subarray(0, SNIFF_BYTES))) throw notAPhoto(declared);
            }
          }
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof AppError) throw error;
    // The upload broke off (client gone, malformed multipart): nothing to process.
    throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '照片上传未完成，请重试');
  }
  return { path, size: total, head: Buffer.concat(head).subarray(0, SNIFF_BYTES) };
}

/**
 * Turns an uploaded photo into the one we keep: the real type from its magic bytes, decoded
 * (HEIC through libheif's WebAssembly build), turned upright, at most MAX_LONG_SIDE on its long
 * side, re-encoded as JPEG — which leaves every piece of metadata (EXIF, GPS, camera, ICC) behind.
 * Refusals are AppErrors: 415 not a photo type we take, 413 too many bytes or pixels, 422 a file
 * that claims to be a photo but is not, or cannot be decoded.
 */
export async function processPhoto(
  input: Buffer | ReceivedPhoto,
  limits: PhotoLimits,
  declared: DeclaredFile = {},
): Promise<ProcessedPhoto> {
  const size = Buffer.isBuffer(input) ? input.length : input.size;
  if (size === 0) throw unreadable('照片文件是空的，请重新选择');
  if (size > limits.maxBytes) throw tooManyBytes(limits.maxBytes);
  const type = detectPhotoType(Buffer.isBuffer(input) ? input.subarray(0, SNIFF_BYTES) : input.head);
  if (!type) throw notAPhoto(declared);

  let image: sharp.Sharp;
  if (type === 'heic') {
    // Already turned upright by libheif (irot/imir); a HEIC's EXIF orientation is not to be applied again.
    const bytes = Buffer.isBuffer(input) ? input : await readFile(input.path);
    const { data, width, height } = await decodeHeic(bytes, limits.maxPixels);
    image = sharp(data, { raw: { width, height, channels: 4 } });
  } else {
    // From the file itself when it is on disk: libvips reads what it decodes, not a copy of the whole upload.
    image = sharp(Buffer.isBuffer(input) ? input : input.path, {
      failOn: 'error',
      limitInputPixels: limits.maxPixels,
      pages: 1,
    });
    const meta = await image.metadata().catch((error: Error) => {
      if (/pixel limit/i.test(error.message)) throw tooManyPixels();
      return null;
    });
    if (!meta || meta.format !== type || !meta.width || !meta.height) throw unreadable();
    if (meta.width * meta.height > limits.maxPixels) throw tooManyPixels();
    image = image.autoOrient();
  }
  try {
    const { data, info } = await image
      .flatten({ background: '#ffffff' })
      .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      mime: 'image/jpeg',
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw unreadable();
  }
}

/** A HEIC taking longer than this to decode is given up on (422). */
const HEIC_DECODE_TIMEOUT_MS = 30_000;

/**
 * Decodes in a worker thread, as plain JavaScript (a worker evaluates it as is): libheif's
 * WebAssembly decoder is synchronous and would stop the event loop for seconds on a large photo,
 * and the WebAssembly heap, which grows to the photo's size and never shrinks, goes with the worker.
 * The size is checked before anything is decoded. libheif applies the rotation and mirroring
 * (irot/imir) to the pixels.
 */
const HEIC_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { libheifPath, input, maxPixels } = workerData;
const heif = require(libheifPath);
async function decode() {
  const context = heif.heif_context_alloc();
  if (!context) throw new Error('libheif: no context');
  let handle = null;
  let image = null;
  try {
    const read = heif.heif_context_read_from_memory(context, input);
    if (read.code.value !== heif.heif_error_code.heif_error_Ok.value) return { refusal: 'unreadable' };
    const primary = heif.heif_js_context_get_primary_image_handle(context);
    if (!primary || primary.code) return { refusal: 'unreadable' };
    handle = primary;
    const width = heif.heif_image_handle_get_width(handle);
    const height = heif.heif_image_handle_get_height(handle);
    if (!width || !height) return { refusal: 'unreadable' };
    if (width * height > maxPixels) return { refusal: 'too-many-pixels' };
    const decoded = await heif.heif_js_decode_image2(handle, heif.heif_colorspace.heif_colorspace_RGB, heif.heif_chroma.heif_chroma_interleaved_RGBA);
    if (!decoded || decoded.code) return { refusal: 'unreadable' };
    image = decoded.image;
    const plane = decoded.channels.find((c) => c.id.value === heif.heif_channel.heif_channel_interleaved.value);
    if (!plane || plane.width !== width || plane.height !== height) return { refusal: 'unreadable' };
    const row = width * 4;
    const data = new Uint8Array(row * height);
    for (let y = 0; y < height; y++) data.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row);
    return { width, height, data };
  } finally {
    if (image) heif.heif_image_release(image);
    if (handle) heif.heif_image_handle_release(handle);
    heif.heif_context_free(context);
  }
}
decode().then(
  (result) => parentPort.postMessage(result, result.data ? [result.data.buffer] : []),
  (error) => parentPort.postMessage({ refusal: 'unreadable', error: String((error && error.message) || error) }),
);
`;

type HeicResult =
  { width: number; height: number; data: Uint8Array } | { refusal: 'unreadable' | 'too-many-pixels'; error?: string };

/** A HEIC's primary image as RGBA pixels. */
export function decodeHeic(input: Buffer, maxPixels: number): Promise<{ data: Buffer; width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HEIC_WORKER, {
      eval: true,
      workerData: { libheifPath: require.resolve('libheif-js/wasm-bundle'), input, maxPixels },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(unreadable())), HEIC_DECODE_TIMEOUT_MS);
    worker.once('message', (result: HeicResult) =>
      settle(() => {
        if ('data' in result)
          resolve({
            data: Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength),
            width: result.width,
            height: result.height,
          });
        else reject(result.refusal === 'too-many-pixels' ? tooManyPixels() : unreadable());
      }),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`HEIC decoder exited with code ${code}`))));
  });
}
