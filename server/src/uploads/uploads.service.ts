import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { EntityManager, In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { DeclaredFile, PhotoLimits, processPhoto, readPhoto } from './photo-processing';
import { PHOTO_STORAGE, PhotoStorage } from './photo-storage';
import { Upload, UploadOwnerKind } from './upload.entity';

/** Photos one ticket, reading, … may carry. */
export const MAX_PHOTOS = 6;
/** Photos decoded at once by this process: each can take a few hundred MB while it is. */
const MAX_PARALLEL_PROCESSING = 2;
const HOUR_MS = 3600_000;
/** `ticket:42`, `reading:7`, `repair_visit:3`… */
const ATTACH_TO = /^[a-z][a-z_]{0,28}:[1-9]\d{0,9}$/;

/** Who uploaded a photo: a resident or a staff member, by id. */
export interface UploadOwner {
  kind: UploadOwnerKind;
  id: number;
}

/** A photo as the API shows it. */
export interface UploadView {
  id: number;
  url: string;
}

export const mapUpload = (upload: Upload): UploadView => ({ id: upload.id, url: `/api/uploads/${upload.id}` });

const tooFrequent = () =>
  new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, '上传照片过于频繁，请稍后再试');
const photoNotFound = () => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PhotoNotFound);

/** Photos: taking them in (checked, re-encoded, stored), serving them, and attaching them to what uses them. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  private readonly limits: PhotoLimits;
  private readonly hourlyLimit: number;
  private processing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    @InjectRepository(Upload) private readonly uploads: Repository<Upload>,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.limits = { maxBytes: config.UPLOAD_MAX_BYTES, maxPixels: config.UPLOAD_MAX_PIXELS };
    this.hourlyLimit = config.UPLOAD_HOURLY_LIMIT;
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  /** Refuses (429) an owner who already has the hour's allowance of photos not attached to anything. */
  async checkRate(owner: UploadOwner, em: EntityManager = this.uploads.manager): Promise<void> {
    const since = new Date(this.clock.now().getTime() - HOUR_MS);
    const recent = await em.countBy(Upload, {
      ownerKind: owner.kind,
      ownerId: owner.id,
      attachedTo: IsNull(),
      createdAt: MoreThan(since),
    });
    if (recent >= this.hourlyLimit) throw tooFrequent();
  }

  /**
   * Reads, checks and re-encodes one uploaded file, then stores it. Every refusal happens before
   * anything is written, and a failure while storing undoes the row: nothing is left behind.
   */
  async create(owner: UploadOwner, file: AsyncIterable<Buffer>, declared: DeclaredFile): Promise<Upload> {
    // Before reading a byte of it: an owner over the allowance costs no decoding.
    await this.checkRate(owner);
    const input = await readPhoto(file, declared, this.limits.maxBytes);
    const photo = await this.throttled(() => processPhoto(input, this.limits, declared));
    const now = this.clock.now();
    const storageKey = `${now.toISOString().slice(0, 7).replace('-', '/')}/${randomBytes(16).toString('hex')}.jpg`;
    // Checked again next to the insert: parallel uploads all passed the first check.
    const upload = await this.db.transaction(async (em) => {
      await this.checkRate(owner, em);
      return em.save(
        em.create(Upload, {
          ownerKind: owner.kind,
          ownerId: owner.id,
          storageKey,
          mime: photo.mime,
          bytes: photo.bytes.length,
          width: photo.width,
          height: photo.height,
          sha256: photo.sha256,
          createdAt: now,
          attachedTo: null,
        }),
      );
    });
    // The row first: a crash before the bytes are stored leaves a row the orphan sweep removes,
    // never a file no row points to.
    try {
      await this.storage.put(storageKey, photo.bytes, photo.mime);
    } catch (error) {
      await this.uploads.delete({ id: upload.id });
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
    return upload;
  }

  /** A photo and its bytes, for its owner or any staff member; anyone else gets 404, as for an unknown id. */
  async read(id: number, viewer: UploadOwner): Promise<{ upload: Upload; bytes: Buffer }> {
    const upload = await this.uploads.findOneBy({ id });
    if (!upload) throw notFound();
    const isOwner = upload.ownerKind === viewer.kind && upload.ownerId === viewer.id;
    if (!isOwner && viewer.kind !== 'staff') throw notFound();
    const bytes = await this.storage.get(upload.storageKey);
    if (!bytes) throw notFound();
    return { upload, bytes };
  }

  /**
   * Attaches the owner's uploads to `attachTo` (e.g. `ticket:42`) in the caller's transaction.
   * Every id must exist, be the owner's and not be attached elsewhere (422 PHOTO_NOT_FOUND — the
   * same for another owner's, so ids cannot be probed); with those already attached there, at most
   * `max` photos (422 TOO_MANY_PHOTOS). Claiming a photo already attached to the same target again
   * is a no-op, so a retried request succeeds. Returns the uploads in the order of `ids`.
   */
  async claim(
    em: EntityManager,
    ids: number[],
    owner: UploadOwner,
    attachTo: string,
    max = MAX_PHOTOS,
  ): Promise<Upload[]> {
    if (!ATTACH_TO.test(attachTo)) throw new Error(`claim: invalid attachTo ${JSON.stringify(attachTo)}`);
    const unique = [...new Set(ids)];
    if (unique.length > max) throw tooManyPhotos(max);
    if (!unique.length) return [];
    // Row locks so that two requests cannot claim one photo (SQLite's transactions are already serialized by Db).
    const rows = await em.find(Upload, {
      where: { id: In(unique) },
      ...(this.db.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
    });
    const usable = rows.filter(
      (u) =>
        u.ownerKind === owner.kind && u.ownerId === owner.id && (u.attachedTo === null || u.attachedTo === attachTo),
    );
    if (usable.length !== unique.length) throw photoNotFound();
    const adding = usable.filter((u) => u.attachedTo === null);
    if (!adding.length) return unique.map((id) => usable.find((u) => u.id === id)!);
    const already = await em.countBy(Upload, { attachedTo: attachTo });
    if (already + adding.length > max) throw tooManyPhotos(max);
    await em.update(Upload, { id: In(adding.map((u) => u.id)), attachedTo: IsNull() }, { attachedTo: attachTo });
    for (const u of adding) u.attachedTo = attachTo;
    return unique.map((id) => usable.find((u) => u.id === id)!);
  }

  /** The photos attached to something, oldest first. */
  listAttached(attachTo: string): Promise<Upload[]> {
    return this.uploads.find({ where: { attachedTo: attachTo }, order: { id: 'ASC' } });
  }

  /** Deletes photos never attached to anything that were uploaded before `before`; returns how many. */
  async purgeUnattached(before: Date, batch = 200): Promise<number> {
    const stale = await this.uploads.find({
      where: { attachedTo: IsNull(), createdAt: LessThan(before) },
      order: { id: 'ASC' },
      take: batch,
    });
    let purged = 0;
    for (const upload of stale) {
      // Conditional, so a photo claimed since it was read is kept.
      const { affected } = await this.db.transaction((em) =>
        em.delete(Upload, { id: upload.id, attachedTo: IsNull() }),
      );
      if (!affected) continue;
      purged++;
      await this.storage
        .delete(upload.storageKey)
        .catch((error: Error) =>
          this.logger.warn(`photo ${upload.storageKey} not deleted from storage: ${error.message}`),
        );
    }
    return purged;
  }

  /** Decoding is memory-hungry (a 50-megapixel photo is 200 MB of pixels): a few at a time, the rest wait. */
  private async throttled<T>(work: () => Promise<T>): Promise<T> {
    if (this.processing >= MAX_PARALLEL_PROCESSING) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.processing++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.processing--;
    }
  }
}

function tooManyPhotos(max: number): AppError {
  return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.TooManyPhotos, `最多可上传${max}张照片`);
}
