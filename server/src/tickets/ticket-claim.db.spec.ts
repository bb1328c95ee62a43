import { TicketStatus } from '@utility/shared';
import { TestApp, startTestApp } from '../testing/test-app';

const repairCall = {
  type: 'repair', accountNo: '9100000001', address: '城东区幸福路11号', contactName: '王先生',
  contactPhone: '13812345678', description: '厨房燃气灶打不着火', channel: 'phone',
};

describe('claiming a ticket', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('lets exactly one of several simultaneous claimants win; the others get 409', async () => {
    const agent = await t.login('agent1');
    const created = await t.http().post('/api/tickets').set('Authorization', agent).send(repairCall).expect(201);
    const claimants = await Promise.all(['tech1', 'tech2', 'dispatcher1', 'supervisor1'].map((u) => t.login(u)));
    const answers = await Promise.all(claimants.map((auth) => t.http().post(`/api/tickets/${created.body.id}/claim`).set('Authorization', auth)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'TICKET_ALREADY_CLAIMED')).toBe(true);
    const winner = answers.find((a) => a.status === 200)!;
    const detail = await t.http().get(`/api/tickets/${created.body.id}`).set('Authorization', agent).expect(200);
    expect(detail.body.status).toBe(TicketStatus.Assigned);
    expect(detail.body.assigneeId).toBe(winner.body.assigneeId);
    expect(detail.body.events.filter((e: { kind: string }) => e.kind === 'claimed')).toHaveLength(1);
  });
});
