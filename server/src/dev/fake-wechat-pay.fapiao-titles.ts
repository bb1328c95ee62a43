import { JsonBody } from './fake-wechat-pay.records';

/**
 * The title pages of the fake WeChat Pay's e-invoice APIs (scene WITHOUT_WECHATPAY, money not taken through
 * WeChat Pay): 获取抬头填写链接 opens an application for one user and a total; the user fills the title on the
 * page (here `fill`, what WeChat's title mini program does), FAPIAO.USER_APPLIED is posted, and
 * 获取用户填写的抬头 answers it. Issuing in that scene needs the filled title (fake-wechat-pay.fapiao.ts).
 */
export interface FakeTitleApplication {
  fapiaoApplyId: string;
  openid: string;
  /** What the application's invoices may total (total_amount of the title link). */
  totalFen: number;
  source: 'WEB' | 'MINIPROGRAM';
  title: { type: 'INDIVIDUAL' | 'ORGANIZATION'; name: string; taxpayer_id?: string } | null;
}

type Answer = { status: number; body?: unknown };
const fail = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });
/** 发票申请单号: letters, digits, - _ | *, at most 32. */
const APPLY_ID = /^[A-Za-z0-9_|*-]{1,32}$/;
const TITLE_URL = '/v3/new-tax-control-fapiao/user-title/title-url';
const USER_TITLE = '/v3/new-tax-control-fapiao/user-title';
/** WeChat's e-invoice title mini program (开票助手). */
const TITLE_MINIPROGRAM_APPID = 'wx1ed7a8a0ffe1c8f0';

export function fakeFapiaoTitles(deps: {
  appid: string;
  mchid: string;
  notify: (eventType: string, resource: Record<string, unknown>) => Promise<unknown>;
  track<T>(promise: Promise<T>): Promise<T>;
}) {
  const applications = new Map<string, FakeTitleApplication>();

  const titleUrl = (q: URLSearchParams): Answer => {
    const applyId = q.get('fapiao_apply_id') ?? '';
    const openid = q.get('openid') ?? '';
    const total = Number(q.get('total_amount'));
    const source = q.get('source');
    if (!APPLY_ID.test(applyId)) return fail(400, 'PARAM_ERROR', 'fapiao_apply_id 格式错误');
    if (q.get('appid') !== deps.appid) return fail(400, 'PARAM_ERROR', 'appid 与商户不匹配');
    if (!openid) return fail(400, 'PARAM_ERROR', 'openid 不能为空');
    if (!Number.isInteger(total) || total <= 0) return fail(400, 'PARAM_ERROR', 'total_amount 格式错误');
    if (source !== 'WEB' && source !== 'MINIPROGRAM') return fail(400, 'PARAM_ERROR', 'source 取值错误');
    const known = applications.get(applyId);
    // An expired link is asked again with the same application id; another user or total is another application.
    if (known && (known.openid !== openid || known.totalFen !== total))
      return fail(400, 'INVALID_REQUEST', '发票申请单号已被使用');
    applications.set(applyId, known ?? { fapiaoApplyId: applyId, openid, totalFen: total, source, title: null });
    const ticket = encodeURIComponent(applyId);
    return {
      status: 200,
      body: {
        title_url: `https://www.weixin.qq.com/fapiao/title?apply=${ticket}&mchid=${deps.mchid}`,
        miniprogram_appid: TITLE_MINIPROGRAM_APPID,
        miniprogram_path: `pages/title/index?apply=${ticket}&mchid=${deps.mchid}`,
        miniprogram_user_name: 'gh_fapiao_title',
      },
    };
  };

  const userTitle = (q: URLSearchParams): Answer => {
    const scene = q.get('scene');
    if (scene !== 'WITHOUT_WECHATPAY' && scene !== 'WITH_WECHATPAY') return fail(400, 'PARAM_ERROR', 'scene 取值错误');
    const application = applications.get(q.get('fapiao_apply_id') ?? '');
    if (scene !== 'WITHOUT_WECHATPAY' || !application?.title)
      return fail(404, 'RESOURCE_NOT_EXISTS', '用户尚未填写抬头');
    return { status: 200, body: application.title };
  };

  return {
    /** The title routes; null when the path is not one of them. */
    api(method: string, url: URL): Answer | null {
      if (method === 'GET' && url.pathname === TITLE_URL) return titleUrl(url.searchParams);
      if (method === 'GET' && url.pathname === USER_TITLE) return userTitle(url.searchParams);
      return null;
    },
    application: (applyId: string) => applications.get(applyId),
    applications: () => [...applications.values()].map((a) => ({ ...a })),
    /** The user fills the title on the page of this application (its openid): FAPIAO.USER_APPLIED follows. */
    fill(applyId: string, openid: string, title: JsonBody): Promise<unknown> {
      const application = applications.get(applyId);
      if (!application || application.openid !== openid) throw new Error(`no title page of ${applyId} for ${openid}`);
      if (!['INDIVIDUAL', 'ORGANIZATION'].includes(title.type) || !title.name) throw new Error('bad title');
      application.title = {
        type: title.type,
        name: title.name,
        ...(title.type === 'ORGANIZATION' ? { taxpayer_id: title.taxpayer_id } : {}),
      };
      const applyTime = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
      return deps.track(
        Promise.resolve(
          deps.notify('FAPIAO.USER_APPLIED', { mchid: deps.mchid, fapiao_apply_id: applyId, apply_time: applyTime }),
        ),
      );
    },
  };
}
