import { ErrorCode, TicketDetailView, TicketEventKind, TicketType } from '@utility/shared';
import { call, createTicket, expectRefused, getTicket, login, signIn, transition } from '../testing/api-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const leak = (address: string, accountNo = '9100000007') =>
  call({ type: TicketType.Leak, accountNo, address, description: '楼道里有很重的燃气味' });

/** docs/domain.md#duplicates: a second report of the same work is flagged and joins the first. */
describe('duplicate reports: POST /api/tickets/:id/link', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  const link = async (auth: string, id: number, parentId: number) =>
    t.http().post(`/api/tickets/${id}/link`).set('Authorization', auth).send({ parentId });

  it('flags a leak in a building with an open leak, and links it: parked, not dispatched, resolved with its parent', async () => {
    const first = await createTicket(t, agent, leak('城东区枫林路3号1单元101室', '9100000007'));
    // A neighbour in the same building, another account.
    const second = await createTicket(t, agent, leak('城东区枫林路3号2单元502室', '9100000009'));
    expect(first.assigneeId).not.toBeNull();
    expect(second.assigneeId).not.toBeNull();

    const flagged = await getTicket(t, agent, second.id);
    expect(flagged.possibleDuplicateOf).toMatchObject({ id: first.id, no: first.no, type: 'leak' });
    expect((await getTicket(t, agent, first.id)).possibleDuplicateOf).toBeNull();

    const res = await link(agent, second.id, first.id);
    expect(res.status).toBe(200);
    const child: TicketDetailView = res.body;
    expect(child).toMatchObject({
      status: 'accepted',
      assigneeId: null,
      parent: { id: first.id },
      possibleDuplicateOf: null,
    });
    expect(child.clocks.every((c) => c.stoppedAt !== null)).toBe(true);
    expect(child.events.at(-1)).toMatchObject({
      kind: TicketEventKind.Linked,
      note: expect.stringContaining(first.no),
    });
    const parent = await getTicket(t, agent, first.id);
    expect(parent.children.map((c) => c.id)).toEqual([second.id]);
    expect(parent.events.at(-1)).toMatchObject({
      kind: TicketEventKind.Linked,
      note: expect.stringContaining(second.no),
    });

    // Nobody works the child: not claimable, not assignable, not on the technician's jobs.
    const dispatcher = await login(t, 'dispatcher1');
    expectRefused(
      await t.http().post(`/api/tickets/${second.id}/claim`).set('Authorization', dispatcher),
      409,
      ErrorCode.TicketLinked,
    );
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${second.id}/assign`)
        .set('Authorization', dispatcher)
        .send({ staffId: first.assigneeId }),
      409,
      ErrorCode.TicketLinked,
    );
    const board = await t
      .http()
      .get(`/api/queues/${first.queueId}/tickets`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(board.body.map((x: { id: number }) => x.id)).not.toContain(second.id);

    // The parent's technician resolves the work: the child is resolved with it.
    const techUsername = first.assigneeName === '张师傅' ? 'tech1' : 'tech2';
    const tech = await login(t, techUsername);
    for (const to of ['en_route', 'on_site']) expect((await transition(t, tech, first.id, to)).status).toBe(200);
    await resolveFieldJob(t, tech, first.id);
    const after = await getTicket(t, agent, second.id);
    expect(after.status).toBe('resolved');
    expect(after.events.at(-1)).toMatchObject({ toStatus: 'resolved', note: expect.stringContaining(first.no) });
  });

  it('refuses what is not a duplicate to link: other work, itself, a ticket already on its way', async () => {
    const repair = await createTicket(t, agent, call({ accountNo: '9100000011', address: '城东区桂花路5号1单元' }));
    const again = await createTicket(t, agent, call({ accountNo: '9100000011', address: '城东区桂花路5号1单元' }));
    expect((await getTicket(t, agent, again.id)).possibleDuplicateOf).toMatchObject({ id: repair.id });
    const complaint = await createTicket(t, agent, call({ type: TicketType.Complaint, accountNo: '9100000011' }));
    expect((await getTicket(t, agent, complaint.id)).possibleDuplicateOf).toBeNull();
    expectRefused(await link(agent, complaint.id, repair.id), 409, ErrorCode.LinkNotAllowed);
    expectRefused(await link(agent, repair.id, repair.id), 409, ErrorCode.LinkNotAllowed);
    // Elsewhere, no flag.
    const elsewhere = await createTicket(t, agent, call({ accountNo: '9100000013', address: '城东区梅园路8号' }));
    expect((await getTicket(t, agent, elsewhere.id)).possibleDuplicateOf).toBeNull();

    const dispatcher = await login(t, 'dispatcher1');
    const tech1 = await signIn(t, 'tech1');
    await t
      .http()
      .post(`/api/tickets/${again.id}/assign`)
      .set('Authorization', dispatcher)
      .send({ staffId: tech1.staff.id })
      .expect(200);
    expect((await transition(t, await login(t, 'tech1'), again.id, 'en_route')).status).toBe(200);
    expectRefused(await link(agent, again.id, repair.id), 409, ErrorCode.LinkNotAllowed);
    // Technicians do not link.
    expect((await link(await login(t, 'tech1'), again.id, repair.id)).status).toBe(403);
  });
});
