import sharp from 'sharp';

/**
 * Photos for the upload tests, made in the test: no binary fixtures, no network. Tests only
 * (it belongs in src/testing/, which this module may not add to).
 */

export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, row by row. */
  data: Buffer;
}

/** Left half red, right half blue: orientation shows in which side is which colour. */
export function halves(width: number, height: number): RgbImage {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(x < width / 2 ? [220, 30, 30] : [30, 30, 220], (y * width + x) * 3);
  }
  return { width, height, data };
}

export const rawInput = (image: RgbImage) =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });

/** A JPEG as a phone writes one: camera make, GPS position, EXIF orientation. */
export function phoneJpeg(image: RgbImage, orientation = 1): Promise<Buffer> {
  return rawInput(image)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2688/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 2940/100',
      },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

/**
 * A PNG whose header claims `width` × `height` but carries almost no data: what a
 * decompression bomb looks like before anything is decoded.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

// ---------------------------------------------------------------------------------------------
// HEIC. No HEVC encoder is available offline (sharp's libheif has AV1 only), so this writes a real
// HEVC bitstream the simplest conforming way: one I slice in which every 16×16 coding unit is
// I_PCM (raw 4:2:0 samples), wrapped in a HEIF (`heic`) file as iPhones write it — `hvc1` item,
// `hvcC`, `ispe`, `colr`, optionally `irot`. Decoding it exercises the same libheif + libde265
// path as a camera's HEIC, though not HEVC's transforms and prediction.
// ---------------------------------------------------------------------------------------------

/** Bits, then bytes. */
class BitWriter {
  private readonly bits: number[] = [];
  u(value: number, n: number): this {
    for (let i = n - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) & 1);
    return this;
  }
  ue(value: number): this {
    const len = Math.floor(Math.log2(value + 1));
    return this.u(0, len).u(value + 1, len + 1);
  }
  se(value: number): this {
    return this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }
  get aligned(): boolean {
    return this.bits.length % 8 === 0;
  }
  alignZero(): this {
    while (!this.aligned) this.bits.push(0);
    return this;
  }
  /** rbsp_trailing_bits / byte_alignment(): a one, then zeros. */
  trailing(): this {
    return this.u(1, 1).alignZero();
  }
  bytes(): Buffer {
    if (!this.aligned) throw new Error('not byte-aligned');
    const out = Buffer.alloc(this.bits.length / 8);
    for (let i = 0; i < this.bits.length; i++) out[i >> 3] |= this.bits[i] << (7 - (i & 7));
    return out;
  }
}

/** The CABAC arithmetic encoder of H.265 §9.3.4.3 (only what I_PCM slices use). */
class CabacEncoder {
  private low = 0;
  private range = 510;
  private firstBit = true;
  private outstanding = 0;
  constructor(private readonly w: BitWriter) {}

  /** Also after PCM samples, which end the arithmetic codeword (contexts keep their state). */
  init(): void {
    this.low = 0;
    this.range = 510;
    this.firstBit = true;
    this.outstanding = 0;
  }

  /** A context-coded bin. */
  decision(context: { state: number; mps: number }, bin: number): void {
    const lps = LPS_TABLE[context.state][(this.range >> 6) & 3];
    this.range -= lps;
    if (bin !== context.mps) {
      this.low += this.range;
      this.range = lps;
      if (context.state === 0) context.mps = 1 - context.mps;
      context.state = TRANS_LPS[context.state];
    } else {
      context.state = Math.min(context.state + 1, 62);
    }
    this.renorm();
  }

  terminate(bin: number): void {
    this.range -= 2;
    if (bin) {
      this.low += this.range;
      this.range = 2;
      this.renorm();
      this.putBit((this.low >> 9) & 1);
      this.w.u(((this.low >> 7) & 3) | 1, 2);
    } else {
      this.renorm();
    }
  }

  private renorm(): void {
    while (this.range < 256) {
      if (this.low < 256) this.putBit(0);
      else if (this.low >= 512) {
        this.low -= 512;
        this.putBit(1);
      } else {
        this.low -= 256;
        this.outstanding++;
      }
      this.range <<= 1;
      this.low <<= 1;
    }
  }

  private putBit(bit: number): void {
    if (this.firstBit) this.firstBit = false;
    else this.w.u(bit, 1);
    for (; this.outstanding > 0; this.outstanding--) this.w.u(1 - bit, 1);
  }
}

// rangeTabLps and transIdxLps (H.265 tables 9-52, 9-53).
const LPS_TABLE = [
  [128, 176, 208, 240],
  [128, 167, 197, 227],
  [128, 158, 187, 216],
  [123, 150, 178, 205],
  [116, 142, 169, 195],
  [111, 135, 160, 185],
  [105, 128, 152, 175],
  [100, 122, 144, 166],
  [95, 116, 137, 158],
  [90, 110, 130, 150],
  [85, 104, 123, 142],
  [81, 99, 117, 135],
  [77, 94, 111, 128],
  [73, 89, 105, 122],
  [69, 85, 100, 116],
  [66, 80, 95, 110],
  [62, 76, 90, 104],
  [59, 72, 86, 99],
  [56, 69, 81, 94],
  [53, 65, 77, 89],
  [51, 62, 73, 85],
  [48, 59, 69, 80],
  [46, 56, 66, 76],
  [43, 53, 63, 72],
  [41, 50, 59, 69],
  [39, 48, 56, 65],
  [37, 45, 54, 62],
  [35, 43, 51, 59],
  [33, 41, 48, 56],
  [32, 39, 46, 53],
  [30, 37, 43, 50],
  [29, 35, 41, 48],
  [27, 33, 39, 45],
  [26, 31, 37, 43],
  [24, 30, 35, 41],
  [23, 28, 33, 39],
  [22, 27, 32, 37],
  [21, 26, 30, 35],
  [20, 24, 29, 33],
  [19, 23, 27, 31],
  [18, 22, 26, 30],
  [17, 21, 25, 28],
  [16, 20, 23, 27],
  [15, 19, 22, 25],
  [14, 18, 21, 24],
  [14, 17, 20, 23],
  [13, 16, 19, 22],
  [12, 15, 18, 21],
  [12, 14, 17, 20],
  [11, 14, 16, 19],
  [11, 13, 15, 18],
  [10, 12, 15, 17],
  [10, 12, 14, 16],
  [9, 11, 13, 15],
  [9, 11, 12, 14],
  [8, 10, 12, 14],
  [8, 9, 11, 13],
  [7, 9, 11, 12],
  [7, 9, 10, 12],
  [7, 8, 10, 11],
  [6, 8, 9, 11],
  [6, 7, 9, 10],
  [6, 7, 8, 9],
];
const TRANS_LPS = [
  0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12, 13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21, 22, 22, 23, 24, 24,
  25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33, 33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38,
  38,
];

const CTB = 16;

function profileTierLevel(w: BitWriter): void {
  w.u(0, 2).u(0, 1).u(1, 5); // Main profile
  w.u(0x60000000, 32); // compatible with Main and Main 10
  w.u(1, 1).u(0, 1).u(0, 1).u(1, 1); // progressive, frame only
  w.u(0, 32).u(0, 12); // reserved 43 bits + inbld flag
  w.u(93, 8); // level 3.1
}

/** NAL unit: 2-byte header, then the RBSP with emulation prevention. */
function nal(type: number, rbsp: Buffer): Buffer {
  const out = [type << 1, 1];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

function vps(): Buffer {
  const w = new BitWriter().u(0, 4).u(1, 1).u(1, 1).u(0, 6).u(0, 3).u(1, 1).u(0xffff, 16);
  profileTierLevel(w);
  w.u(1, 1).ue(0).ue(0).ue(0); // sub-layer ordering: one picture
  w.u(0, 6).ue(0).u(0, 1).u(0, 1); // max layer id, one layer set, no timing, no extension
  return nal(32, w.trailing().bytes());
}

function sps(width: number, height: number): Buffer {
  const w = new BitWriter().u(0, 4).u(0, 3).u(1, 1);
  profileTierLevel(w);
  w.ue(0).ue(1).ue(width).ue(height).u(0, 1); // id, 4:2:0, size, no conformance window
  w.ue(0).ue(0).ue(0); // 8-bit luma and chroma, POC lsb 4 bits
  w.u(1, 1).ue(0).ue(0).ue(0);
  w.ue(0).ue(1); // coding blocks 8…16 (CTB 16)
  w.ue(0).ue(2).ue(0).ue(0); // transform blocks 4…16, no hierarchy
  w.u(0, 1).u(0, 1).u(0, 1); // no scaling lists, AMP, SAO
  w.u(1, 1).u(7, 4).u(7, 4).ue(0).ue(1).u(1, 1); // PCM: 8-bit samples, 8…16 blocks, not loop-filtered
  w.ue(0).u(0, 1).u(0, 1).u(0, 1).u(0, 1).u(0, 1); // no RPS, long-term refs, TMVP, smoothing, VUI, extension
  return nal(33, w.trailing().bytes());
}

function pps(): Buffer {
  const w = new BitWriter().ue(0).ue(0).u(0, 1).u(0, 1).u(0, 3).u(0, 1).u(0, 1).ue(0).ue(0).se(0);
  w.u(0, 1).u(0, 1).u(0, 1).se(0).se(0).u(0, 1).u(0, 1).u(0, 1).u(0, 1).u(0, 1).u(0, 1).u(0, 1);
  w.u(1, 1).u(0, 1).u(1, 1); // deblocking: control present, no override, disabled
  w.u(0, 1).u(0, 1).ue(0).u(0, 1).u(0, 1);
  return nal(34, w.trailing().bytes());
}

/** An IDR picture whose every CTB is one I_PCM coding unit. */
function slice(luma: Buffer, cb: Buffer, cr: Buffer, width: number, height: number): Buffer {
  const w = new BitWriter().u(1, 1).u(0, 1).ue(0).ue(2).se(0); // first slice, I, QP 26
  w.trailing(); // byte_alignment()
  const cabac = new CabacEncoder(w);
  const split = { state: 0, mps: 0 }; // split_cu_flag, initValue 139 at QP 26 → pStateIdx 0, valMps 0
  const ctbsX = width / CTB;
  const ctbs = ctbsX * (height / CTB);
  for (let i = 0; i < ctbs; i++) {
    const x0 = (i % ctbsX) * CTB;
    const y0 = Math.floor(i / ctbsX) * CTB;
    cabac.decision(split, 0); // split_cu_flag: one 16×16 coding unit
    cabac.terminate(1); // pcm_flag
    w.alignZero(); // pcm_alignment_zero_bit
    for (let y = 0; y < CTB; y++) for (let x = 0; x < CTB; x++) w.u(luma[(y0 + y) * width + x0 + x], 8);
    for (const plane of [cb, cr]) {
      for (let y = 0; y < CTB / 2; y++)
        for (let x = 0; x < CTB / 2; x++) w.u(plane[(y0 / 2 + y) * (width / 2) + x0 / 2 + x], 8);
    }
    cabac.init();
    cabac.terminate(i === ctbs - 1 ? 1 : 0); // end_of_slice_segment_flag; the final one is the stop bit
  }
  w.alignZero();
  return nal(19, w.bytes());
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const fullBox = (type: string, version: number, flags: number, ...parts: Buffer[]) =>
  box(type, Buffer.from([version, (flags >> 16) & 255, (flags >> 8) & 255, flags & 255]), ...parts);
const u8 = (...values: number[]) => Buffer.from(values);
const u16 = (value: number) => Buffer.from([value >> 8, value & 255]);
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return b;
};

function hvcC(nals: Buffer[]): Buffer {
  const head = Buffer.concat([
    u8(1, 0x01),
    u32(0x60000000),
    u8(0x90, 0, 0, 0, 0, 0, 93),
    u16(0xf000),
    u8(0xfc, 0xfd, 0xf8, 0xf8),
    u16(0),
    u8(0x0f),
    u8(nals.length),
  ]);
  const arrays = nals.map((n) => Buffer.concat([u8(0x80 | ((n[0] >> 1) & 0x3f)), u16(1), u16(n.length), n]));
  return box('hvcC', head, ...arrays);
}

/**
 * A HEIC of the image (width and height multiples of 16). `rotate90` stores it with an `irot`
 * of 90° anticlockwise, as a phone held sideways does: a reader must show it turned.
 */
export function encodeHeic(image: RgbImage, options: { rotate90?: boolean } = {}): Buffer {
  const { width, height, data } = image;
  if (width % CTB || height % CTB) throw new Error(`encodeHeic: ${width}×${height} is not a multiple of ${CTB}`);
  // Full-range BT.601, as the `colr` box below declares.
  const y = Buffer.alloc(width * height);
  const cb = Buffer.alloc((width / 2) * (height / 2));
  const cr = Buffer.alloc(cb.length);
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [data[i * 3], data[i * 3 + 1], data[i * 3 + 2]];
    y[i] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let j = 0; j < height / 2; j++) {
    for (let i = 0; i < width / 2; i++) {
      let r = 0,
        g = 0,
        b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const p = ((j * 2 + dy) * width + i * 2 + dx) * 3;
        r += data[p] / 4;
        g += data[p + 1] / 4;
        b += data[p + 2] / 4;
      }
      cb[j * (width / 2) + i] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      cr[j * (width / 2) + i] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  const picture = slice(y, cb, cr, width, height);
  const properties = [
    hvcC([vps(), sps(width, height), pps()]),
    fullBox('ispe', 0, 0, u32(width), u32(height)),
    box('colr', Buffer.from('nclx', 'latin1'), u16(1), u16(13), u16(6), u8(0x80)),
    ...(options.rotate90 ? [box('irot', u8(1))] : []),
  ];
  const ipma = fullBox(
    'ipma',
    0,
    0,
    u32(1),
    u16(1),
    u8(properties.length),
    ...properties.map((_, i) => u8((i === 1 || i === 2 ? 0 : 0x80) | (i + 1))),
  );
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const meta = (mdatOffset: number) =>
    fullBox(
      'meta',
      0,
      0,
      fullBox('hdlr', 0, 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), u8(0)),
      fullBox('pitm', 0, 0, u16(1)),
      fullBox('iloc', 0, 0, u8(0x44, 0x00), u16(1), u16(1), u16(0), u16(1), u32(mdatOffset), u32(4 + picture.length)),
      fullBox('iinf', 0, 0, u16(1), fullBox('infe', 2, 0, u16(1), u16(0), Buffer.from('hvc1', 'latin1'), u8(0))),
      box('iprp', box('ipco', ...properties), ipma),
    );
  const offset = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(offset), box('mdat', u32(picture.length), picture)]);
}
