import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationKind, ErrorCode, TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import {
  EAST_HEAT_ACCOUNT,
  countTickets,
  expectRefused,
  getTicket,
  login,
  queueIdsByCode,
} from '../testing/api-fixtures';
import { halves, rawInput } from '../testing/photo-fixtures';
import { Resident, bindAccount, countRows, myTickets, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

describe('POST /api/applications: business applications with their documents', () => {
  let t: TestApp;
  let dir: string;
  let alice: Resident;
  let eve: Resident;
  let accountId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-apps-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    [alice, eve] = await Promise.all([residentLogin(t, 'apply-alice'), residentLogin(t, 'apply-eve')]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function photo(r: Resident): Promise<number> {
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const res = await t
      .http()
      .post('/api/uploads')
      .set('Authorization', r.auth)
      .attach('file', jpeg, { filename: 'doc.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const transfer = async (r: Resident, overrides: Record<string, unknown> = {}) => ({
    kind: ApplicationKind.Transfer,
    accountId,
    fields: { newHolderName: '李四', idNumber: '110105194912310021', phone: '13800001111' },
    photoIds: {
      id_card: [await photo(r)],
      property_certificate: [await photo(r)],
      transfer_contract: [await photo(r)],
      previous_holder_consent: [await photo(r)],
    },
    ...overrides,
  });

  it('files a transfer in the business queue, answered within 3 working days, its form masked for staff', async () => {
    t.setNow(new Date('2026-11-20T02:00:00Z')); // Friday
    const body = await transfer(alice);
    const res = await t
      .http()
      .post('/api/applications')
      .set('Authorization', alice.auth)
      .set('Idempotency-Key', 'apply-transfer-1')
      .send(body);
    expect(res.status).toBe(201);
    // Mon 23, Tue 24, Wed 25: due at the end of Wednesday, Shanghai time.
    expect(res.body).toMatchObject({
      type: TicketType.Application,
      resolveBy: '2026-11-25T16:00:00.000Z',
      anonymous: false,
    });
    const replay = await t
      .http()
      .post('/api/applications')
      .set('Authorization', alice.auth)
      .set('Idempotency-Key', 'apply-transfer-1')
      .send(body);
    expect(replay.body.ticketId).toBe(res.body.ticketId);
    expect(await countRows(t, 'business_application')).toBe(1);

    const agent = await login(t, 'agent1');
    expect((await getTicket(t, agent, res.body.ticketId)).queueId).toBe((await queueIdsByCode(t))['business-east']);
    const form = await t.http().get(`/api/applications/${res.body.ticketId}`).set('Authorization', agent).expect(200);
    expect(form.body.fields).toEqual(
      expect.arrayContaining([
        { key: 'idNumber', label: '身份证号', value: '110***********0021' },
        { key: 'phone', label: '联系电话', value: '138****1111' },
      ]),
    );
    expect(form.body.documents.map((d: { photoIds: number[] }) => d.photoIds.length)).toEqual([1, 1, 1, 1]);
    expect((await myTickets(t, alice)).map((v) => v.id)).toContain(res.body.ticketId);
    const [stored] = await t.app
      .get(DataSource)
      .query('SELECT fields FROM business_application WHERE ticketId = ?', [res.body.ticketId]);
    expect(stored.fields).not.toContain('110105194912310021');
    t.setNow(new Date());
  });

  it('the ID-card photo is stored encrypted with the data key; staff read it through the API, nobody else', async () => {
    const body = await transfer(alice);
    const res = await t
      .http()
      .post('/api/applications')
      .set('Authorization', alice.auth)
      .set('Idempotency-Key', 'apply-transfer-id-card')
      .send(body);
    expect(res.status).toBe(201);
    const agent = await login(t, 'agent1');
    const form = await t.http().get(`/api/applications/${res.body.ticketId}`).set('Authorization', agent).expect(200);
    const idCard = form.body.documents.find((d: { document: string }) => d.document === 'id_card').photoIds[0];
    const [row] = await t.app.get(DataSource).query('SELECT storageKey, sha256 FROM upload WHERE id = ?', [idCard]);

    // Whoever copies the disk (or a bucket) gets ciphertext, not a photo of someone's ID card.
    const onDisk = readFileSync(join(dir, row.storageKey));
    expect(onDisk.subarray(0, 4).toString()).toBe('UPE1');
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);

    const served = await t.http().get(`/api/uploads/${idCard}`).set('Authorization', agent).responseType('blob');
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(
      createHash('sha256')
        .update(served.body as Buffer)
        .digest('hex'),
    ).toBe(row.sha256);
    expect((await t.http().get(`/api/uploads/${idCard}`).set('Authorization', eve.auth)).status).toBe(404);
  });

  it('is answered by a decision with a reason the resident reads, not by its acceptance', async () => {
    t.setNow(new Date('2026-11-20T02:00:00Z')); // Friday
    const res = await t
      .http()
      .post('/api/applications')
      .set('Authorization', alice.auth)
      .send(await transfer(alice));
    expect(res.status).toBe(201);
    const id = res.body.ticketId;
    const agent = await login(t, 'agent1');
    expect((await getTicket(t, agent, id)).deadlines.decisionBy).toBe('2026-11-25T16:00:00.000Z');
    await t.http().post(`/api/tickets/${id}/transition`).set('Authorization', agent).send({ to: 'accepted' });
    // Accepting it answers nothing: the decision clock still runs.
    expect((await getTicket(t, agent, id)).clocks.find((c) => c.kind === 'decision')).toMatchObject({
      stoppedAt: null,
    });

    const decide = (body: Record<string, unknown>) =>
      t.http().post(`/api/applications/${id}/decision`).set('Authorization', agent).send(body);
    expectRefused(await decide({ approve: true }), 400, ErrorCode.ValidationFailed);
    t.setNow(new Date('2026-11-24T02:00:00Z'));
    const decided = await decide({ approve: false, reason: '房产证与户主姓名不一致，请补充材料后重新申请' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('resolved');
    expect(decided.body.clocks.find((c: { kind: string }) => c.kind === 'decision')).toMatchObject({
      stoppedAt: '2026-11-24T02:00:00.000Z',
      breached: false,
    });
    expectRefused(await decide({ approve: true, reason: '补充材料后同意' }), 409, ErrorCode.AlreadyDecided);
    const mine = (await myTickets(t, alice)).find((v) => v.id === id)!;
    expect(mine.decision).toEqual({
      approved: false,
      reason: '房产证与户主姓名不一致，请补充材料后重新申请',
      at: '2026-11-24T02:00:00.000Z',
    });
    t.setNow(new Date());
  });

  it("refuses missing documents, a wrong field, an unbound account and someone else's photo, creating nothing", async () => {
    const before = await countTickets(t);
    const missing = await transfer(alice, { photoIds: { id_card: [await photo(alice)] } });
    const res = await t.http().post('/api/applications').set('Authorization', alice.auth).send(missing);
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['photoIds.property_certificate', 'photoIds.previous_holder_consent']),
    );
    const badId = await transfer(alice);
    expectRefused(
      await t
        .http()
        .post('/api/applications')
        .set('Authorization', alice.auth)
        .send({ ...badId, fields: { ...badId.fields, idNumber: '123' } }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await t
        .http()
        .post('/api/applications')
        .set('Authorization', eve.auth)
        .send(await transfer(eve)),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t
        .http()
        .post('/api/applications')
        .set('Authorization', alice.auth)
        .send(await transfer(eve)),
      422,
      ErrorCode.PhotoNotFound,
    );
    expect(await countTickets(t)).toBe(before);
  });

  it('lists the kinds with the documents and fields each needs', async () => {
    const res = await t.http().get('/api/applications/kinds').expect(200);
    expect(res.body.find((k: { kind: string }) => k.kind === ApplicationKind.RestoreGas)).toMatchObject({
      label: '复气',
      documents: ['id_card', 'arrears_receipt'],
    });
  });
});
