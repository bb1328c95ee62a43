import { Page } from 'playwright-core';
import { currentPage } from './browser';
import { smallJpeg } from './photos';
import { api } from './server-process';

/** The resident's signature drawn on the technician's phone, uploaded with the technician's token. */
export async function uploadSignature(base: string, token: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await smallJpeg('#222222', 48))], { type: 'image/jpeg' }), 'sign.jpg');
  const res = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`signature upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/**
 * A field job the assignee (`token`) has claimed: on the way and on site by transitions, then
 * resolved as the technician's phone does (docs/domain.md#charges) — free work, the resident's
 * signature. The generic transition cannot resolve a field job (409 FIELD_JOB_RESULT_REQUIRED).
 */
export async function workToResolved(base: string, token: string, id: number, diagnosis = '故障已排除'): Promise<void> {
  for (const to of ['en_route', 'on_site']) {
    const moved = await api(base, 'POST', `/api/tickets/${id}/transition`, token, { to });
    if (moved.status !== 200) throw new Error(`${to}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  const resolved = await api(base, 'POST', `/api/field/jobs/${id}/resolve`, token, {
    diagnosis,
    work: '现场处理完毕，试运行正常',
    chargeable: false,
    confirmation: { kind: 'signature', photoId: await uploadSignature(base, token) },
  });
  if (resolved.status !== 200) throw new Error(`resolve: ${resolved.status} ${JSON.stringify(resolved.body)}`);
}

/** A few strokes on a signature canvas with the mouse (pointer events, as a finger would). */
export async function drawSignature(page: Page, canvasSelector: string): Promise<void> {
  const canvas = currentPage(page).locator(canvasSelector);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}
