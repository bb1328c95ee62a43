import { ErrorCode } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { signIn } from '../testing/api-fixtures';
import { countRows, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { Db } from '../common/db';
import { encodeHeic, halves, phoneJpeg, rawInput } from '../testing/photo-fixtures';
import { UploadSweeper } from './upload-sweeper.service';
import { UploadOwner, UploadsService } from './uploads.service';

const MAX_BYTES = 60_000;
const HOURLY_LIMIT = 8;

describe('photo uploads (POST /api/uploads, GET /api/uploads/:id)', () => {
  let t: TestApp;
  let dir: string;
  let identities = 0;
  /** A resident of their own, so that tests do not share hourly allowances. */
  const newResident = async () => residentLogin(t, `uploader-${++identities}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-uploads-'));
    t = await startTestApp({
      UPLOADS_DIR: dir,
      UPLOAD_MAX_BYTES: String(MAX_BYTES),
      UPLOAD_HOURLY_LIMIT: String(HOURLY_LIMIT),
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => t?.setNow(new Date()));

  const files = (): string[] =>
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();

  const send = (auth: string, bytes: Buffer, filename: string, contentType: string) =>
    t.http().post('/api/uploads').set('Authorization', auth).attach('file', bytes, { filename, contentType });

  const fetch = (auth: string, url: string) => t.http().get(url).set('Authorization', auth).responseType('blob');

  /** Runs a refused request and checks that it left no file and no row behind. */
  async function refusedStoringNothing(
    request: () => PromiseLike<{ status: number; body: unknown }>,
    status: number,
    code: ErrorCode,
  ) {
    const [filesBefore, rowsBefore] = [files(), await countRows(t, 'upload')];
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code, message: expect.any(String) });
    expect(files()).toEqual(filesBefore);
    expect(await countRows(t, 'upload')).toBe(rowsBefore);
  }

  const claim = (ids: number[], owner: UploadOwner, attachTo: string, max?: number) =>
    t.app.get(Db).transaction(() => t.app.get(UploadsService).claim(ids, owner, attachTo, max));

  const attachments = async (ids: number[]) => {
    const rows: { id: number; attachedTo: string | null }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, attachedTo FROM upload WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`, ids);
    return rows.map((r) => r.attachedTo);
  };

  async function uploadMany(auth: string, n: number): Promise<number[]> {
    const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();
    const ids = [];
    for (let i = 0; i < n; i++) {
      const res = await send(auth, photo, `p${i}.jpg`, 'image/jpeg');
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return ids;
  }

  describe('a resident uploads', () => {
    it.each([
      ['a phone JPEG, stored without its GPS position', () => phoneJpeg(halves(64, 48)), 'IMG_0001.JPG', 'image/jpeg'],
      ['a PNG', () => rawInput(halves(64, 48)).png().toBuffer(), 'screenshot.png', 'image/png'],
      ['a WebP', () => rawInput(halves(64, 48)).webp().toBuffer(), 'photo.webp', 'image/webp'],
      ['a HEIC', async () => encodeHeic(halves(64, 48)), 'IMG_0002.HEIC', 'image/heic'],
      [
        'a HEIC the client calls application/octet-stream',
        async () => encodeHeic(halves(64, 48)),
        'blob',
        'application/octet-stream',
      ],
    ])('%s', async (_name, make, filename, contentType) => {
      const me = await newResident();
      const filesBefore = files();
      const res = await send(me.auth, await make(), filename, contentType);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(Number), url: `/api/uploads/${res.body.id}` });

      const stored = files().filter((f) => !filesBefore.includes(f));
      expect(stored).toEqual([expect.stringMatching(/^\d{4}\/\d{2}\/[0-9a-f]{32}\.jpg$/)]);
      const [row] = await t.app.get(DataSource).query('SELECT * FROM upload WHERE id = ?', [res.body.id]);
      expect(row).toMatchObject({
        ownerKind: 'resident',
        ownerId: me.resident.id,
        mime: 'image/jpeg',
        width: 64,
        height: 48,
        attachedTo: null,
        storageKey: stored[0],
      });

      const image = await fetch(me.auth, res.body.url);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect(image.headers['cache-control']).toContain('private');
      const meta = await sharp(image.body as Buffer).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
      expect(meta.exif).toBeUndefined();
      expect(Number(row.bytes)).toBe((image.body as Buffer).length);
    });
  });

  it('staff upload too, and any staff member may see a photo not attached to a ticket; a resident only their own', async () => {
    const tech = await signIn(t, 'tech1');
    const inspector = await signIn(t, 'inspector2');
    const me = await newResident();
    const other = await newResident();

    const staffPhoto = await send(tech.auth, await phoneJpeg(halves(48, 48)), 'site.jpg', 'image/jpeg');
    expect(staffPhoto.status).toBe(201);
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT ownerKind, ownerId FROM upload WHERE id = ?', [staffPhoto.body.id]);
    expect(row).toEqual({ ownerKind: 'staff', ownerId: tech.staff.id });
    const residentPhoto = (await send(me.auth, await phoneJpeg(halves(48, 48)), 'leak.jpg', 'image/jpeg')).body;

    expect((await fetch(tech.auth, staffPhoto.body.url)).status).toBe(200);
    expect((await fetch(inspector.auth, staffPhoto.body.url)).status).toBe(200);
    expect((await fetch(tech.auth, residentPhoto.url)).status).toBe(200);
    expect((await fetch(me.auth, residentPhoto.url)).status).toBe(200);

    for (const [who, url] of [
      [other.auth, residentPhoto.url],
      [me.auth, staffPhoto.body.url],
      [me.auth, '/api/uploads/99999999'],
      [me.auth, '/api/uploads/abc'],
    ]) {
      const res = await fetch(who, url);
      expect(res.status).toBe(404);
    }
    expect((await t.http().get(residentPhoto.url)).status).toBe(401);
    expect((await t.http().get(residentPhoto.url).set('Authorization', 'Bearer nonsense')).status).toBe(401);
  });

  describe('refuses, storing nothing', () => {
    it('a PDF (415)', async () => {
      const me = await newResident();
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await refusedStoringNothing(
        () => send(me.auth, pdf, 'bill.pdf', 'application/pdf'),
        415,
        ErrorCode.PhotoTypeNotAllowed,
      );
    });

    it('a text file (415)', async () => {
      const me = await newResident();
      await refusedStoringNothing(
        () => send(me.auth, Buffer.from('hello\n'.repeat(200)), 'notes.txt', 'text/plain'),
        415,
        ErrorCode.PhotoTypeNotAllowed,
      );
    });

    it('a fake photo: text named .jpg, sent as image/jpeg (422)', async () => {
      const me = await newResident();
      const fake = Buffer.from('I am a JPEG, honestly.\n'.repeat(100));
      await refusedStoringNothing(
        () => send(me.auth, fake, 'IMG_1234.jpg', 'image/jpeg'),
        422,
        ErrorCode.PhotoUnreadable,
      );
    });

    it('a JPEG header on junk (422)', async () => {
      const me = await newResident();
      const junk = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
      await refusedStoringNothing(
        () => send(me.auth, junk, 'broken.jpg', 'image/jpeg'),
        422,
        ErrorCode.PhotoUnreadable,
      );
    });

    it('an empty file (422)', async () => {
      const me = await newResident();
      await refusedStoringNothing(
        () => send(me.auth, Buffer.alloc(0), 'empty.jpg', 'image/jpeg'),
        422,
        ErrorCode.PhotoUnreadable,
      );
    });

    it(`a photo over UPLOAD_MAX_BYTES (413), and one of exactly that many bytes is taken`, async () => {
      const me = await newResident();
      // Noise does not compress: a PNG of it is far over the limit.
      const noise = randomBytes(200 * 200 * 3);
      const big = await sharp(noise, { raw: { width: 200, height: 200, channels: 3 } })
        .png()
        .toBuffer();
      expect(big.length).toBeGreaterThan(MAX_BYTES);
      await refusedStoringNothing(() => send(me.auth, big, 'big.png', 'image/png'), 413, ErrorCode.PhotoTooLarge);
      // A body far over the limit is refused too, not buffered.
      const huge = Buffer.concat([big, Buffer.alloc(8 * 1024 * 1024, 1)]);
      await refusedStoringNothing(() => send(me.auth, huge, 'huge.png', 'image/png'), 413, ErrorCode.PhotoTooLarge);

      const jpeg = await rawInput(halves(32, 32)).jpeg().toBuffer();
      // JPEG readers ignore what follows the end-of-image marker: pad it to the limit exactly.
      const exact = Buffer.concat([jpeg, Buffer.alloc(MAX_BYTES - jpeg.length)]);
      expect((await send(me.auth, exact, 'exact.jpg', 'image/jpeg')).status).toBe(201);
    });

    it('a request with no file, the file in another field, or JSON (400)', async () => {
      const me = await newResident();
      const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();
      await refusedStoringNothing(
        () => t.http().post('/api/uploads').set('Authorization', me.auth).field('note', 'hi'),
        400,
        ErrorCode.ValidationFailed,
      );
      await refusedStoringNothing(
        () =>
          t
            .http()
            .post('/api/uploads')
            .set('Authorization', me.auth)
            .attach('photo', photo, { filename: 'a.jpg', contentType: 'image/jpeg' }),
        400,
        ErrorCode.ValidationFailed,
      );
      await refusedStoringNothing(
        () => t.http().post('/api/uploads').set('Authorization', me.auth).send({ file: 'x' }),
        400,
        ErrorCode.ValidationFailed,
      );
    });

    it('without a valid token (401)', async () => {
      const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();
      await refusedStoringNothing(
        () => t.http().post('/api/uploads').attach('file', photo, { filename: 'a.jpg', contentType: 'image/jpeg' }),
        401,
        ErrorCode.Unauthenticated,
      );
    });

    it(`more than ${HOURLY_LIMIT} unattached photos in an hour (429); attached ones and older ones do not count`, async () => {
      const me = await newResident();
      const owner: UploadOwner = { kind: 'resident', id: me.resident.id };
      const ids = await uploadMany(me.auth, HOURLY_LIMIT);
      const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();
      await refusedStoringNothing(() => send(me.auth, photo, 'one-more.jpg', 'image/jpeg'), 429, ErrorCode.RateLimited);
      // Another person is not limited by it.
      expect((await send((await newResident()).auth, photo, 'a.jpg', 'image/jpeg')).status).toBe(201);

      await claim(ids.slice(0, 2), owner, 'ticket:900001');
      expect((await send(me.auth, photo, 'b.jpg', 'image/jpeg')).status).toBe(201);
      expect((await send(me.auth, photo, 'c.jpg', 'image/jpeg')).status).toBe(201);
      await refusedStoringNothing(() => send(me.auth, photo, 'd.jpg', 'image/jpeg'), 429, ErrorCode.RateLimited);

      t.setNow(new Date(Date.now() + 61 * 60_000));
      expect((await send(me.auth, photo, 'e.jpg', 'image/jpeg')).status).toBe(201);
    });
  });

  describe('claim (what tickets and readings call to attach photos)', () => {
    it("attaches up to six of the owner's photos; a seventh is refused, and a refusal attaches none", async () => {
      const me = await newResident();
      const owner: UploadOwner = { kind: 'resident', id: me.resident.id };
      const ids = await uploadMany(me.auth, 7);

      await expect(claim(ids, owner, 'ticket:42')).rejects.toMatchObject({ code: ErrorCode.TooManyPhotos });
      expect(await attachments(ids)).toEqual(Array(7).fill(null));

      expect((await claim(ids.slice(0, 6), owner, 'ticket:42')).map((u) => u.id)).toEqual(ids.slice(0, 6));
      expect(await attachments(ids)).toEqual([...Array(6).fill('ticket:42'), null]);
      // The seventh, later, to the same ticket.
      await expect(claim([ids[6]], owner, 'ticket:42')).rejects.toMatchObject({
        code: ErrorCode.TooManyPhotos,
        status: 422,
      });
      expect(await attachments([ids[6]])).toEqual([null]);
      // A retried request claiming the same photos again is fine.
      expect(await claim(ids.slice(0, 6), owner, 'ticket:42')).toHaveLength(6);
      // Attached elsewhere: not available.
      await expect(claim([ids[0]], owner, 'ticket:43')).rejects.toMatchObject({
        code: ErrorCode.PhotoNotFound,
        status: 422,
      });
      expect(await claim([ids[6]], owner, 'reading:7', 1)).toHaveLength(1);
      expect(await attachments(ids)).toEqual([...Array(6).fill('ticket:42'), 'reading:7']);
      expect((await t.app.get(UploadsService).listAttached('ticket:42')).map((u) => u.id)).toEqual(ids.slice(0, 6));
    });

    it("refuses another owner's photo, or an unknown id, and attaches none of the batch", async () => {
      const me = await newResident();
      const other = await newResident();
      const tech = await signIn(t, 'tech1');
      const [mine] = await uploadMany(me.auth, 1);
      const [theirs] = await uploadMany(other.auth, 1);
      const [staffs] = await uploadMany(tech.auth, 1);
      const owner: UploadOwner = { kind: 'resident', id: me.resident.id };

      for (const ids of [
        [mine, theirs],
        [mine, staffs],
        [mine, 99999999],
      ]) {
        await expect(claim(ids, owner, 'ticket:77')).rejects.toMatchObject({
          code: ErrorCode.PhotoNotFound,
          status: 422,
        });
      }
      // A staff member with the resident's id is someone else.
      await expect(claim([mine], { kind: 'staff', id: me.resident.id }, 'ticket:77')).rejects.toMatchObject({
        code: ErrorCode.PhotoNotFound,
      });
      expect(await attachments([mine, theirs, staffs])).toEqual([null, null, null]);
    });
  });

  it('the sweep deletes photos never attached, file and row, once UPLOAD_ORPHAN_HOURS have passed', async () => {
    const me = await newResident();
    const [kept, orphan] = await uploadMany(me.auth, 2);
    await claim([kept], { kind: 'resident', id: me.resident.id }, 'ticket:500');
    const [{ storageKey }] = await t.app.get(DataSource).query('SELECT storageKey FROM upload WHERE id = ?', [orphan]);
    expect(files()).toContain(storageKey);

    t.setNow(new Date(Date.now() + 23 * 3600_000));
    await t.app.get(UploadSweeper).sweep();
    expect(await countRows(t, 'upload', { id: orphan })).toBe(1);

    t.setNow(new Date(Date.now() + 25 * 3600_000));
    await t.app.get(UploadSweeper).sweep();
    expect(await countRows(t, 'upload', { id: orphan })).toBe(0);
    expect(files()).not.toContain(storageKey);
    expect(await countRows(t, 'upload', { id: kept })).toBe(1);
    expect((await fetch(me.auth, `/api/uploads/${kept}`)).status).toBe(200);
  });
});
