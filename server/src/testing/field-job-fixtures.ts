import { FieldJobView, TicketType } from '@utility/shared';
import { getTicket } from './api-fixtures';
import { halves, rawInput } from './photo-fixtures';
import { TestApp } from './test-app';

async function expectOk<T>(res: { status: number; body: T }, what: string, status = 200): Promise<T> {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The resident's signature drawn on the technician's phone, uploaded by the technician. */
export async function signaturePhoto(t: TestApp, auth: string): Promise<number> {
  const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
  const res = await t
    .http()
    .post('/api/uploads')
    .set('Authorization', auth)
    .attach('file', jpeg, { filename: 'signature.jpg', contentType: 'image/jpeg' });
  return (await expectOk(res, 'upload the signature', 201)).id as number;
}

/**
 * Resolves a field job on site the way the technician does (docs/domain.md#charges): free work,
 * recorded with the resident's signature on the technician's phone; a room-temperature job first
 * gets a signed reading. The generic transition cannot resolve a field job
 * (409 FIELD_JOB_RESULT_REQUIRED). `diagnosis` is the resolution's note on the timeline.
 */
export async function resolveFieldJob(
  t: TestApp,
  auth: string,
  id: number,
  diagnosis = '故障已排除',
): Promise<FieldJobView> {
  const field = (action: string, body: Record<string, unknown>) =>
    t.http().post(`/api/field/jobs/${id}/${action}`).set('Authorization', auth).send(body);
  if ((await getTicket(t, auth, id)).type === TicketType.RoomTemperature) {
    const reading = { celsius: 19.5, measuredAt: t.currentTime().toISOString() };
    const signed = { ...reading, signaturePhotoId: await signaturePhoto(t, auth) };
    await expectOk(await field('temperature', signed), 'record the room temperature', 201);
  }
  const photoId = await signaturePhoto(t, auth);
  const res = await field('resolve', {
    diagnosis,
    work: '现场处理完毕，试运行正常',
    chargeable: false,
    confirmation: { kind: 'signature', photoId },
  });
  return expectOk(res, 'resolve the field job');
}
