import { TicketDetailView } from '@utility/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EAST_HALL_ACCOUNT, login } from '../testing/api-fixtures';
import { MONDAY, createPlan, districtOf, slotsOf } from '../testing/inspection-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { Resident, bindAccount, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const GAS = ['pipes', 'valves', 'meter', 'hoses', 'alarm', 'ventilation', 'appliance'];

/**
 * docs/domain.md#photos: the inspector's checklist (hazard) photos and the signed record belong to the
 * inspection ticket — listed on it, readable in its scope, 404 to a west inspector and to the resident.
 */
describe("an inspection's photos: listed on its ticket, readable in its scope", () => {
  let t: TestApp;
  let dir: string;
  let inspector: string;
  let alice: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-insp-photos-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    t.setNow(MONDAY);
    [inspector, alice] = await Promise.all([login(t, 'inspector1'), residentLogin(t, 'insp-photos-alice')]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HALL_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function photo(auth: string): Promise<number> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const res = await t
      .http()
      .post('/api/uploads')
      .set('Authorization', auth)
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const status = async (auth: string, id: number) =>
    (await t.http().get(`/api/uploads/${id}`).set('Authorization', auth)).status;

  it('a failed item’s photo and the signature are the ticket’s photos, readable east and 404 west', async () => {
    const supervisor = await login(t, 'supervisor1');
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, EAST_HALL_ACCOUNT) });
    const [slot] = await slotsOf(t, alice, accountId, plan.id);
    const booked = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', alice.auth)
      .send({ accountId, slotId: slot.id })
      .expect(201);
    const ticketId: number = booked.body.ticket.id;
    t.setNow(new Date('2026-12-09T02:00:00Z'));

    const [hazardPhoto, signature] = [await photo(inspector), await photo(inspector)];
    const items = GAS.map((code) =>
      code === 'hoses' ? { code, ok: false, note: '软管老化开裂', photoIds: [hazardPhoto] } : { code, ok: true },
    );
    await t
      .http()
      .post(`/api/field/inspections/${ticketId}/result`)
      .set('Authorization', inspector)
      .send({ items, confirmation: { kind: 'signature', photoId: signature } })
      .expect(200);

    const ticket: TicketDetailView = (
      await t.http().get(`/api/tickets/${ticketId}`).set('Authorization', supervisor).expect(200)
    ).body;
    expect(ticket.photos).toEqual([
      { id: hazardPhoto, kind: 'hazard', url: `/api/uploads/${hazardPhoto}`, takenAt: expect.any(String) },
      { id: signature, kind: 'signature', url: `/api/uploads/${signature}`, takenAt: expect.any(String) },
    ]);

    // Readable by whoever may read the inspection ticket; the west district's staff get 404, as does the resident.
    for (const who of ['inspector1', 'supervisor1', 'admin'])
      expect([who, await status(await login(t, who), hazardPhoto)]).toEqual([who, 200]);
    for (const who of ['inspector2', 'supervisor2', 'tech3'])
      expect([who, await status(await login(t, who), hazardPhoto)]).toEqual([who, 404]);
    expect(await status(await login(t, 'inspector2'), signature)).toBe(404);
    expect(await status(alice.auth, hazardPhoto)).toBe(404);
    t.setNow(MONDAY);
  });
});
