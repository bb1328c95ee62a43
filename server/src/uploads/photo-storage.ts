import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppConfig } from '../common/config';

/**
 * Where photo bytes live. The database keeps only the key.
 *
 * The default is `LocalPhotoStorage` (a directory). To keep photos in object storage instead
 * (Aliyun OSS, Tencent COS, S3, MinIO…), write a class implementing this interface with the
 * vendor's SDK — `put` = PutObject with `Content-Type: mime`, `get` = GetObject (null on
 * NoSuchKey / 404), `delete` = DeleteObject (no error when already gone) — and bind it to
 * `PHOTO_STORAGE` in `uploads.module.ts` in place of the `LocalPhotoStorage` factory, reading
 * its bucket and credentials from config. Keep the bucket private: photos are served only
 * through `GET /api/uploads/:id`, which checks who is asking.
 */
export interface PhotoStorage {
  /** Stores the bytes under the key; when it resolves, `get(key)` returns them. */
  put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Injection token for the PhotoStorage the app uses. */
export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** Keys are made by UploadsService; anything else (`..`, absolute paths) never reaches the disk. */
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.(jpg|webp)$/;

/** Photos as files under one directory, `<root>/<yyyy>/<mm>/<random>.jpg`. */
export class LocalPhotoStorage implements PhotoStorage {
  constructor(readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside then renamed, so a crash never leaves half a photo under the real key.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid photo storage key: ${JSON.stringify(key)}`);
    return join(this.root, key);
  }
}

/**
 * The directory for LocalPhotoStorage: UPLOADS_DIR (relative to the repository), else `uploads/`
 * beside the SQLite file, else `<repo>/data/uploads`.
 */
export function uploadsDir(config: Pick<AppConfig, 'UPLOADS_DIR' | 'DATABASE_URL' | 'repoRoot'>): string {
  if (config.UPLOADS_DIR) return resolve(config.repoRoot, config.UPLOADS_DIR);
  if (config.DATABASE_URL.startsWith('sqlite:')) {
    const file = config.DATABASE_URL.slice('sqlite:'.length);
    if (file !== ':memory:') return join(dirname(isAbsolute(file) ? file : resolve(config.repoRoot, file)), 'uploads');
  }
  return resolve(config.repoRoot, 'data/uploads');
}
