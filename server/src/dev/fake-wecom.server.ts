import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * A fake of WeCom's server API (qyapi.weixin.qq.com) on 127.0.0.1, speaking the same HTTP contract, so the
 * client's code paths are the ones used in live mode. A user id is valid when well-formed and not starting
 * with `unknown-` (WeCom then answers 81013, as it does for a user outside the app's visible range).
 */
export interface FakeWecomOptions {
  corpId: string;
  secret: string;
  agentId: number;
  tokenTtlSeconds: number;
}

export interface ReceivedWecomCall {
  method: string;
  path: string;
  /** The secret and token are masked: a real one must not sit in a fake's memory or inspection endpoint. */
  query: Record<string, string>;
  body: unknown;
  at: string;
}

export interface SentTextCard {
  msgid: string;
  touser: string;
  agentid: number;
  title: string;
  description: string;
  url: string;
  btntxt?: string;
  at: string;
}

export interface FakeWecom {
  url: string;
  close(): Promise<void>;
  received: ReceivedWecomCall[];
  messages(): SentTextCard[];
  /** The next `n` message sends answer `errcode` (e.g. -1 busy, 45009 rate limit, 81013 invalid user). */
  failNext(n: number, errcode: number): void;
  /** Every access token issued so far answers 42001 from now on. */
  expireTokens(): void;
}

type Body = Record<string, unknown>;

const USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;
const FAILURE_MESSAGES: Partial<Record<number, string>> = {
  [-1]: 'system is busy',
  45009: 'api freq out of limit',
  81013: 'user & party & tag all invalid',
};

const fail = (errcode: number, errmsg: string): Body => ({
  errcode,
  errmsg: `${errmsg}, hint: [fake-${randomBytes(4).toString('hex')}]`,
});

export async function startFakeWecom(options: FakeWecomOptions): Promise<FakeWecom> {
  const { corpId, secret, agentId, tokenTtlSeconds } = options;
  const received: ReceivedWecomCall[] = [];
  const sent: SentTextCard[] = [];
  const tokens = new Map<string, number>(); // token → expires at (ms)
  let failures = { left: 0, errcode: 0 };

  /** Same order as WeCom: missing → 41001, unknown → 40014, expired → 42001. */
  const checkToken = (query: Record<string, string>): Body | null => {
    const token = query.access_token;
    if (!token) return fail(41001, 'access_token missing');
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return fail(40014, 'invalid access_token');
    if (Date.now() >= expiresAt) return fail(42001, 'access_token expired');
    return null;
  };

  const routes: Partial<Record<string, (query: Record<string, string>, body: unknown) => Body>> = {
    'GET /cgi-bin/gettoken': (query) => {
      if (query.corpid !== corpId) return fail(40013, 'invalid corpid');
      if (query.corpsecret !== secret) return fail(40001, 'invalid secret');
      const token = `fake_${randomBytes(24).toString('base64url')}`;
      tokens.set(token, Date.now() + tokenTtlSeconds * 1000);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: tokenTtlSeconds };
    },
    'POST /cgi-bin/message/send': (query, body) => {
      const refused = checkToken(query);
      if (refused) return refused;
      const message = (body ?? {}) as Body;
      if (Number(message.agentid) !== agentId) return fail(40056, 'invalid agentid');
      if (message.msgtype !== 'textcard') return fail(40008, 'invalid message type');
      const card = (message.textcard ?? {}) as Body;
      for (const key of ['title', 'description', 'url'] as const) {
        if (typeof card[key] !== 'string' || !card[key]) return fail(44004, `empty ${key}`);
      }
      if (failures.left > 0) {
        failures.left--;
        return fail(failures.errcode, FAILURE_MESSAGES[failures.errcode] ?? 'injected failure');
      }
      const users = String(message.touser ?? '').split('|');
      const invalid = users.filter((u) => !USER_ID.test(u) || u.startsWith('unknown-'));
      if (invalid.length === users.length)
        return { ...fail(81013, FAILURE_MESSAGES[81013]!), invaliduser: invalid.join('|') };
      const msgid = randomBytes(16).toString('base64url');
      for (const touser of users.filter((u) => !invalid.includes(u))) {
        sent.push({
          msgid,
          touser,
          agentid: agentId,
          title: card.title as string,
          description: card.description as string,
          url: card.url as string,
          btntxt: card.btntxt as string | undefined,
          at: new Date().toISOString(),
        });
      }
      return { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), msgid };
    },
  };

  // Read-only views for browser tests; not WeCom calls, so not recorded.
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
    let body: unknown = null;
    let malformed = false;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      malformed = true;
    }
    const query = Object.fromEntries(url.searchParams);
    const masked = { ...query };
    if ('corpsecret' in masked) masked.corpsecret = '***';
    if ('access_token' in masked) masked.access_token = '***';
    received.push({ method: req.method ?? '', path: url.pathname, query: masked, body, at: new Date().toISOString() });
    const route = routes[key];
    if (!route) return send(res, 404, { errcode: 404, errmsg: 'not found' });
    if (malformed) return send(res, 200, fail(47001, 'data format error'));
    send(res, 200, route(query, body));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
