import { ErrorCode } from '@utility/shared';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { countRows, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { halves, rawInput } from '../testing/photo-fixtures';
import { UploadsService } from './uploads.service';

const HOURLY_LIMIT = 60;
const MAX_BYTES = 10 * 1024 * 1024;

/** Uploads as an attacker sends them: in parallel, oversized, more than the server can decode at once. */
describe('photo uploads under attack', () => {
  let t: TestApp;
  let dir: string;
  let identities = 0;
  const newResident = async () => residentLogin(t, `attacker-${++identities}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-uploads-attack-'));
    t = await startTestApp({
      UPLOADS_DIR: dir,
      UPLOAD_MAX_BYTES: String(MAX_BYTES),
      UPLOAD_HOURLY_LIMIT: String(HOURLY_LIMIT),
      // Every one of the 100 parallel uploads may wait for decoding: the cap, not the queue, is under test.
      UPLOAD_QUEUE_LENGTH: '100',
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (auth: string, bytes: Buffer, filename = 'p.jpg') =>
    t
      .http()
      .post('/api/uploads')
      .set('Authorization', auth)
      .attach('file', bytes, { filename, contentType: 'image/jpeg' });
  /** This process's upload files being received or waiting to be decoded. */
  const pendingFiles = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`utility-upload-${process.pid}-`));

  it(`100 parallel uploads from one resident against a cap of ${HOURLY_LIMIT}: exactly ${HOURLY_LIMIT} stored, the rest 429`, async () => {
    const me = await newResident();
    const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();

    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => send(me.auth, photo, `p${i}.jpg`)));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(HOURLY_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - HOURLY_LIMIT);
    for (const refused of answers.filter((a) => a.status === 429))
      expect(refused.body).toMatchObject({ code: ErrorCode.RateLimited });
    expect(await countRows(t, 'upload', { ownerKind: 'resident', ownerId: me.resident.id })).toBe(HOURLY_LIMIT);
    expect(pendingFiles()).toEqual([]);
  });

  // Memory under 16 parallel 9 MB photos is measured on the server process alone: test/faults/upload-memory.fault.spec.ts.
  it('an oversized upload is refused with 413 while it streams: nothing stored, no partial file left', async () => {
    const me = await newResident();
    const rowsBefore = await countRows(t, 'upload');
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(MAX_BYTES + 4096)]);

    const res = await send(me.auth, huge);

    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: ErrorCode.PhotoTooLarge });
    expect(await countRows(t, 'upload')).toBe(rowsBefore);
    expect(pendingFiles()).toEqual([]);
  });

  it('with every decoding and queue place taken, an upload is refused 503 PHOTO_QUEUE_FULL with Retry-After, storing nothing', async () => {
    const service = t.app.get(UploadsService);
    const me = await newResident();
    const photo = await rawInput(halves(32, 32)).jpeg().toBuffer();
    const queue = service as unknown as {
      queueLength: number;
      throttled: (work: () => Promise<unknown>) => Promise<unknown>;
    };
    const queueLength = queue.queueLength;
    queue.queueLength = 0;
    const releases: (() => void)[] = [];
    // Two long decodes hold both places.
    const holding = [0, 1].map(() => queue.throttled(() => new Promise<void>((resolve) => releases.push(resolve))));
    try {
      const rowsBefore = await countRows(t, 'upload');
      const res = await send(me.auth, photo);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: ErrorCode.PhotoQueueFull, message: '照片处理繁忙，请稍后再试' });
      expect(res.headers['retry-after']).toBe('5');
      expect(await countRows(t, 'upload')).toBe(rowsBefore);
      expect(pendingFiles()).toEqual([]);
    } finally {
      releases.forEach((release) => release());
      await Promise.all(holding);
      queue.queueLength = queueLength;
    }
    // Once a place is free again, the same upload is taken.
    expect((await send(me.auth, photo)).status).toBe(201);
  });

  it('a stored photo is sealed with the data key on disk; the API serves it decrypted to its owner only', async () => {
    const me = await newResident();
    const other = await newResident();
    const res = await send(me.auth, await rawInput(halves(48, 32)).jpeg().toBuffer(), 'id-card.jpg');
    expect(res.status).toBe(201);
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT storageKey, sha256 FROM upload WHERE id = ?', [res.body.id]);

    const onDisk = readFileSync(join(dir, row.storageKey));
    expect(onDisk.subarray(0, 4).toString()).toBe('UPE1');
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    await expect(sharp(onDisk).metadata()).rejects.toThrow();

    const served = await t.http().get(res.body.url).set('Authorization', me.auth).responseType('blob');
    expect(served.status).toBe(200);
    expect(
      createHash('sha256')
        .update(served.body as Buffer)
        .digest('hex'),
    ).toBe(row.sha256);
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ format: 'jpeg', width: 48, height: 32 });
    expect((await t.http().get(res.body.url).set('Authorization', other.auth)).status).toBe(404);
  });
});
