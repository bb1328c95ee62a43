import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './server-process';

/**
 * A small real JPEG (a plain colour square), made with the server's own `sharp` (resolved as the
 * server resolves it: the test workspace does not depend on it).
 */
export async function smallJpeg(colour = '#4a7bd0', size = 64): Promise<Buffer> {
  const sharp = createRequire(join(REPO_ROOT, 'server/package.json'))('sharp');
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/**
 * Taps a photo tile (`PhotoGrid`'s add cell): in H5, Taro's chooseMedia/chooseImage clicks a
 * hidden `<input type=file>`, which playwright answers as a file chooser with `photo`. Resolves
 * once the server has answered the upload (`POST /api/uploads`) with its id.
 */
export async function addPhoto(page: Page, tile: Locator, photo: Buffer, name = 'photo.jpg'): Promise<{ id: number }> {
  const chooser = page.waitForEvent('filechooser');
  await tile.click();
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.request().method() === 'POST');
  await (await chooser).setFiles({ name, mimeType: 'image/jpeg', buffer: photo });
  const response = await uploaded;
  if (!response.ok()) throw new Error(`upload ${name}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: number };
}
