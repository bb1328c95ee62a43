import fs from 'node:fs';
import { ErrorCode, RatingLevel, TicketType, maskPhone } from '@utility/shared';
import { expectRefused, login, queueIdsByCode } from '../testing/api-fixtures';
import { planVisits, rated, resolveAs } from '../testing/feedback-fixtures';
import {
  Resident,
  bindAccount,
  myTicket,
  myTickets,
  openidOf,
  phoneCode,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** A heating account: no seeded bill names it, so any staff response naming it would come from the report. */
const REPORTER_ACCOUNT = '9100000005';
const REPORTER_PHONE = '13712345678';

/** Everything the server writes to stdout/stderr (pino writes through fs.writeSync on fd 1). */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const keep = (data: unknown) =>
    chunks.push(typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  const spies = [
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown) => {
      if (fd === 1 || fd === 2) keep(data);
      return typeof data === 'string' ? Buffer.byteLength(data) : (data as Buffer).length;
    }) as never),
    jest.spyOn(process.stdout, 'write').mockImplementation(((data: unknown) => {
      keep(data);
      return true;
    }) as never),
    jest.spyOn(process.stderr, 'write').mockImplementation(((data: unknown) => {
      keep(data);
      return true;
    }) as never),
  ];
  return { text: () => chunks.join(''), restore: () => spies.forEach((s) => s.mockRestore()) };
}

/**
 * An anonymous report (举报): no staff GET endpoint — every one the OpenAPI document lists, with
 * the report's id put into its path — nor the logs reveal who sent it, while the reporter follows and rates it.
 */
describe('anonymous report: nobody on the staff side learns who sent it', () => {
  let t: TestApp;
  let reporter: Resident;
  let output: ReturnType<typeof captureOutput>;

  beforeAll(async () => {
    output = captureOutput();
    t = await startTestApp({ LOG_LEVEL: 'info' });
    reporter = await residentLogin(t, 'anonymous-reporter');
    await t
      .http()
      .post('/api/auth/phone')
      .set('Authorization', reporter.auth)
      .send({ code: phoneCode(REPORTER_PHONE) })
      .expect(200);
    await bindAccount(t, reporter, REPORTER_ACCOUNT);
  });
  afterAll(async () => {
    await t.close();
    output.restore();
  });

  it('hides the reporter from every staff endpoint and the logs, and lets them follow and rate it', async () => {
    const res = await t
      .http()
      .post('/api/misconduct-reports')
      .set('Authorization', reporter.auth)
      .set('Idempotency-Key', 'report-1')
      .send({ text: '抄表员上门索要好处费', anonymous: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: TicketType.MisconductReport, anonymous: true });
    const id: number = res.body.ticketId;
    // The path before the rename still answers, as the same request.
    const replay = await t
      .http()
      .post('/api/reports')
      .set('Authorization', reporter.auth)
      .set('Idempotency-Key', 'report-1')
      .send({ text: '抄表员上门索要好处费', anonymous: true });
    expect(replay.status).toBe(201);
    expect(replay.body.ticketId).toBe(id);

    // Supervisors only: the agent does not even see it exists.
    expectRefused(
      await t
        .http()
        .get(`/api/tickets/${id}`)
        .set('Authorization', await login(t, 'agent1')),
      404,
      ErrorCode.NotFound,
    );
    const supervisor = await login(t, 'supervisor1');
    await t.http().post(`/api/tickets/${id}/claim`).set('Authorization', supervisor).expect(200);
    await resolveAs(t, 'supervisor1', id, false);
    await planVisits(t);

    const mine = await myTicket(t, reporter, id);
    expect(mine).toMatchObject({ anonymous: true, rating: { canRate: true } });
    expect((await myTickets(t, reporter)).map((v) => v.id)).toContain(id);
    await rated(t, reporter, id, RatingLevel.Satisfied);

    const openid = (await openidOf(t, reporter.resident.id))!;
    const secrets = [openid, REPORTER_PHONE, maskPhone(REPORTER_PHONE), REPORTER_ACCOUNT, reporter.identity];
    const queues = await queueIdsByCode(t);
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const staffGets = Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && path.startsWith('/api/') && !/^\/api\/(my|me|accounts|auth|dev)\b/.test(path))
      .map(([path]) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => String(/queue/i.test(name) ? queues['report-all'] : id)),
      );
    expect(doc.paths['/api/misconduct-reports'].post).not.toHaveProperty('deprecated');
    expect(doc.paths['/api/reports'].post).toMatchObject({ deprecated: true });
    expect(staffGets.length).toBeGreaterThan(15);
    expect(staffGets).toEqual(
      expect.arrayContaining([
        `/api/tickets/${id}`,
        '/api/return-visits',
        `/api/tickets/${id}/feedback`,
        '/api/staff/me/ratings',
      ]),
    );

    let seen = 0;
    for (const username of ['supervisor1', 'admin']) {
      const auth = await login(t, username);
      for (const path of staffGets) {
        const r = await t.http().get(path).set('Authorization', auth);
        const body = r.text ?? '';
        if (body.includes(String(id))) seen++;
        // The customer master lists every account of the company, reported from or not: its 户号 there says nothing.
        const hidden = path.startsWith('/api/admin/accounts') ? secrets.filter((s) => s !== REPORTER_ACCOUNT) : secrets;
        for (const secret of hidden) expect({ path, leaks: body.includes(secret) }).toEqual({ path, leaks: false });
        // The reporter's resident id under any resident-ish key.
        expect({
          path,
          residentId: new RegExp(`"resident\\w*"\\s*:\\s*${reporter.resident.id}\\b`, 'i').test(body),
        }).toEqual({ path, residentId: false });
      }
    }
    // The checks ran against responses that do show the report (detail, timeline, queue, feedback).
    expect(seen).toBeGreaterThanOrEqual(4);
    const detail = (await t.http().get(`/api/tickets/${id}`).set('Authorization', supervisor).expect(200)).body;
    expect(detail).toMatchObject({ contactName: '匿名', contactPhone: '', accountNo: null });
    expect(detail.events.every((e: { actorRole: string | null }) => e.actorRole !== 'resident')).toBe(true);

    const logs = output.text();
    // The capture saw the flow: the server's own line about the filed report (numbers only, never who).
    expect(logs).toContain(`report ${res.body.no} filed`);
    for (const secret of secrets) expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
  });
});
