import { ErrorCode } from '@utility/shared';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  WEST_ACCOUNT,
  call,
  createTicket,
  expectRefused,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
  repairPolicyWithoutContact,
  transition,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * POST /api/queues/:id/claim: take the next ticket in work order.
 * Each test works its own queue, so what it finds there is only its own tickets.
 */
describe('claiming the next ticket of a queue', () => {
  let t: TestApp;
  let queues: Record<string, number>;
  let dispatcher: string;
  beforeAll(async () => {
    t = await startTestApp();
    queues = await queueIdsByCode(t);
    dispatcher = await login(t, 'dispatcher1');
    await repairPolicyWithoutContact(t);
  });
  afterAll(() => t.close());

  const claimNext = (auth: string, queue: string) =>
    t.http().post(`/api/queues/${queues[queue]}/claim`).set('Authorization', auth);

  it('takes the highest priority first, then the oldest, and lists the queue in that order', async () => {
    const start = new Date('2026-04-07T02:00:00.000Z');
    const created: number[] = [];
    // Three phone calls (respond clock met at once), then a request left unanswered on the miniapp channel.
    for (const [i, channel] of (['phone', 'phone', 'phone', 'miniapp'] as const).entries()) {
      t.setNow(minutes(start, i));
      created.push((await createTicket(t, dispatcher, call({ accountNo: WEST_ACCOUNT, channel }))).id);
    }
    // The unanswered one breaches its 30-minute respond clock and is escalated to high priority.
    t.setNow(minutes(start, 40));
    await t.sweep();
    const [oldest, second, third, unanswered] = created;
    expect((await getTicket(t, dispatcher, unanswered)).priority).toBe('high');

    const listed = await t
      .http()
      .get(`/api/queues/${queues['repair-west-heat']}/tickets`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(listed.body.map((x: { id: number }) => x.id)).toEqual([unanswered, oldest, second, third]);

    const tech3 = await login(t, 'tech3');
    const order: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await claimNext(tech3, 'repair-west-heat').expect(200);
      expect(res.body).toMatchObject({ status: 'assigned', assigneeName: '陈师傅' });
      order.push(res.body.id);
    }
    expect(order).toEqual([unanswered, oldest, second, third]);
    expectRefused(await claimNext(tech3, 'repair-west-heat'), 404, ErrorCode.QueueEmpty);
  });

  it('answers 404 QUEUE_EMPTY when nothing is left to take, skipping tickets already worked or cancelled', async () => {
    const tech2 = await login(t, 'tech2');
    expectRefused(await claimNext(tech2, 'repair-east-hall'), 404, ErrorCode.QueueEmpty);
    const taken = await createTicket(t, dispatcher, call({ accountNo: EAST_HALL_ACCOUNT }));
    await t.http().post(`/api/tickets/${taken.id}/claim`).set('Authorization', dispatcher).expect(200);
    const cancelled = await createTicket(t, dispatcher, call({ accountNo: EAST_HALL_ACCOUNT }));
    await transition(t, await login(t, 'supervisor1'), cancelled.id, 'cancelled').expect(200);
    expectRefused(await claimNext(tech2, 'repair-east-hall'), 404, ErrorCode.QueueEmpty);

    const waiting = await createTicket(t, dispatcher, call({ accountNo: EAST_HALL_ACCOUNT }));
    expect((await claimNext(tech2, 'repair-east-hall').expect(200)).body.id).toBe(waiting.id);
    expectRefused(await claimNext(tech2, 'repair-east-hall'), 404, ErrorCode.QueueEmpty);
  });

  it('takes only from queues in scope: not triage for a dispatcher (404), any queue of the district for a supervisor', async () => {
    const unplaced = await createTicket(t, dispatcher, call({ accountNo: undefined }));
    expectRefused(await claimNext(dispatcher, 'triage'), 404, ErrorCode.NotFound);
    const res = await claimNext(await login(t, 'supervisor1'), 'triage').expect(200);
    expect(res.body).toMatchObject({ id: unplaced.id, assigneeName: '周主管' });
  });

  it('gives each of 10 tickets to exactly one of 20 simultaneous claimants', async () => {
    const ids = new Set<number>();
    for (let i = 0; i < 10; i++)
      ids.add((await createTicket(t, dispatcher, call({ accountNo: EAST_HEAT_ACCOUNT }))).id);
    const people = await Promise.all(['tech1', 'tech2', 'dispatcher1', 'supervisor1', 'admin'].map((u) => login(t, u)));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claimNext(people[i % people.length], 'repair-east-heat')),
    );

    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(10);
    for (const loser of answers.filter((a) => a.status !== 200)) expectRefused(loser, 404, ErrorCode.QueueEmpty);
    const claimed = winners.map((a) => a.body.id);
    expect(new Set(claimed).size).toBe(10);
    expect(new Set(claimed)).toEqual(ids);
    for (const id of ids) {
      const detail = await getTicket(t, dispatcher, id);
      expect(detail.status).toBe('assigned');
      expect(detail.events.filter((e) => e.kind === 'claimed')).toHaveLength(1);
      expect(detail.assigneeId).toBe(winners.find((a) => a.body.id === id)!.body.assigneeId);
    }
  });
});
