import { Inject, Injectable } from '@nestjs/common';
import { FapiaoUserTitle, QueriedFapiao, toFapiaoUserTitle, toQueriedFapiaos } from './fapiao.types';
import { WechatPayClient, WechatPayError } from './wechat-pay.client';
import { WECHAT_PAY_CREDENTIALS, WechatPayCredentials } from './wechat-pay.credentials';

const BASE = '/v3/new-tax-control-fapiao';

/** 购买方: a person (INDIVIDUAL) or a company (ORGANIZATION, with its 统一社会信用代码). */
export interface FapiaoBuyer {
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  taxpayerId?: string;
}

/** One line of an invoice: the tax classification code (税收分类编码), its rate in 1/10000 (900 = 9%), the amount with tax. */
export interface FapiaoLine {
  taxCode: string;
  goodsName: string;
  totalFen: number;
  taxRate: number;
}

/** 开票场景: a payment through WeChat Pay, or money taken otherwise (counter, bank) after the user's title page. */
export type FapiaoScene = 'WITH_WECHATPAY' | 'WITHOUT_WECHATPAY';

/** Where the user fills the invoice title (抬头填写链接, valid 30 minutes): an H5 URL and WeChat's title mini program. */
export interface FapiaoTitleLink {
  url: string;
  miniprogramAppid: string;
  miniprogramPath: string;
}

export interface FapiaoIssueRequest {
  scene: FapiaoScene;
  /** WITH_WECHATPAY: the WeChat Pay transaction_id; WITHOUT_WECHATPAY: the id the title link was asked with. */
  fapiaoApplyId: string;
  /** 商户发票单号: ours, one per invoice (a reissue gets a new one under the same application). */
  fapiaoId: string;
  buyer: FapiaoBuyer;
  totalFen: number;
  lines: FapiaoLine[];
  remark?: string;
}

/**
 * WeChat Pay's e-invoice APIs (微信支付电子发票, /v3/new-tax-control-fapiao) through the same signed client as
 * payments. Issuing and reversing are asynchronous: WeChat Pay answers 202 Accepted, then sends FAPIAO.ISSUED /
 * FAPIAO.REVERSED to the callback URL set in the merchant's development options (ours: WECHATPAY_NOTIFY_URL);
 * an invoice issued in the WeChat Pay scene is put into the payer's card wallet (卡包) by WeChat Pay itself.
 */
@Injectable()
export class FapiaoClient {
  constructor(
    private readonly client: WechatPayClient,
    @Inject(WECHAT_PAY_CREDENTIALS) private readonly credentials: WechatPayCredentials,
  ) {}

  /** 创建电子发票卡券模板: the card the invoices appear as in the wallet; once per merchant and app. */
  async createCardTemplate(payeeName: string): Promise<{ cardAppid: string; cardId: string }> {
    const { json } = await this.client.call('fapiaoCardTemplate', 'POST', `${BASE}/card-template`, {
      card_appid: this.credentials.appid,
      card_template_information: { payee_name: payeeName },
    });
    if (typeof json?.card_appid !== 'string' || typeof json.card_id !== 'string')
      throw new WechatPayError('fapiaoCardTemplate', 200, 'BAD_RESPONSE', 'no card_appid/card_id', false);
    return { cardAppid: json.card_appid, cardId: json.card_id };
  }

  /** 开具电子发票; accepted only (202): the result comes as FAPIAO.ISSUED or by `query`. Same fapiao_id again is safe. */
  async issue(request: FapiaoIssueRequest): Promise<void> {
    const { buyer } = request;
    await this.client.call('fapiaoIssue', 'POST', `${BASE}/fapiao-applications`, {
      scene: request.scene,
      fapiao_apply_id: request.fapiaoApplyId,
      buyer_information: {
        type: buyer.type,
        name: buyer.name,
        ...(buyer.taxpayerId ? { taxpayer_id: buyer.taxpayerId } : {}),
      },
      fapiao_information: [
        {
          fapiao_id: request.fapiaoId,
          total_amount: request.totalFen,
          need_list: false,
          items: request.lines.map((line) => ({
            tax_code: line.taxCode,
            goods_name: line.goodsName,
            total_amount: line.totalFen,
            tax_rate: line.taxRate,
            discount: false,
          })),
          ...(request.remark ? { remark: request.remark } : {}),
        },
      ],
    });
  }

  /**
   * 获取抬头填写链接 (scene WITHOUT_WECHATPAY): the page where the user fills (and so authorises) the title of an
   * application; `totalFen` caps what its invoices may total. Asked again when it expired, with the same id.
   */
  async titleLink(request: { fapiaoApplyId: string; openid: string; totalFen: number }): Promise<FapiaoTitleLink> {
    const query = new URLSearchParams({
      fapiao_apply_id: request.fapiaoApplyId,
      appid: this.credentials.appid,
      openid: request.openid,
      total_amount: String(request.totalFen),
      source: 'MINIPROGRAM',
    });
    const { json } = await this.client.call('fapiaoTitleUrl', 'GET', `${BASE}/user-title/title-url?${query}`);
    const { title_url: url, miniprogram_appid: appid, miniprogram_path: path } = json ?? {};
    if (typeof url !== 'string' || typeof appid !== 'string' || typeof path !== 'string')
      throw new WechatPayError('fapiaoTitleUrl', 200, 'BAD_RESPONSE', 'no title_url/miniprogram_path', false);
    return { url, miniprogramAppid: appid, miniprogramPath: path };
  }

  /** 获取用户填写的抬头; null while the user has not filled it (WeChat Pay answers 404). */
  async userTitle(fapiaoApplyId: string, scene: FapiaoScene): Promise<FapiaoUserTitle | null> {
    const query = new URLSearchParams({ fapiao_apply_id: fapiaoApplyId, scene });
    let json: Record<string, unknown> | null;
    try {
      ({ json } = await this.client.call('fapiaoUserTitle', 'GET', `${BASE}/user-title?${query}`));
    } catch (error) {
      if (error instanceof WechatPayError && error.status === 404) return null;
      throw error;
    }
    const title = toFapiaoUserTitle(json);
    if (!title) throw new WechatPayError('fapiaoUserTitle', 200, 'BAD_RESPONSE', 'not a buyer title', false);
    return title;
  }

  /** 查询电子发票: one invoice of the application (or all of them); null when WeChat Pay has none. */
  async query(fapiaoApplyId: string, fapiaoId?: string): Promise<QueriedFapiao[] | null> {
    const query = fapiaoId ? `?fapiao_id=${encodeURIComponent(fapiaoId)}` : '';
    let json: Record<string, unknown> | null;
    try {
      ({ json } = await this.client.call(
        'fapiaoQuery',
        'GET',
        `${BASE}/fapiao-applications/${encodeURIComponent(fapiaoApplyId)}${query}`,
      ));
    } catch (error) {
      if (error instanceof WechatPayError && error.status === 404) return null;
      throw error;
    }
    const fapiaos = toQueriedFapiaos(json);
    if (!fapiaos) throw new WechatPayError('fapiaoQuery', 200, 'BAD_RESPONSE', 'not a fapiao application', false);
    return fapiaos;
  }

  /** 冲红电子发票: the red-letter reversal of an issued invoice; accepted only (202), FAPIAO.REVERSED follows. */
  async reverse(
    fapiaoApplyId: string,
    reason: string,
    fapiao: { fapiaoId: string; number: string; code: string },
  ): Promise<void> {
    await this.client.call(
      'fapiaoReverse',
      'POST',
      `${BASE}/fapiao-applications/${encodeURIComponent(fapiaoApplyId)}/reverse`,
      {
        reverse_reason: reason,
        fapiao_information: [{ fapiao_id: fapiao.fapiaoId, fapiao_number: fapiao.number, fapiao_code: fapiao.code }],
      },
    );
  }
}
