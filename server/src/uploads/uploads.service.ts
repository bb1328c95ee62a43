import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { isSealed, openSealedBytes, sealBytes } from '../common/field-cipher';
import { DeclaredFile, PhotoLimits, processPhoto, receivePhoto } from './photo-processing';
import { PHOTO_STORAGE, PhotoStorage } from './photo-storage';
import { UploadAllowance } from './upload-allowance.entity';
import { Upload, UploadOwnerKind } from './upload.entity';

/** Photos one ticket, reading, … may carry. */
export const MAX_PHOTOS = 6;
/** Photos decoded at once by this process: each can take a few hundred MB while it is. */
const MAX_PARALLEL_PROCESSING = 2;
/** Seconds a client is told to wait when every decoding place and queue place is taken. */
const BUSY_RETRY_AFTER_SECONDS = 5;
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
const busy = () =>
  new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    ErrorCode.PhotoQueueFull,
    undefined,
    undefined,
    BUSY_RETRY_AFTER_SECONDS,
  );

/** Photos: taking them in (checked, re-encoded, stored), serving them, and attaching them to what uses them. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  private readonly limits: PhotoLimits;
  private readonly hourlyLimit: number;
  private readonly queueLength: number;
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
    this.queueLength = config.UPLOAD_QUEUE_LENGTH;
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  /** Refuses (429) an owner who already has the hour's allowance of photos not attached to anything. */
  async checkRate(owner: UploadOwner): Promise<void> {
    const em = this.db.manager;
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
   * Receives (to a temporary file, the size limit counted while reading), checks and re-encodes one
   * uploaded file, then stores it sealed with the data key. Every refusal happens before anything is
   * stored, and a failure while storing undoes the row: nothing is left behind.
   */
  async create(owner: UploadOwner, file: AsyncIterable<Buffer>, declared: DeclaredFile): Promise<Upload> {
    // Before reading a byte of it: an owner over the allowance costs no decoding.
    await this.checkRate(owner);
    const received = await receivePhoto(
      file,
      declared,
      this.limits.maxBytes,
      join(tmpdir(), `utility-upload-${process.pid}-${randomBytes(8).toString('hex')}`),
    );
    let photo;
    try {
      photo = await this.throttled(() => processPhoto(received, this.limits, declared));
    } finally {
      await rm(received.path, { force: true });
    }
    const now = this.clock.now();
    const storageKey = `${now.toISOString().slice(0, 7).replace('-', '/')}/${randomBytes(16).toString('hex')}.jpg`;
    await this.ensureAllowance(owner);
    // Counted again next to the insert, with the owner's allowance row locked: parallel uploads all passed
    // the first check, and take their turn here, so no more than the allowance is ever stored.
    const upload = await this.db.transaction(async (em) => {
      await this.lockAllowance(owner);
      await this.checkRate(owner);
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
      await this.storage.put(storageKey, sealBytes(photo.bytes), photo.mime);
    } catch (error) {
      await this.uploads.delete({ id: upload.id });
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
    return upload;
  }

  /** Makes the owner's allowance row on first use, on its own (inside the transaction, parallel inserts deadlock). */
  private async ensureAllowance(owner: UploadOwner): Promise<void> {
    await this.uploads.manager
      .createQueryBuilder()
      .insert()
      .into(UploadAllowance)
      .values({ ownerKind: owner.kind, ownerId: owner.id, stored: 0 })
      .orIgnore()
      .execute();
  }

  /** Takes the owner's allowance row for the rest of the transaction: the next upload of this owner waits for it. */
  private async lockAllowance(owner: UploadOwner): Promise<void> {
    const em = this.db.manager;
    const { affected } = await em
      .createQueryBuilder()
      .update(UploadAllowance)
      .set({ stored: () => 'stored + 1' })
      .where({ ownerKind: owner.kind, ownerId: owner.id })
      .execute();
    if (affected === 0) throw new Error(`upload allowance row missing for ${owner.kind} ${owner.id}`);
  }

  /** A photo's record; 404 when there is none (callers decide who may read it: uploads-api's PhotoAccess). */
  async find(id: number): Promise<Upload> {
    const upload = await this.uploads.findOneBy({ id });
    if (!upload) throw notFound();
    return upload;
  }

  /** A photo's bytes as uploaded (re-encoded), decrypted; 404 when the storage has lost them. */
  async bytesOf(upload: Upload): Promise<Buffer> {
    const stored = await this.storage.get(upload.storageKey);
    if (!stored) throw notFound();
    // Photos stored before sealing was introduced are read as they are.
    return isSealed(stored) ? openSealedBytes(stored) : stored;
  }

  /**
   * Attaches the owner's uploads to `attachTo` (e.g. `ticket:42`) in the caller's transaction.
   * Every id must exist, be the owner's and not be attached elsewhere (422 PHOTO_NOT_FOUND — the
   * same for another owner's, so ids cannot be probed); with those already attached there, at most
   * `max` photos (422 TOO_MANY_PHOTOS). Claiming a photo already attached to the same target again
   * is a no-op, so a retried request succeeds. Returns the uploads in the order of `ids`.
   */
  async claim(ids: number[], owner: UploadOwner, attachTo: string, max = MAX_PHOTOS): Promise<Upload[]> {
    const em = this.db.manager;
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

  /** The photos attached to any of `targets` (e.g. `ticket:42`, `repair_after:7`), oldest first. */
  listAttachedToAny(targets: string[]): Promise<Upload[]> {
    return targets.length
      ? this.uploads.find({ where: { attachedTo: In([...new Set(targets)]) }, order: { id: 'ASC' } })
      : Promise.resolve([]);
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

  /**
   * Decoding is memory-hungry (a 50-megapixel photo is 200 MB of pixels): a few at a time, a bounded
   * number waiting (their files on disk, not in memory); beyond that, 503 with Retry-After.
   */
  private async throttled<T>(work: () => Promise<T>): Promise<T> {
    if (this.processing >= MAX_PARALLEL_PROCESSING) {
      if (this.waiting.length >= this.queueLength) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.processing++;
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
