import { FieldJobView, ResidentTicketView, TicketDetailView } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EAST_HEAT_ACCOUNT, Staff, login, signIn } from '../testing/api-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { Resident, bindAccount, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * docs/domain.md#photos: the resident's photos and the technician's before/after photos and signature
 * reach everyone who may see the ticket, and nobody else (404, as for an unknown photo).
 */
describe("a ticket's photos: listed where the ticket is seen, readable in its scope", () => {
  let t: TestApp;
  let dir: string;
  let tech1: Staff;
  let alice: Resident;
  let bob: Resident;
  let mallory: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-photos-'));
    t = await startTestApp({ UPLOADS_DIR: dir, UPLOAD_HOURLY_LIMIT: '500' });
    [tech1, alice, bob, mallory] = await Promise.all([
      signIn(t, 'tech1'),
      residentLogin(t, 'photos-alice'),
      residentLogin(t, 'photos-bob'),
      residentLogin(t, 'photos-mallory'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function photos(auth: string, n: number): Promise<number[]> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t
        .http()
        .post('/api/uploads')
        .set('Authorization', auth)
        .attach('file', jpeg, { filename: `p${i}.jpg`, contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return ids;
  }
  const status = async (auth: string, id: number) =>
    (await t.http().get(`/api/uploads/${id}`).set('Authorization', auth)).status;
  const field = (id: number, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/field/jobs/${id}/${action}`).set('Authorization', tech1.auth).send(body).expect(200);

  it('from the report to the resolution: who sees which photo', async () => {
    const [leakPhoto] = await photos(alice.auth, 1);
    const report = await t
      .http()
      .post('/api/repairs')
      .set('Authorization', alice.auth)
      .send({
        accountId,
        category: 'no_gas',
        description: '灶具打不着火',
        photoIds: [leakPhoto],
        contactPhone: '13712345678',
      })
      .expect(201);
    const id: number = report.body.id;
    await t
      .http()
      .post(`/api/tickets/${id}/assign`)
      .set('Authorization', await login(t, 'dispatcher1'))
      .send({ staffId: tech1.staff.id })
      .expect(200);

    // The dispatcher's ticket page and the technician's job list show the resident's photo.
    const ticket: TicketDetailView = (
      await t
        .http()
        .get(`/api/tickets/${id}`)
        .set('Authorization', await login(t, 'dispatcher1'))
        .expect(200)
    ).body;
    expect(ticket.photos).toEqual([
      { id: leakPhoto, kind: 'resident', url: `/api/uploads/${leakPhoto}`, takenAt: expect.any(String) },
    ]);
    const jobs: FieldJobView[] = (await t.http().get('/api/field/jobs').set('Authorization', tech1.auth).expect(200))
      .body;
    expect(jobs.find((j) => j.id === id)?.photos.map((p) => [p.id, p.kind])).toEqual([[leakPhoto, 'resident']]);

    // Readable by whoever may read the ticket; a west technician, a west supervisor and an inspector get 404.
    for (const who of ['tech1', 'dispatcher1', 'supervisor1', 'admin'])
      expect([who, await status(await login(t, who), leakPhoto)]).toEqual([who, 200]);
    for (const who of ['tech3', 'supervisor2', 'inspector1', 'agent1'])
      expect([who, await status(await login(t, who), leakPhoto)]).toEqual([who, 404]);
    expect(await status(alice.auth, leakPhoto)).toBe(200);
    expect(await status(bob.auth, leakPhoto)).toBe(404);

    // The technician resolves with before/after photos and the signed work order.
    const [before, after, signature] = await photos(tech1.auth, 3);
    await field(id, 'accept');
    await field(id, 'depart', { etaMinutes: 20 });
    await field(id, 'arrive');
    // The charge is a quote the resident accepted before the work (docs/domain.md#charges).
    const { body: quoted } = await field(id, 'quote', { items: [{ code: 'stove-thermocouple', qty: 1 }] });
    await t
      .http()
      .post(`/api/my/tickets/${id}/quote/accept`)
      .set('Authorization', alice.auth)
      .send({ quoteId: quoted.quote.id })
      .expect(200);
    await field(id, 'resolve', {
      diagnosis: '灶具电池没电，点火针积碳',
      work: '更换电池，清理点火针',
      parts: [{ name: '1号电池', qty: 2 }],
      photoIdsBefore: [before],
      photoIdsAfter: [after],
      chargeable: true,
      confirmation: { kind: 'signature', photoId: signature },
    });
    const resolved: TicketDetailView = (
      await t
        .http()
        .get(`/api/tickets/${id}`)
        .set('Authorization', await login(t, 'dispatcher1'))
        .expect(200)
    ).body;
    expect(resolved.photos.map((p) => [p.id, p.kind])).toEqual([
      [leakPhoto, 'resident'],
      [before, 'before'],
      [after, 'after'],
      [signature, 'signature'],
    ]);
    for (const photo of [before, after, signature]) {
      expect(await status(await login(t, 'dispatcher1'), photo)).toBe(200);
      expect(await status(await login(t, 'tech3'), photo)).toBe(404);
    }

    // The resident's request page: their photo, the after-photo and the work done.
    const mine: ResidentTicketView = await myTicket(t, alice, id);
    expect(mine.photos?.map((p) => [p.id, p.kind])).toEqual([
      [leakPhoto, 'resident'],
      [after, 'after'],
    ]);
    expect(mine.work).toEqual({
      cause: '灶具电池没电，点火针积碳',
      measures: '更换电池，清理点火针',
      parts: [{ name: '1号电池', qty: 2 }],
      chargeable: true,
      chargeFen: 3500,
      resolvedAt: expect.any(String),
    });
    expect(await status(alice.auth, after)).toBe(200);
    expect([await status(alice.auth, before), await status(alice.auth, signature)]).toEqual([404, 404]);
    // Another resident of the household sees the after-photo, not Alice's own; a stranger sees nothing.
    expect((await myTicket(t, bob, id)).photos?.map((p) => p.id)).toEqual([after]);
    expect(await status(bob.auth, after)).toBe(200);
    expect(await status(mallory.auth, after)).toBe(404);
  });
});
