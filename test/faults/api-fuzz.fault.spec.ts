import fc from 'fast-check';
import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';
import { DatabaseDigest, changedTables, openDigest } from './support/db-digest';
import { FuzzRequest, requestFor } from './support/fuzz-request';
import { Operation, operationsOf } from './support/openapi-arbitraries';
import { residentWithAccount } from './support/residents';
import {
  documentKey,
  mutations,
  pathValue,
  seedBodies,
  sharedSchemasByDocument,
  validBody,
} from './support/zod-bodies';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** Valid bodies drawn per operation whose body is a shared zod schema; each is then mutated field by field. */
const VALID_BODIES = Number(process.env.FUZZ_VALID_BODIES ?? 2);
/** The server's Fastify bodyLimit (server/src/bootstrap.ts). */
const BODY_LIMIT = 1024 * 1024;
const bodyBytes = (body: unknown): number =>
  typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : 0;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Tables a refused request writes by design: the bind attempts and failed staff sign-ins that lock out guessing. */
const WRITTEN_ON_REFUSAL: string[] = (process.env.FUZZ_IGNORE ?? 'bind_attempt,staff_login_failure')
  .split(',')
  .filter(Boolean);
/** WeChat Pay's notify URL is left out of the API document (it is not for clients), so it is added here. */
const NOTIFY: Operation = {
  method: 'POST',
  path: '/api/payments/wechat/notify',
  parameters: [],
  body: { 'application/json': {} },
};

/** The resident's prefixes, as miniapp/src/services/api/request.ts chooses tokens (only weights the draw). */
const RESIDENT_PATH =
  /^\/api\/(auth|me|accounts|my|bills|payments|uploads|notice-templates|repairs|emergencies|safety-instructions|consultations|suggestions)(\/|\?|$)/;

/**
 * Every endpoint of the served OpenAPI document, fuzzed with random and boundary paths, ids, queries,
 * headers and bodies, with good and bad tokens of every kind: never a 5xx, and a refused request
 * (4xx) leaves every table as it was.
 */
describe('API fuzz', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let digest: DatabaseDigest;
  let operations: Operation[];
  let tokensFor: (path: string) => fc.Arbitrary<string | undefined>;
  let staffTokens: string[];
  let residentTokens: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Every background job off: what changes the database must be the request under test.
    server = await startServer(db.url, {
      JOBS: 'off',
      UPLOADS_DIR: `/tmp/fault-fuzz-uploads-${process.pid}`,
    });
    const staff = await Promise.all(
      ['agent1', 'dispatcher1', 'tech1', 'supervisor1', 'admin'].map((u) => staffToken(server.url, u)),
    );
    const residents = await Promise.all([1, 2].map((n) => residentWithAccount(server.url, `fuzz-${n}`, n)));
    const unbound = (await api(server.url, 'POST', '/api/auth/wechat', undefined, { code: 'mock-fuzz-unbound:1' })).body
      .token;
    // Something for real ids to find: tickets, one claimed.
    for (let i = 0; i < 3; i++) {
      await api(server.url, 'POST', '/api/tickets', staff[0], {
        type: 'repair',
        accountNo: '9100000001',
        address: '城东区幸福路11号',
        contactName: '王秀英',
        contactPhone: '13812345678',
        description: `fuzz #${i}`,
        channel: 'phone',
      });
    }
    await api(server.url, 'POST', '/api/tickets/1/claim', staff[2]);
    residentTokens = [...residents.map((r) => r.token), unbound];
    staffTokens = staff;
    const good = [...staff, ...residentTokens];
    const bearer = (ts: string[]) => fc.constantFrom(...ts.map((t) => `Bearer ${t}`));
    // Mostly the audience's own tokens so that requests get past the guards; every token reaches every endpoint.
    tokensFor = (path) =>
      fc.oneof(
        { weight: 5, arbitrary: RESIDENT_PATH.test(path) ? bearer(residentTokens) : bearer(staff) },
        { weight: 1, arbitrary: bearer(good) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            undefined,
            '',
            'Bearer',
            'Bearer ',
            'Bearer abc',
            'Basic YWdlbnQxOnBhc3M=',
            good[0],
            `bearer ${good[0]}`,
            `Bearer ${good[0]}x`,
            `Bearer ${good[0].slice(0, -3)}AAA`,
            `Bearer ${good[5].split('.').reverse().join('.')}`,
            `Bearer ${'x'.repeat(8000)}`,
            'Bearer a.b.c',
          ),
        },
      );
    operations = [...operationsOf((await api(server.url, 'GET', '/docs-json')).body), NOTIFY];
    // Deleting oneself and one's bindings last, and before them what ends staff sessions (a disable, a reset,
    // a password change, issue 13): they end the sessions the rest use.
    const endsSessions = (o: Operation) =>
      o.method === 'DELETE' ? 2 : /\/(disable|reset-password)$|\/staff\/me\/password$/.test(o.path) ? 1 : 0;
    operations.sort((a, b) => endsSessions(a) - endsSessions(b));
    digest = await openDigest(db, WRITTEN_ON_REFUSAL);
  });
  afterAll(async () => {
    await digest?.close();
    await server?.stop();
    await db?.drop();
  });

  it('takes valid bodies of the shared zod schemas past validation, and refuses each one-field mutation cleanly', async () => {
    const bySchema = sharedSchemasByDocument();
    seedBodies(SEED);
    let draw = SEED;
    // A small LCG: which replacement each field gets and which id a path names, the same for the same seed.
    const pick = (n: number) => {
      draw = (Math.imul(draw, 1_103_515_245) + 12_345) >>> 0;
      return draw % n;
    };
    const targets = operations.flatMap((operation) => {
      const json = operation.body?.['application/json'];
      const match = json ? bySchema.get(documentKey(json)) : undefined;
      // What ends the sessions the rest of the suite uses is left to the random fuzz, which runs it last.
      const endsSessions =
        operation.method === 'DELETE' || /\/(disable|reset-password)$|\/staff\/me\/password$/.test(operation.path);
      return match && !endsSessions ? [{ operation, ...match }] : [];
    });
    expect(targets.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const counts = { requests: 0, accepted: 0, refusedValid: 0, refusedMutated: 0, noValidBody: 0 };
    const reachedOk = new Set<string>();
    const started = Date.now();
    let before = await digest.take();

    // Staff whose sessions the suite uses are not edited through the staff admin (their roles would change).
    const idFor = (operation: Operation) => (/^\/api\/admin\/staff\//.test(operation.path) ? 4 + pick(4) : 1 + pick(3));
    const send = async (operation: Operation, token: string, body: unknown, what: string) => {
      const url = operation.parameters
        .filter((p) => p.in === 'path')
        .reduce(
          (path, p) =>
            path.replace(
              `{${p.name}}`,
              pathValue(p, pick, () => idFor(operation)),
            ),
          operation.path,
        );
      const res = await fetch(server.url + url, {
        method: operation.method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': `fuzz-valid-${counts.requests}-${SEED}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      counts.requests++;
      const after = await digest.take();
      const changed = changedTables(before, after);
      before = after;
      const summary = `${operation.method} ${url} ${what}: ${JSON.stringify(body).slice(0, 300)}`;
      let answer: { code?: unknown; message?: unknown } = {};
      try {
        answer = JSON.parse(text);
      } catch {
        // Checked below: a refusal must be JSON.
      }
      if (res.status >= 500) failures.push(`${res.status} for ${summary}\n${server.output().slice(-1000)}`);
      else if (res.status >= 400) {
        if (typeof answer?.code !== 'string' || typeof answer?.message !== 'string')
          failures.push(`${res.status} without {code, message} (${text.slice(0, 200)}) for ${summary}`);
        if (changed.length) failures.push(`refused ${res.status} but changed ${changed.join(', ')}: ${summary}`);
      }
      return { status: res.status };
    };

    for (const { operation, name, schema } of targets) {
      const label = `${operation.method} ${operation.path}`;
      const audience = RESIDENT_PATH.test(operation.path) ? residentTokens : staffTokens;
      for (let n = 0; n < VALID_BODIES; n++) {
        const body = validBody(schema, () => idFor(operation));
        if (!body) {
          counts.noValidBody++;
          continue;
        }
        // The first token of the audience that the guard lets through (roles differ by endpoint).
        let token = audience[0];
        let first = { status: 0 };
        for (const candidate of audience) {
          token = candidate;
          first = await send(operation, token, body, `valid ${name}`);
          if (first.status !== 401 && first.status !== 403) break;
        }
        if (first.status < 400) {
          counts.accepted++;
          reachedOk.add(label);
        } else counts.refusedValid++;
        if (first.status === 401 || first.status === 403) continue;
        for (const mutation of mutations(schema, body, pick)) {
          const invalid = !schema.safeParse(mutation.body).success;
          const answer = await send(operation, token, mutation.body, `${mutation.field} → ${mutation.shown}`);
          if (answer.status >= 400) counts.refusedMutated++;
          else counts.accepted++;
          if (invalid && (answer.status < 400 || answer.status >= 500))
            failures.push(
              `${label}: ${mutation.field} → ${mutation.shown} breaks ${name} but was answered ${answer.status}`,
            );
        }
      }
    }
    console.log(
      `[fault] API fuzz from zod schemas (seed ${SEED}, ${VALID_BODIES} valid bodies × ${targets.length} operations): ` +
        `${counts.requests} requests, ${counts.accepted} accepted (${reachedOk.size} operations answered 2xx), ` +
        `${counts.refusedValid} valid bodies refused by a rule, ${counts.refusedMutated} mutations refused, ` +
        `${counts.noValidBody} schemas without a valid draw; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(failures).toEqual([]);
    expect(reachedOk.size).toBeGreaterThan(10);
  });

  it('answers every endpoint without a 5xx and changes nothing when it refuses', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const counts = { requests: 0, refused: 0, accepted: 0, notSent: 0 };
    const started = Date.now();
    let before = await digest.take();
    const reachedOk = new Set<string>();
    const byStatus: Record<string, Record<number, number>> = {};
    for (const operation of operations) {
      const name = `${operation.method} ${operation.path}`;
      byStatus[name] = {};
      const property = fc.asyncProperty(
        requestFor(operation, tokensFor(operation.path)),
        async (request: FuzzRequest) => {
          let status: number;
          try {
            const res = await fetch(server.url + request.url, {
              method: request.method,
              headers: request.headers,
              body: request.body,
              signal: AbortSignal.timeout(15_000),
            });
            await res.arrayBuffer();
            status = res.status;
          } catch (caught) {
            const error = caught as Error;
            // A header value fetch itself will not send (a control character) is not a request.
            if (
              error.name === 'TypeError' &&
              /header|ByteString/i.test(`${error.message} ${(error.cause as Error)?.message}`)
            )
              return void counts.notSent++;
            // Past the 1 MB body limit the server answers 413 and closes the socket while the client is
            // still writing: a refusal like any other, so the digest below must not change either.
            const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
            if (!(bodyBytes(request.body) > BODY_LIMIT && (code === 'EPIPE' || code === 'ECONNRESET'))) {
              throw new Error(`no answer (${String(error.cause ?? error)}) to ${request.summary}`, { cause: caught });
            }
            status = 413;
          }
          counts.requests++;
          byStatus[name][status] = (byStatus[name][status] ?? 0) + 1;
          const after = await digest.take();
          const changed = changedTables(before, after);
          before = after;
          if (status >= 500) throw new Error(`${status} for ${request.summary}\n${server.output().slice(-1500)}`);
          if (status >= 400) {
            counts.refused++;
            if (changed.length)
              throw new Error(`refused ${status} but changed ${changed.join(', ')}: ${request.summary}`);
          } else {
            counts.accepted++;
            reachedOk.add(name);
          }
        },
      );
      const outcome = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
      if (outcome.failed) {
        const error = outcome.errorInstance as Error;
        failures.push(
          `${operation.method} ${operation.path} (seed ${SEED}, path ${outcome.counterexamplePath}): ${error?.message ?? String(error)}`,
        );
      }
    }
    if (process.env.FUZZ_VERBOSE)
      console.log(
        Object.entries(byStatus)
          .map(([op, st]) => `${op} ${JSON.stringify(st)}`)
          .join('\n'),
      );
    console.log(
      `[fault] API fuzz (seed ${SEED}, ${RUNS} runs × ${operations.length} operations): ${counts.requests} requests, ${counts.refused} refused (4xx), ` +
        `${counts.accepted} accepted (${reachedOk.size} operations answered 2xx at least once), ${counts.notSent} not sendable; ${failures.length} operations failing; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(failures).toEqual([]);
  });
});
