import { formatRfc3339Beijing, nonceStr } from '../payments/wechat-pay/wechat-pay.crypto';
import { FakeTitleApplication } from './fake-wechat-pay.fapiao-titles';
import { digits, FakeOrder, JsonBody } from './fake-wechat-pay.records';

/**
 * The e-invoice (new-tax-control-fapiao) part of the fake WeChat Pay: card template, issue, query, reverse.
 * Like WeChat Pay it accepts issue and reverse with 202, then issues (into the payer's card wallet) or reverses
 * after a moment and posts FAPIAO.ISSUED / FAPIAO.REVERSED, signed and encrypted, to the merchant's callback URL.
 */
export interface FakeFapiao {
  fapiaoApplyId: string;
  fapiaoId: string;
  status: 'ISSUE_ACCEPTED' | 'ISSUED' | 'REVERSE_ACCEPTED' | 'REVERSED';
  cardStatus: 'INSERT_ACCEPTED' | 'INSERTED' | 'DISCARD_ACCEPTED' | 'DISCARDED' | null;
  buyer: { type: string; name: string; taxpayer_id?: string };
  totalFen: number;
  items: JsonBody[];
  payerOpenid: string;
  blue?: { code: string; number: string; checkCode: string; time: Date };
  red?: { code: string; number: string; time: Date };
  reverseReason?: string;
}

type Answer = { status: number; body?: unknown };
type Notify = (eventType: string, resource: Record<string, unknown>) => Promise<unknown>;

export interface FapiaoDeps {
  mchid: string;
  appid: string;
  /** The paid order of a transaction_id (the fapiao_apply_id of the WeChat Pay scene). */
  paidOrder(transactionId: string): FakeOrder | undefined;
  /** The title page of an application of the WITHOUT_WECHATPAY scene (fake-wechat-pay.fapiao-titles.ts). */
  titleApplication(fapiaoApplyId: string): FakeTitleApplication | undefined;
  /** Posts a notice to the merchant's fapiao callback URL (its development options); none set = none sent. */
  notify: Notify;
  track<T>(promise: Promise<T>): Promise<T>;
  settleMs: number;
}

const fail = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });
const BASE = '/v3/new-tax-control-fapiao';
const PATH_APPLICATION = /^\/v3\/new-tax-control-fapiao\/fapiao-applications\/([^/?]+)$/;
const PATH_REVERSE = /^\/v3\/new-tax-control-fapiao\/fapiao-applications\/([^/?]+)\/reverse$/;
/** 同一个开票申请单最多申请5张发票. */
const FAPIAOS_PER_APPLICATION = 5;
/** 19-digit tax classification codes; tax_rate in 1/10000. */
const TAX_CODE = /^\d{19}$/;

export function fakeFapiaoApi(deps: FapiaoDeps) {
  const fapiaos = new Map<string, FakeFapiao>();
  const cardTemplates: JsonBody[] = [];

  const resource = (f: FakeFapiao) => ({
    mchid: deps.mchid,
    fapiao_apply_id: f.fapiaoApplyId,
    fapiao_information: [{ fapiao_id: f.fapiaoId, fapiao_status: f.status, card_status: f.cardStatus }],
  });
  const later = (work: () => Promise<unknown>) =>
    void deps.track(new Promise((resolve) => setTimeout(resolve, deps.settleMs)).then(work));

  const cardTemplate = (body: JsonBody): Answer => {
    if (body.card_appid !== deps.appid) return fail(400, 'PARAM_ERROR', 'card_appid 与商户不匹配');
    cardTemplates.push(body);
    return { status: 200, body: { card_appid: deps.appid, card_id: `pFapiao${digits(12)}` } };
  };

  /** The payer and the most the application's invoices may total, by scene; or the refusal. */
  const applicationOf = (body: JsonBody): Answer | { openid: string; totalFen: number } => {
    const applyId = String(body.fapiao_apply_id ?? '');
    if (body.scene === 'WITH_WECHATPAY') {
      const order = deps.paidOrder(applyId);
      if (!order) return fail(400, 'INVALID_REQUEST', 'fapiao_apply_id 不是本商户已支付的微信支付订单号');
      return { openid: order.payerOpenid, totalFen: order.amountFen };
    }
    if (body.scene !== 'WITHOUT_WECHATPAY') return fail(400, 'PARAM_ERROR', 'scene 取值错误');
    // Money not taken through WeChat Pay: only after the user filled the title page of this application.
    const application = deps.titleApplication(applyId);
    if (!application) return fail(400, 'INVALID_REQUEST', '发票申请单号不存在，请先获取抬头填写链接');
    if (!application.title) return fail(400, 'INVALID_REQUEST', '用户尚未完成抬头填写');
    return { openid: application.openid, totalFen: application.totalFen };
  };

  const issue = (body: JsonBody): Answer => {
    const application = applicationOf(body);
    if ('status' in application) return application;
    const buyer = body.buyer_information ?? {};
    if (!['INDIVIDUAL', 'ORGANIZATION'].includes(buyer.type) || typeof buyer.name !== 'string' || !buyer.name)
      return fail(400, 'PARAM_ERROR', 'buyer_information 格式错误');
    if (buyer.type === 'ORGANIZATION' && !/^[0-9A-Z]{15,20}$/.test(buyer.taxpayer_id ?? ''))
      return fail(400, 'PARAM_ERROR', '单位抬头须填写纳税人识别号');
    const list: JsonBody[] = Array.isArray(body.fapiao_information) ? body.fapiao_information : [];
    if (list.length !== 1) return fail(400, 'PARAM_ERROR', '本模拟每次只开一张发票');
    const [info] = list;
    const items: JsonBody[] = Array.isArray(info.items) ? info.items : [];
    const sum = items.reduce((s, i) => s + (Number.isInteger(i.total_amount) ? i.total_amount : NaN), 0);
    if (
      typeof info.fapiao_id !== 'string' ||
      !/^[A-Za-z0-9_-]{1,32}$/.test(info.fapiao_id) ||
      !Number.isInteger(info.total_amount) ||
      !items.length ||
      items.some((i) => !TAX_CODE.test(i.tax_code ?? '') || !Number.isInteger(i.tax_rate)) ||
      sum !== info.total_amount
    ) {
      return fail(400, 'PARAM_ERROR', 'fapiao_information 格式错误');
    }
    if (info.total_amount > application.totalFen) return fail(400, 'INVALID_REQUEST', '开票金额超过订单金额');
    const same = fapiaos.get(info.fapiao_id);
    if (same) {
      // The same fapiao_id again: accepted once, not issued twice.
      return same.fapiaoApplyId === body.fapiao_apply_id
        ? { status: 202 }
        : fail(400, 'INVALID_REQUEST', '商户发票单号重复');
    }
    const ofApplication = [...fapiaos.values()].filter((f) => f.fapiaoApplyId === body.fapiao_apply_id);
    if (ofApplication.length >= FAPIAOS_PER_APPLICATION)
      return fail(400, 'INVALID_REQUEST', '同一个开票申请单最多申请5张发票');
    if (ofApplication.some((f) => f.status !== 'REVERSED'))
      return fail(400, 'INVALID_REQUEST', '该订单已开具发票，请先冲红');
    const created: FakeFapiao = {
      fapiaoApplyId: body.fapiao_apply_id,
      fapiaoId: info.fapiao_id,
      status: 'ISSUE_ACCEPTED',
      cardStatus: null,
      buyer,
      totalFen: info.total_amount,
      items,
      payerOpenid: application.openid,
    };
    fapiaos.set(created.fapiaoId, created);
    later(async () => {
      const time = new Date(Math.floor(Date.now() / 1000) * 1000);
      created.blue = { code: `0${digits(11)}`, number: digits(8), checkCode: digits(20), time };
      created.status = 'ISSUED';
      // The invoice goes into the card wallet of the payer (or of the user who filled the title) as it is issued.
      created.cardStatus = 'INSERTED';
      await deps.notify('FAPIAO.ISSUED', resource(created));
    });
    return { status: 202 };
  };

  const reverse = (applyId: string, body: JsonBody): Answer => {
    if (typeof body.reverse_reason !== 'string' || !body.reverse_reason)
      return fail(400, 'PARAM_ERROR', 'reverse_reason 不能为空');
    const list: JsonBody[] = Array.isArray(body.fapiao_information) ? body.fapiao_information : [];
    const targets = list.map((i) => ({ info: i, fapiao: fapiaos.get(i.fapiao_id) }));
    if (!targets.length || targets.some((t) => !t.fapiao || t.fapiao.fapiaoApplyId !== applyId))
      return fail(404, 'RESOURCE_NOT_EXISTS', '发票不存在');
    for (const { info, fapiao } of targets) {
      if (fapiao!.status === 'REVERSE_ACCEPTED' || fapiao!.status === 'REVERSED') continue;
      if (fapiao!.status !== 'ISSUED') return fail(400, 'INVALID_REQUEST', '发票尚未开具，不能冲红');
      if (
        info.fapiao_number !== fapiao!.blue!.number ||
        (info.fapiao_code ?? fapiao!.blue!.code) !== fapiao!.blue!.code
      )
        return fail(400, 'PARAM_ERROR', '发票号码与发票代码不匹配');
    }
    for (const { fapiao } of targets) {
      const f = fapiao!;
      if (f.status !== 'ISSUED') continue;
      f.status = 'REVERSE_ACCEPTED';
      f.reverseReason = body.reverse_reason;
      later(async () => {
        f.red = { code: f.blue!.code, number: digits(8), time: new Date(Math.floor(Date.now() / 1000) * 1000) };
        f.status = 'REVERSED';
        f.cardStatus = 'DISCARDED';
        await deps.notify('FAPIAO.REVERSED', resource(f));
      });
    }
    return { status: 202 };
  };

  const detail = (d?: { code: string; number: string; checkCode?: string; time: Date }) =>
    d && {
      fapiao_code: d.code,
      fapiao_number: d.number,
      ...(d.checkCode ? { check_code: d.checkCode, password: nonceStr(20) } : {}),
      fapiao_time: formatRfc3339Beijing(d.time),
    };

  const query = (applyId: string, fapiaoId: string | null): Answer => {
    const found = [...fapiaos.values()].filter(
      (f) => f.fapiaoApplyId === applyId && (fapiaoId === null || f.fapiaoId === fapiaoId),
    );
    if (!found.length) return fail(404, 'RESOURCE_NOT_EXISTS', '发票申请单不存在');
    return {
      status: 200,
      body: {
        total_count: found.length,
        fapiao_information: found.map((f) => ({
          fapiao_id: f.fapiaoId,
          status: f.status,
          total_amount: f.totalFen,
          ...(f.blue ? { blue_fapiao: detail(f.blue) } : {}),
          ...(f.red ? { red_fapiao: detail(f.red) } : {}),
          ...(f.cardStatus
            ? {
                card_information: {
                  card_appid: deps.appid,
                  card_openid: f.payerOpenid,
                  card_status: f.cardStatus,
                },
              }
            : {}),
          buyer_information: f.buyer,
          items: f.items,
        })),
      },
    };
  };

  /** The fapiao routes; null when the path is not one of them. */
  const api = (method: string, url: URL, body: JsonBody): Answer | null => {
    const path = url.pathname;
    if (!path.startsWith(`${BASE}/`)) return null;
    if (method === 'POST' && path === `${BASE}/card-template`) return cardTemplate(body);
    if (method === 'POST' && path === `${BASE}/fapiao-applications`) return issue(body);
    let match = PATH_REVERSE.exec(path);
    if (method === 'POST' && match) return reverse(decodeURIComponent(match[1]), body);
    match = PATH_APPLICATION.exec(path);
    if (method === 'GET' && match) return query(decodeURIComponent(match[1]), url.searchParams.get('fapiao_id'));
    return fail(404, 'NOT_FOUND', `no such API: ${method} ${path}`);
  };

  return {
    api,
    fapiaos: () => [...fapiaos.values()].map((f) => ({ ...f })),
    cardTemplates: () => [...cardTemplates],
    /** The last notice of an invoice again (WeChat Pay's retries), with a fresh signature. */
    renotify: (fapiaoId: string) => {
      const f = fapiaos.get(fapiaoId);
      if (!f || (f.status !== 'ISSUED' && f.status !== 'REVERSED')) throw new Error(`no notice sent for ${fapiaoId}`);
      return deps.notify(f.status === 'ISSUED' ? 'FAPIAO.ISSUED' : 'FAPIAO.REVERSED', resource(f));
    },
  };
}
