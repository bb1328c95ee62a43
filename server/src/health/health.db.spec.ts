import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** Probes for the load balancer and the orchestrator: no token needed. */
describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('GET /healthz answers 200 while the process is up', async () => {
    expect((await t.http().get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 while the database answers, then 503 NOT_READY once it is gone', async () => {
    expect((await t.http().get('/readyz').expect(200)).body).toEqual({ status: 'ready' });
    await t.app.get(DataSource).destroy();
    expectRefused(await t.http().get('/readyz'), 503, ErrorCode.NotReady);
    // The process itself is still alive.
    await t.http().get('/healthz').expect(200);
  });
});
