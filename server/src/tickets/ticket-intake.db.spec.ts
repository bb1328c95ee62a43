import { ErrorCode } from '@utility/shared';
import {
  call,
  countTickets,
  createTicket,
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  expectRefused,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
  WEST_ACCOUNT,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

describe('POST /api/tickets: intake by staff', () => {
  let t: TestApp;
  let queues: Record<string, number>;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    queues = await queueIdsByCode(t);
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  describe('routing', () => {
    it.each([
      ['repair', EAST_HEAT_ACCOUNT, 'repair-east-heat'],
      ['repair', EAST_HALL_ACCOUNT, 'repair-east-hall'],
      ['repair', WEST_ACCOUNT, 'repair-west-heat'],
      ['room_temperature', EAST_HALL_ACCOUNT, 'repair-east-hall'],
      ['complaint', EAST_HEAT_ACCOUNT, 'complaint-east'],
      ['complaint', WEST_ACCOUNT, 'complaint-west'],
      ['inspection', WEST_ACCOUNT, 'inspection-west'],
      ['application', EAST_HALL_ACCOUNT, 'business-east'],
      ['billing', WEST_ACCOUNT, 'billing-west'],
      ['return_visit', EAST_HEAT_ACCOUNT, 'return-visit-east'],
      ['report', EAST_HEAT_ACCOUNT, 'report-east'],
      ['consultation', WEST_ACCOUNT, 'consult-west'],
      ['suggestion', EAST_HALL_ACCOUNT, 'consult-east'],
    ])('sends a %s for account %s to %s', async (type, accountNo, queue) => {
      const ticket = await createTicket(t, agent, call({ type, accountNo }));
      expect(ticket).toMatchObject({
        type,
        accountNo,
        queueId: queues[queue],
        queueName: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
    });

    it("places the ticket in the account's district and station", async () => {
      const east = await createTicket(t, agent, call({ accountNo: EAST_HALL_ACCOUNT }));
      const west = await createTicket(t, agent, call({ accountNo: WEST_ACCOUNT }));
      expect(east.districtId).not.toBe(west.districtId);
      expect(east.stationId).not.toBe(west.stationId);
    });

    it('sends a caller with no account but a district to that district (repairs to its first station)', async () => {
      const { districtId } = await createTicket(t, agent, call({ accountNo: WEST_ACCOUNT }));
      const repair = await createTicket(t, agent, call({ accountNo: undefined, districtId }));
      expect(repair).toMatchObject({
        queueId: queues['repair-west-heat'],
        districtId,
        stationId: null,
        accountNo: null,
      });
      const complaint = await createTicket(t, agent, call({ type: 'complaint', accountNo: undefined, districtId }));
      expect(complaint.queueId).toBe(queues['complaint-west']);
    });

    it.each(['repair', 'complaint', 'leak'])('sends a %s with neither account nor district to triage', async (type) => {
      const ticket = await createTicket(t, agent, call({ type, accountNo: undefined }));
      expect(ticket).toMatchObject({ queueId: queues.triage, districtId: null, stationId: null, assigneeId: null });
    });

    it('refuses an unknown account with 422 ACCOUNT_NOT_FOUND and creates nothing', async () => {
      const before = await countTickets(t);
      expectRefused(
        await t
          .http()
          .post('/api/tickets')
          .set('Authorization', agent)
          .send(call({ accountNo: '9199999999' })),
        422,
        ErrorCode.AccountNotFound,
      );
      expect(await countTickets(t)).toBe(before);
    });

    it('refuses an unknown district with 422 and creates nothing', async () => {
      const before = await countTickets(t);
      const res = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', agent)
        .send(call({ accountNo: undefined, districtId: 9999 }));
      expectRefused(res, 422, ErrorCode.ValidationFailed);
      expect(res.body.message).toBe('片区不存在');
      expect(await countTickets(t)).toBe(before);
    });
  });

  describe('what the 201 answer says', () => {
    it('accepts a phone call at once (受理), with the timeline created → accepted → routed', async () => {
      const ticket = await createTicket(t, agent, call());
      expect(ticket).toMatchObject({
        status: 'accepted',
        priority: 'normal',
        channel: 'phone',
        assigneeId: null,
        assigneeName: null,
      });
      const detail = await getTicket(t, agent, ticket.id);
      expect(detail.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorName])).toEqual([
        ['created', null, 'submitted', '王晓梅'],
        ['transition', 'submitted', 'accepted', '王晓梅'],
        ['routed', null, null, null],
      ]);
    });

    it('leaves a request typed in for the miniapp channel submitted, waiting to be accepted', async () => {
      const ticket = await createTicket(t, agent, call({ channel: 'miniapp' }));
      expect(ticket.status).toBe('submitted');
      expect(ticket.clocks.find((c) => c.kind === 'respond')?.stoppedAt).toBeNull();
    });

    it('sets the repair deadlines of the SLA policy: respond and contact 30 min, on site 2 h, resolved 24 h', async () => {
      const at = new Date('2026-03-02T01:15:00.000Z');
      t.setNow(at);
      const ticket = await createTicket(t, agent, call({ channel: 'miniapp' }));
      t.setNow(new Date());
      expect(ticket.createdAt).toBe(at.toISOString());
      expect(ticket.deadlines).toEqual({
        respondBy: minutes(at, 30).toISOString(),
        contactBy: minutes(at, 30).toISOString(),
        decisionBy: null,
        onSiteBy: minutes(at, 120).toISOString(),
        resolveBy: minutes(at, 24 * 60).toISOString(),
      });
      expect(ticket.clocks.map((c) => [c.kind, c.startedAt, c.stoppedAt])).toEqual([
        ['respond', at.toISOString(), null],
        ['contact', at.toISOString(), null],
        ['on_site', at.toISOString(), null],
        ['resolve', at.toISOString(), null],
      ]);
    });

    it('stops the respond clock of a phone call at once: the caller has been answered', async () => {
      const ticket = await createTicket(t, agent, call());
      const respond = ticket.clocks.find((c) => c.kind === 'respond')!;
      expect(respond.stoppedAt).toBe(ticket.createdAt);
      expect(respond.breached).toBe(false);
    });

    it('numbers the ticket by its Shanghai date', async () => {
      t.setNow(new Date('2026-03-01T17:30:00.000Z')); // 01:30 on 2 March in Shanghai
      const ticket = await createTicket(t, agent, call());
      t.setNow(new Date());
      expect(ticket.no).toBe(`20260302${String(ticket.id).padStart(6, '0')}`);
      // Read back, the number is the same (derived from the id and the filing time, not stored).
      expect((await getTicket(t, agent, ticket.id)).no).toBe(ticket.no);
    });

    it('accepts a landline with its area code', async () => {
      const ticket = await createTicket(t, agent, call({ contactPhone: '010-62345678' }));
      expect(ticket.contactPhone).toBe('010*****5678');
    });

    it("masks the caller's phone to the agent who is not working the ticket", async () => {
      const ticket = await createTicket(t, agent, call({ contactPhone: '13912345678' }));
      expect(ticket.contactPhone).toBe('139****5678');
      expect(JSON.stringify(await getTicket(t, agent, ticket.id))).not.toContain('13912345678');
    });
  });
});
