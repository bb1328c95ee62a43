import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  call,
  createTicket,
  expectRefused,
  getTicket,
  login,
  minutes,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

declare const TEST_DATABASE: 'sqlite' | 'mariadb';

/**
 * Many staff pulling from one queue at once (POST /api/queues/:id/claim): each ticket goes to one
 * of them, and together they take the queue's tickets in work order, never skipping a free one.
 */
describe('racing claims on one queue', () => {
  // Row locks held by another connection are MariaDB's (SQLite has one writer; Db queues a process's
  // transactions): the case exists on MariaDB only, as describeOn's blocks do.
  const withRowLocks: (name: string, fn: () => Promise<void>) => void =
    TEST_DATABASE === 'mariadb' ? it : () => undefined;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('hands each ticket out once, the first ones in work order first, then answers QUEUE_EMPTY', async () => {
    const dispatcher = await login(t, 'dispatcher1');
    const start = new Date('2026-04-08T01:00:00.000Z');
    const created: { id: number; at: number }[] = [];
    // Left unanswered on the miniapp channel: each one's respond clock runs until it is claimed.
    for (let i = 0; i < 24; i++) {
      t.setNow(minutes(start, i));
      const ticket = await createTicket(t, dispatcher, call({ accountNo: EAST_HEAT_ACCOUNT, channel: 'miniapp' }));
      created.push({ id: ticket.id, at: i });
    }
    // Some raised later (as escalation would): higher priority goes first whatever its age.
    const priorityOf = (i: number) => (i % 5 === 4 ? 'emergency' : i % 3 === 2 ? 'high' : 'normal');
    const rank = { emergency: 3, high: 2, normal: 1 } as const;
    const ds = t.app.get(DataSource);
    for (const [i, c] of created.entries())
      await ds.query('UPDATE ticket SET priority = ? WHERE id = ?', [priorityOf(i), c.id]);
    const workOrder = created
      .map((c, i) => ({ ...c, rank: rank[priorityOf(i)] }))
      .sort((a, b) => b.rank - a.rank || a.at - b.at)
      .map((c) => c.id);
    const queueId = (await getTicket(t, dispatcher, created[0].id)).queueId;

    t.setNow(minutes(start, 30));
    const people = await Promise.all(['tech1', 'tech2', 'dispatcher1', 'supervisor1', 'admin'].map((u) => login(t, u)));
    const claimNext = (i: number) =>
      t
        .http()
        .post(`/api/queues/${queueId}/claim`)
        .set('Authorization', people[i % people.length]);

    const first = await Promise.all(Array.from({ length: 16 }, (_, i) => claimNext(i)));
    expect(first.map((a) => a.status)).toEqual(Array(16).fill(200));
    const firstIds = first.map((a) => a.body.id as number);
    expect(new Set(firstIds).size).toBe(16);
    expect(new Set(firstIds)).toEqual(new Set(workOrder.slice(0, 16)));

    const second = await Promise.all(Array.from({ length: 16 }, (_, i) => claimNext(i)));
    const winners = second.filter((a) => a.status === 200);
    expect(new Set(winners.map((a) => a.body.id))).toEqual(new Set(workOrder.slice(16)));
    expect(winners).toHaveLength(8);
    for (const loser of second.filter((a) => a.status !== 200)) expectRefused(loser, 404, ErrorCode.QueueEmpty);

    for (const answer of [...first, ...winners]) {
      const detail = await getTicket(t, dispatcher, answer.body.id);
      expect(detail).toMatchObject({ status: 'assigned', assigneeId: answer.body.assigneeId });
      expect(detail.events.filter((e) => e.kind === 'claimed')).toHaveLength(1);
      expect(detail.clocks.find((c) => c.kind === 'respond')?.stoppedAt).toBe(minutes(start, 30).toISOString());
    }
  });

  withRowLocks(
    'skips a ticket another write holds and takes the next in work order, without waiting for it',
    async () => {
      const dispatcher = await login(t, 'dispatcher1');
      const start = new Date('2026-04-09T01:00:00.000Z');
      t.setNow(start);
      const held = await createTicket(t, dispatcher, call({ accountNo: EAST_HALL_ACCOUNT }));
      t.setNow(minutes(start, 1));
      const next = await createTicket(t, dispatcher, call({ accountNo: EAST_HALL_ACCOUNT }));
      const queueId = (await getTicket(t, dispatcher, held.id)).queueId;
      const tech = await login(t, 'tech2');
      const claimNext = () => t.http().post(`/api/queues/${queueId}/claim`).set('Authorization', tech);

      // Someone else is writing the oldest ticket right now (an edit, a sweep): its row is locked.
      const other = t.app.get(DataSource).createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query('SELECT id FROM ticket WHERE id = ? FOR UPDATE', [held.id]);
        expect((await claimNext().expect(200)).body.id).toBe(next.id);
      } finally {
        await other.rollbackTransaction();
        await other.release();
      }
      expect((await claimNext().expect(200)).body.id).toBe(held.id);
      expectRefused(await claimNext(), 404, ErrorCode.QueueEmpty);
    },
  );
});
