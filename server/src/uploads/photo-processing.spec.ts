import { ErrorCode } from '@utility/shared';
import sharp from 'sharp';
import { AppError } from '../common/app-error';
import { encodeHeic, halves, phoneJpeg, pngClaiming, rawInput } from '../testing/photo-fixtures';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeclaredFile,
  MAX_LONG_SIDE,
  PhotoLimits,
  detectPhotoType,
  processPhoto,
  receivePhoto,
} from './photo-processing';

const limits: PhotoLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 50_000_000 };
const text = Buffer.from('This is not a photo, whatever its name says.\n'.repeat(40));
const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  Buffer.alloc(600, 32),
]);

/** The refusal a promise ends in, as the API would send it. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.getStatus(), code: error.code };
}

/** Colour of one pixel of an encoded image. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}
const isRed = ([r, g, b]: number[]) => r > 180 && g < 80 && b < 80;
const isBlue = ([r, g, b]: number[]) => b > 180 && r < 80 && g < 80;

async function* chunks(bytes: Buffer, size: number, pulled = { count: 0 }): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    pulled.count++;
    yield bytes.subarray(at, at + size);
  }
}

describe('detectPhotoType', () => {
  it.each([
    ['JPEG', 'jpeg', () => rawInput(halves(16, 16)).jpeg().toBuffer()],
    ['PNG', 'png', () => rawInput(halves(16, 16)).png().toBuffer()],
    ['WebP', 'webp', () => rawInput(halves(16, 16)).webp().toBuffer()],
    ['HEIC (iPhone: major brand heic)', 'heic', async () => encodeHeic(halves(16, 16))],
    [
      'HEIF with heic among compatible brands (Android: major mif1)',
      'heic',
      async () => Buffer.from('\0\0\0\x18ftypmif1\0\0\0\0mif1heic', 'latin1'),
    ],
    ['AVIF', null, () => rawInput(halves(16, 16)).avif().toBuffer()],
    ['GIF', null, () => rawInput(halves(16, 16)).gif().toBuffer()],
    ['TIFF', null, () => rawInput(halves(16, 16)).tiff().toBuffer()],
    ['PDF', null, async () => pdf],
    ['text', null, async () => text],
    ['nothing', null, async () => Buffer.alloc(0)],
    ['a JPEG signature cut short', null, async () => Buffer.from([0xff, 0xd8])],
  ])('%s → %s', async (_name, expected, make) => {
    expect(detectPhotoType(await make())).toBe(expected);
  });
});

describe('processPhoto', () => {
  it('re-encodes a phone JPEG without any metadata: no EXIF, no GPS, no camera', async () => {
    const input = await phoneJpeg(halves(64, 48));
    expect((await sharp(input).metadata()).exif?.toString('latin1')).toContain('PhoneMaker'); // the input has them
    const out = await processPhoto(input, limits);
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(out.bytes.includes('PhoneMaker')).toBe(false);
    expect(out.bytes.includes('Exif')).toBe(false);
    expect(out).toMatchObject({
      mime: 'image/jpeg',
      width: 64,
      height: 48,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('turns a photo upright by its EXIF orientation, then drops the tag', async () => {
    // Orientation 6: stored sideways, shown turned 90° clockwise — the left (red) half ends on top.
    const out = await processPhoto(await phoneJpeg(halves(64, 32), 6), limits);
    expect([out.width, out.height]).toEqual([32, 64]);
    expect((await sharp(out.bytes).metadata()).orientation).toBeUndefined();
    expect(isRed(await pixel(out.bytes, 16, 4))).toBe(true);
    expect(isBlue(await pixel(out.bytes, 16, 60))).toBe(true);
  });

  it.each([
    ['PNG', () => rawInput(halves(64, 48)).png().toBuffer()],
    ['WebP', () => rawInput(halves(64, 48)).webp({ quality: 95 }).toBuffer()],
    ['HEIC', async () => encodeHeic(halves(64, 48))],
  ])('stores a %s as a JPEG of the same picture', async (_name, make) => {
    const out = await processPhoto(await make(), limits);
    expect(out).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
    expect((await sharp(out.bytes).metadata()).format).toBe('jpeg');
    expect(isRed(await pixel(out.bytes, 8, 24))).toBe(true);
    expect(isBlue(await pixel(out.bytes, 56, 24))).toBe(true);
  });

  it('applies a HEIC rotation (irot) once: libheif turns the pixels, nothing turns them again', async () => {
    // 90° anticlockwise: the right (blue) half ends on top.
    const out = await processPhoto(encodeHeic(halves(64, 32), { rotate90: true }), limits);
    expect([out.width, out.height]).toEqual([32, 64]);
    expect(isBlue(await pixel(out.bytes, 16, 4))).toBe(true);
    expect(isRed(await pixel(out.bytes, 16, 60))).toBe(true);
  });

  it('puts transparent pixels on white', async () => {
    const input = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const [r, g, b] = await pixel((await processPhoto(input, limits)).bytes, 10, 10);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
  });

  it(`shrinks the long side to ${MAX_LONG_SIDE} px and never enlarges`, async () => {
    const wide = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    expect(await processPhoto(wide, limits)).toMatchObject({ width: MAX_LONG_SIDE, height: 853 });
    const tall = await sharp({ create: { width: 1200, height: 4000, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    expect(await processPhoto(tall, limits)).toMatchObject({ width: 768, height: MAX_LONG_SIDE });
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } })
      .webp()
      .toBuffer();
    expect(await processPhoto(small, limits)).toMatchObject({ width: 300, height: 200 });
  });

  describe('refuses', () => {
    const fake: DeclaredFile = { mimetype: 'image/jpeg', filename: 'IMG_0001.jpg' };

    it.each<[string, () => Promise<Buffer>, DeclaredFile, { status: number; code: ErrorCode }]>([
      ['an empty file', async () => Buffer.alloc(0), fake, { status: 422, code: ErrorCode.PhotoUnreadable }],
      [
        'text named .jpg and sent as image/jpeg (a fake photo)',
        async () => text,
        fake,
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a PDF named .jpg (a fake photo)',
        async () => pdf,
        { mimetype: 'application/octet-stream', filename: 'scan.JPG' },
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a PDF',
        async () => pdf,
        { mimetype: 'application/pdf', filename: 'bill.pdf' },
        { status: 415, code: ErrorCode.PhotoTypeNotAllowed },
      ],
      [
        'text',
        async () => text,
        { mimetype: 'text/plain', filename: 'notes.txt' },
        { status: 415, code: ErrorCode.PhotoTypeNotAllowed },
      ],
      [
        'a GIF',
        () => rawInput(halves(16, 16)).gif().toBuffer(),
        { mimetype: 'image/gif', filename: 'a.gif' },
        { status: 415, code: ErrorCode.PhotoTypeNotAllowed },
      ],
      [
        'an AVIF',
        () => rawInput(halves(16, 16)).avif().toBuffer(),
        { mimetype: 'image/avif' },
        { status: 415, code: ErrorCode.PhotoTypeNotAllowed },
      ],
      [
        'a JPEG signature followed by junk',
        async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), text]),
        fake,
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a PNG signature followed by junk',
        async () => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), text]),
        {},
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a WebP header followed by junk',
        async () => Buffer.concat([Buffer.from('RIFF\xff\0\0\0WEBPVP8 ', 'latin1'), text]),
        {},
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a HEIC header followed by junk',
        async () => Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), text]),
        {},
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a JPEG cut in half',
        async () => {
          const jpeg = await rawInput(halves(64, 64)).jpeg().toBuffer();
          return jpeg.subarray(0, 300);
        },
        fake,
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a HEIC cut in half',
        async () => {
          const heic = encodeHeic(halves(64, 64));
          return heic.subarray(0, heic.length / 2);
        },
        {},
        { status: 422, code: ErrorCode.PhotoUnreadable },
      ],
      [
        'a PNG claiming 100000 × 100000 pixels (decompression bomb)',
        async () => pngClaiming(100_000, 100_000),
        {},
        { status: 413, code: ErrorCode.PhotoTooLarge },
      ],
    ])('%s', async (_name, make, declared, expected) => {
      expect(await refusal(processPhoto(await make(), limits, declared))).toEqual(expected);
    });

    it('more pixels than maxPixels, for each type (HEIC before decoding it)', async () => {
      const image = halves(128, 96); // 12,288 pixels
      const small = { ...limits, maxPixels: 10_000 };
      for (const input of [
        await rawInput(image).jpeg().toBuffer(),
        await rawInput(image).png().toBuffer(),
        await rawInput(image).webp().toBuffer(),
        encodeHeic(image),
      ]) {
        expect(await refusal(processPhoto(input, small))).toEqual({ status: 413, code: ErrorCode.PhotoTooLarge });
      }
    });

    it('more bytes than maxBytes', async () => {
      const input = await rawInput(halves(64, 64)).png().toBuffer();
      expect(await refusal(processPhoto(input, { ...limits, maxBytes: input.length - 1 }))).toEqual({
        status: 413,
        code: ErrorCode.PhotoTooLarge,
      });
      await expect(processPhoto(input, { ...limits, maxBytes: input.length })).resolves.toMatchObject({ width: 64 });
    });
  });
});

describe('receivePhoto', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'utility-receive-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const target = () => join(dir, `upload-${++n}`);

  it('writes a file of exactly the limit to disk', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(4997, 1)]);
    const path = target();
    const received = await receivePhoto(chunks(bytes, 1000), {}, 5000, path);
    expect(received).toEqual({ path, size: 5000, head: bytes.subarray(0, 512) });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses one byte more while it streams, without reading on, and deletes what it wrote', async () => {
    const pulled = { count: 0 };
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100_000, 1)]);
    const path = target();
    expect(await refusal(receivePhoto(chunks(bytes, 1000, pulled), {}, 5000, path))).toEqual({
      status: 413,
      code: ErrorCode.PhotoTooLarge,
    });
    expect(pulled.count).toBe(6);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses what is no photo from its first bytes, without reading on', async () => {
    const pulled = { count: 0 };
    const bytes = Buffer.concat([pdf, Buffer.alloc(100_000, 1)]);
    const path = target();
    expect(
      await refusal(receivePhoto(chunks(bytes, 256, pulled), { mimetype: 'application/pdf' }, 1_000_000, path)),
    ).toEqual({ status: 415, code: ErrorCode.PhotoTypeNotAllowed });
    expect(pulled.count).toBe(2);
    expect(existsSync(path)).toBe(false);
  });

  it('turns a stream that breaks off into a 400, not a 500', async () => {
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from([0xff, 0xd8, 0xff]);
      throw new Error('Unexpected end of form');
    }
    const path = target();
    expect(await refusal(receivePhoto(broken(), {}, 5000, path))).toEqual({
      status: 400,
      code: ErrorCode.ValidationFailed,
    });
    expect(existsSync(path)).toBe(false);
  });

  it('leaves a file shorter than the sniffed length to processPhoto', async () => {
    const path = target();
    expect(await receivePhoto(chunks(Buffer.from('short'), 2), {}, 5000, path)).toEqual({
      path,
      size: 5,
      head: Buffer.from('short'),
    });
  });

  it('processPhoto takes the received file from disk', async () => {
    const jpeg = await rawInput(halves(64, 48)).jpeg().toBuffer();
    const received = await receivePhoto(chunks(jpeg, 100), {}, 5000, target());
    await expect(processPhoto(received, limits)).resolves.toMatchObject({ width: 64, height: 48, mime: 'image/jpeg' });
  });
});
