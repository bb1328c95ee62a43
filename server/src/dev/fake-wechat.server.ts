import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * A fake of the WeChat server API on 127.0.0.1, speaking the same HTTP contract as api.weixin.qq.com, so the
 * client's code paths are the ones used in live mode. Code conventions (what the H5 mock pages send):
 *
 * - login code `mock-<identity>` or `mock-<identity>:<nonce>` → an openid stable for that identity (a code is
 *   single-use, as wx.login's are, so log one identity in again with a new nonce); any other well-formed code
 *   gets an openid derived from the code itself;
 * - phone code `mock-phone-<11 digits>` (optionally `:<nonce>`) → that mainland number, single-use.
 */
export interface FakeWechatOptions {
  appid: string;
  secret: string;
  tokenTtlSeconds: number;
}

export interface ReceivedCall {
  method: string;
  path: string;
  /** The secret is masked: a real one must not sit in a fake's memory or inspection endpoint. */
  query: Record<string, string>;
  body: unknown;
  at: string;
}

export interface SentSubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
  at: string;
}

export interface FakeWechat {
  url: string;
  close(): Promise<void>;
  received: ReceivedCall[];
  messages(): SentSubscribeMessage[];
  /** The next `n` subscribe sends answer `errcode` (e.g. -1 busy, 43101 refused). */
  failNext(n: number, errcode: number): void;
  /** Every access token issued so far answers 42001 from now on. */
  expireTokens(): void;
  /** The next `n` requests of any kind get no answer at all (for timeouts). */
  stallNext(n: number): void;
}

type Answer = { body: Record<string, unknown> };
type Route = (query: Record<string, string>, body: unknown) => Answer;

const CODE = /^[A-Za-z0-9._~@+=:-]{1,128}$/;
const MOCK_LOGIN = /^mock-([A-Za-z0-9._@-]{1,64})(?::[A-Za-z0-9_-]{1,64})?$/;
const MOCK_PHONE = /^mock-phone-(1\d{10})(?::[A-Za-z0-9_-]{1,64})?$/;
const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const FAILURE_MESSAGES: Partial<Record<number, string>> = {
  [-1]: 'system error',
  43101: 'user refuse to accept the msg',
};

const fail = (errcode: number, errmsg: string): Answer => ({
  body: { errcode, errmsg: `${errmsg} rid: fake-${randomBytes(4).toString('hex')}` },
});
const base64url = (text: string) => createHash('sha256').update(text).digest('base64url');

export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const { appid, secret, tokenTtlSeconds } = options;
  const received: ReceivedCall[] = [];
  const sent: SentSubscribeMessage[] = [];
  const usedCodes = new Set<string>();
  const tokens = new Map<string, number>(); // token → expires at (ms)
  let stableToken: string | null = null;
  let failures: { left: number; errcode: number } = { left: 0, errcode: 0 };
  let stalls = 0;

  /**
   * 'o' + 27 characters like a real openid. The last 6 are a check over the first 21, so the fake can tell an
   * openid a fake with this appid issued even after a restart (residents keep their openids in the database).
   */
  const openidFor = (subject: string) => {
    const body = base64url(`${appid}\n${subject}`).slice(0, 21);
    return `o${body}${base64url(`openid-check\n${appid}\n${body}`).slice(0, 6)}`;
  };
  const isIssuedOpenid = (openid: unknown) =>
    typeof openid === 'string' &&
    openid.length === 28 &&
    openid === `o${openid.slice(1, 22)}${base64url(`openid-check\n${appid}\n${openid.slice(1, 22)}`).slice(0, 6)}`;

  const checkCredentials = (
    body: { appid?: unknown; secret?: unknown; grant_type?: unknown },
    grantType: string,
    badSecret: number,
  ): Answer | null => {
    if (body.appid !== appid) return fail(40013, 'invalid appid');
    if (body.secret !== secret) return fail(badSecret, 'invalid appsecret');
    if (body.grant_type !== grantType) return fail(40002, 'invalid grant_type');
    return null;
  };

  const issueToken = () => {
    const token = `fake_${randomBytes(24).toString('base64url')}`;
    tokens.set(token, Date.now() + tokenTtlSeconds * 1000);
    return token;
  };
  const tokenAnswer = (token: string): Answer => ({
    body: { access_token: token, expires_in: Math.max(1, Math.ceil(((tokens.get(token) ?? 0) - Date.now()) / 1000)) },
  });

  /** Same order as WeChat: missing → 41001, unknown → 40001, expired → 42001. */
  const checkToken = (query: Record<string, string>): Answer | null => {
    const token = query.access_token;
    if (!token) return fail(41001, 'access_token missing');
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return fail(40001, 'invalid credential, access_token is invalid or not latest');
    if (Date.now() >= expiresAt) return fail(42001, 'access_token expired');
    return null;
  };

  /** Codes are single-use, as WeChat's are. */
  const takeCode = (code: string) => {
    if (usedCodes.has(code)) return false;
    usedCodes.add(code);
    return true;
  };

  const routes: Partial<Record<string, Route>> = {
    'GET /sns/jscode2session': (query) => {
      const refused = checkCredentials(query, 'authorization_code', 40125);
      if (refused) return refused;
      const code = query.js_code ?? '';
      if (!CODE.test(code)) return fail(40029, 'invalid code');
      if (!takeCode(code)) return fail(40163, 'code been used');
      const identity = MOCK_LOGIN.exec(code)?.[1];
      return {
        body: {
          openid: openidFor(identity !== undefined ? `mock:${identity}` : `code:${code}`),
          session_key: randomBytes(16).toString('base64'),
        },
      };
    },
    // cgi-bin/token issues a new token on every call (WeChat's older endpoint); wrong secret is 40001 there.
    'GET /cgi-bin/token': (query) => checkCredentials(query, 'client_credential', 40001) ?? tokenAnswer(issueToken()),
    'POST /cgi-bin/stable_token': (_query, body) => {
      const request = (body ?? {}) as {
        appid?: unknown;
        secret?: unknown;
        grant_type?: unknown;
        force_refresh?: unknown;
      };
      const refused = checkCredentials(request, 'client_credential', 40125);
      if (refused) return refused;
      const current = stableToken && (tokens.get(stableToken) ?? 0) > Date.now() ? stableToken : null;
      if (current && request.force_refresh !== true) return tokenAnswer(current);
      if (stableToken) tokens.delete(stableToken); // a forced refresh invalidates the previous stable token
      stableToken = issueToken();
      return tokenAnswer(stableToken);
    },
    'POST /wxa/business/getuserphonenumber': (query, body) => {
      const refused = checkToken(query);
      if (refused) return refused;
      const code = String((body as { code?: unknown } | null)?.code ?? '');
      const phone = MOCK_PHONE.exec(code)?.[1];
      if (!phone || !takeCode(code)) return fail(40029, 'invalid code');
      return {
        body: {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: phone,
            purePhoneNumber: phone,
            countryCode: '86',
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid },
          },
        },
      };
    },
    'POST /cgi-bin/message/subscribe/send': (query, body) => {
      const refused = checkToken(query);
      if (refused) return refused;
      const message = (body ?? {}) as Record<string, unknown>;
      if (!isIssuedOpenid(message.touser)) return fail(40003, 'invalid openid');
      if (typeof message.template_id !== 'string' || !message.template_id) return fail(40037, 'invalid template_id');
      const problem = dataProblem(message.data);
      if (problem) return fail(47003, `argument invalid! ${problem}`);
      if (message.miniprogram_state !== undefined && !MINIPROGRAM_STATES.has(message.miniprogram_state as string)) {
        return fail(47003, 'argument invalid! miniprogram_state invalid');
      }
      if (failures.left > 0) {
        failures.left--;
        return fail(failures.errcode, FAILURE_MESSAGES[failures.errcode] ?? 'injected failure');
      }
      sent.push({
        touser: message.touser as string,
        templateId: message.template_id,
        page: message.page as string | undefined,
        data: message.data as SentSubscribeMessage['data'],
        miniprogramState: message.miniprogram_state as string | undefined,
        lang: message.lang as string | undefined,
        at: new Date().toISOString(),
      });
      return { body: { errcode: 0, errmsg: 'ok' } };
    },
  };

  // Read-only views for browser tests; not WeChat calls, so not recorded.
  const inspection: Partial<Record<string, () => unknown>> = {
    'GET /__mock/messages': () => sent,
    'GET /__mock/calls': () => received,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const key = `${req.method} ${url.pathname}`;
    const view = inspection[key];
    if (view) return send(res, 200, view());
    const raw = await readBody(req);
    let body: unknown = raw || null;
    let malformed = false;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      malformed = true;
    }
    const query = Object.fromEntries(url.searchParams);
    received.push({
      method: req.method ?? '',
      path: url.pathname,
      query: 'secret' in query ? { ...query, secret: '***' } : query,
      body: maskSecret(body),
      at: new Date().toISOString(),
    });
    if (stalls > 0) {
      stalls--;
      return; // never answer; close() destroys the socket
    }
    const route = routes[key];
    if (!route) {
      const otherMethod = routes[`${req.method === 'GET' ? 'POST' : 'GET'} ${url.pathname}`];
      if (otherMethod)
        return send(
          res,
          200,
          fail(req.method === 'GET' ? 43002 : 43001, `require ${req.method === 'GET' ? 'POST' : 'GET'} method`).body,
        );
      return send(res, 404, { errcode: 404, errmsg: 'not found' });
    }
    if (malformed) return send(res, 200, fail(47001, 'data format error').body);
    const answer = route(query, body);
    send(res, 200, answer.body);
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { errcode: -1, errmsg: String(error) }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    messages: () => [...sent],
    failNext: (n, errcode) => (failures = { left: n, errcode }),
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    stallNext: (n) => (stalls = n),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy(); // stalled and keep-alive connections
      }),
  };
}

/** What WeChat checks of `data`: an object of `{ value }` entries. */
function dataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0)
    return 'data invalid';
  for (const [key, entry] of Object.entries(data)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') return `data.${key}.value invalid`;
  }
  return null;
}

function maskSecret(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'secret' in body) return { ...body, secret: '***' };
  return body;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; encoding=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
