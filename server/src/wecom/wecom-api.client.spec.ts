import { FakeWecom, startFakeWecom } from '../dev/fake-wecom.server';
import { WecomApiClient, WecomApiError, WecomErrcode } from './wecom-api.client';

const CORP_ID = 'ww0000000000test';
const SECRET = 'test-wecom-secret-0123456789';
const AGENT_ID = 1000007;

let fake: FakeWecom;
beforeEach(async () => {
  fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, agentId: AGENT_ID, tokenTtlSeconds: 7200 });
});
afterEach(() => fake.close());

const newClient = (overrides: { secret?: string } = {}) =>
  new WecomApiClient({
    baseUrl: fake.url,
    corpId: CORP_ID,
    agentId: AGENT_ID,
    secret: SECRET,
    timeoutMs: 2000,
    ...overrides,
  });
const card = (touser: string, title = '工单超时') => ({
  touser,
  title,
  description: '工单 #12 响应已超时',
  url: 'https://staff.example.cn/tickets/12',
});
const calls = (path: string) => fake.received.filter((c) => c.path === path);

async function rejection(promise: Promise<unknown>): Promise<WecomApiError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof WecomApiError)) throw new Error(`expected a WecomApiError, got ${String(outcome)}`);
  return outcome;
}

describe('WecomApiClient against the fake WeCom', () => {
  it('sends a text card to the agent with a cached token: one gettoken for two messages, one send each', async () => {
    const client = newClient();
    const first = await client.sendTextCard(card('zhouzhuguan'));
    await client.sendTextCard(card('wuzhuguan', '第二条'));
    expect(first).toMatch(/.+/);
    expect(calls('/cgi-bin/gettoken')).toHaveLength(1);
    expect(calls('/cgi-bin/gettoken')[0].query).toEqual({ corpid: CORP_ID, corpsecret: '***' });
    expect(calls('/cgi-bin/message/send')).toHaveLength(2);
    expect(calls('/cgi-bin/message/send')[0].body).toEqual({
      touser: 'zhouzhuguan',
      msgtype: 'textcard',
      agentid: AGENT_ID,
      textcard: {
        title: '工单超时',
        description: '工单 #12 响应已超时',
        url: 'https://staff.example.cn/tickets/12',
        btntxt: '详情',
      },
    });
    expect(fake.messages().map((m) => [m.touser, m.title])).toEqual([
      ['zhouzhuguan', '工单超时'],
      ['wuzhuguan', '第二条'],
    ]);
  });

  it('on 42001 fetches a new token and sends once more, delivering the message once', async () => {
    const client = newClient();
    await client.sendTextCard(card('a1'));
    fake.expireTokens();
    await client.sendTextCard(card('a2'));
    expect(calls('/cgi-bin/gettoken')).toHaveLength(2);
    expect(calls('/cgi-bin/message/send')).toHaveLength(3);
    expect(fake.messages().map((m) => m.touser)).toEqual(['a1', 'a2']);
  });

  it('refreshes the token at most once per send: a second 42001 is a failure', async () => {
    const client = newClient();
    await client.sendTextCard(card('a1'));
    fake.expireTokens();
    fake.failNext(2, WecomErrcode.AccessTokenExpired);
    const error = await rejection(client.sendTextCard(card('a2')));
    expect(error.errcode).toBe(42001);
    expect(calls('/cgi-bin/message/send')).toHaveLength(3);
    expect(fake.messages().map((m) => m.touser)).toEqual(['a1']);
  });

  it('keeps the errcode and message of a refusal and says whether a retry may pass', async () => {
    const client = newClient();
    fake.failNext(1, WecomErrcode.SystemBusy);
    const busy = await rejection(client.sendTextCard(card('a1')));
    expect([busy.errcode, busy.retryable]).toEqual([-1, true]);
    expect(busy.errmsg).toContain('system is busy');
    fake.failNext(1, WecomErrcode.ApiFreqOutOfLimit);
    expect((await rejection(client.sendTextCard(card('a1')))).retryable).toBe(true);
    const unknown = await rejection(client.sendTextCard(card('unknown-user')));
    expect([unknown.errcode, unknown.retryable]).toEqual([81013, false]);
    // One attempt per call: the outbox, not the client, decides when to try again.
    expect(calls('/cgi-bin/message/send')).toHaveLength(3);
    expect(fake.messages()).toHaveLength(0);
  });

  it('fails on a wrong secret without sending, and never puts the secret in the error', async () => {
    const error = await rejection(newClient({ secret: 'wrong-secret-value' }).sendTextCard(card('a1')));
    expect([error.api, error.errcode, error.retryable]).toEqual(['gettoken', 40001, false]);
    expect(error.message).not.toContain('wrong-secret-value');
    expect(calls('/cgi-bin/message/send')).toHaveLength(0);
  });

  it('reports a network failure as retryable', async () => {
    const client = newClient();
    await fake.close();
    const error = await rejection(client.sendTextCard(card('a1')));
    expect([error.errcode, error.retryable]).toEqual([WecomErrcode.Network, true]);
  });
});
