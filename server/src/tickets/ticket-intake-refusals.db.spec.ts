import { ErrorCode } from '@utility/shared';
import { call, countTickets, createTicket, expectRefused, login } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** POST /api/tickets refusals: who may not take calls, and bodies that are not a ticket. Nothing is created. */
describe('POST /api/tickets: refused intake', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  describe('who may take calls', () => {
    it.each(['agent1', 'dispatcher1', 'supervisor1', 'admin'])('lets %s create a ticket', async (username) => {
      await createTicket(t, await login(t, username), call());
    });

    it.each(['tech1', 'inspector1'])('refuses %s with 403 FORBIDDEN and creates nothing', async (username) => {
      const before = await countTickets(t);
      expectRefused(
        await t
          .http()
          .post('/api/tickets')
          .set('Authorization', await login(t, username))
          .send(call()),
        403,
        ErrorCode.Forbidden,
      );
      expect(await countTickets(t)).toBe(before);
    });
  });

  describe('bad bodies', () => {
    it.each([
      ['type', { type: 'gas' }],
      ['type', { type: undefined }],
      ['accountNo', { accountNo: '91000001' }],
      ['accountNo', { accountNo: 9100000001 }],
      ['districtId', { accountNo: undefined, districtId: 0 }],
      ['districtId', { accountNo: undefined, districtId: '1' }],
      ['address', { address: '楼' }],
      ['address', { address: 'x'.repeat(201) }],
      ['contactName', { contactName: '  ' }],
      ['contactPhone', { contactPhone: '12345' }],
      ['contactPhone', { contactPhone: '1381234567a' }],
      ['description', { description: undefined }],
      ['description', { description: 'x'.repeat(2001) }],
      ['channel', { channel: 'email' }],
    ])(
      'refuses a bad %s with 400 VALIDATION_FAILED naming the field, and creates nothing',
      async (field, overrides) => {
        const before = await countTickets(t);
        const res = await t.http().post('/api/tickets').set('Authorization', agent).send(call(overrides));
        expectRefused(res, 400, ErrorCode.ValidationFailed);
        expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([field]);
        expect(res.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
        expect(await countTickets(t)).toBe(before);
      },
    );

    it('lists every bad field at once', async () => {
      const res = await t.http().post('/api/tickets').set('Authorization', agent).send({ type: 'repair' });
      expectRefused(res, 400, ErrorCode.ValidationFailed);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'address',
        'channel',
        'contactName',
        'contactPhone',
        'description',
      ]);
    });

    it('refuses a body that is not JSON', async () => {
      const res = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .set('Content-Type', 'application/json')
        .send('{"type":');
      expectRefused(res, 400, ErrorCode.ValidationFailed);
    });

    it('refuses a body over 1 MB with 413, an XML body with 415 and plain text with 400, all VALIDATION_FAILED', async () => {
      const before = await countTickets(t);
      const huge = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .send(call({ description: 'x'.repeat(1_100_000) }));
      expectRefused(huge, 413, ErrorCode.ValidationFailed);
      const xml = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .set('Content-Type', 'application/xml')
        .send('<ticket/>');
      expectRefused(xml, 415, ErrorCode.ValidationFailed);
      const text = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .set('Content-Type', 'text/plain')
        .send('燃气灶打不着火');
      expectRefused(text, 400, ErrorCode.ValidationFailed);
      expect(await countTickets(t)).toBe(before);
    });
  });
});
