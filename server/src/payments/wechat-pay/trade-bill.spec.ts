import { parseTradeBill, TradeBillFormatError, yuanToFen } from './trade-bill';

/** Written by hand in WeChat Pay's ALL-bill layout (BOM, CRLF, backtick-prefixed fields, summary last). */
const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const PAYMENT =
  '`2024-05-01 09:30:00,`wx8888888888888888,`1230000109,`0,`,`4200001234202405017102519265,`BILL202405000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`123.45,`0.00,`0,`0,`0.00,`0.00,`,`,`水费, 2024年4月,`bill:1,`0.74070,`0.60%,`123.45,`0.00,`';
const REFUND =
  '`2024-05-01 23:59:59,`wx8888888888888888,`1230000109,`0,`,`4200001234202405017102519265,`BILL202405000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300001232024050100012345678,`RF202405000001,`3.5,`0.00,`ORIGINAL,`SUCCESS,`水费, 2024年4月,`bill:1,`-0.02100,`0.60%,`123.45,`3.50,`';
const SUMMARY =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n`2,`123.45,`3.50,`0.00,`0.71970,`123.45,`3.50';

const bill = (...detail: string[]) => `\uFEFF${[HEADER, ...detail, SUMMARY].join('\r\n')}\r\n`;

describe('parseTradeBill', () => {
  it('reads payment and refund rows by column name, in Beijing time, amounts in fen', () => {
    expect(parseTradeBill(bill(PAYMENT, REFUND))).toEqual([
      {
        tradeTime: new Date('2024-05-01T01:30:00Z'),
        appid: 'wx8888888888888888',
        mchid: '1230000109',
        transactionId: '4200001234202405017102519265',
        outTradeNo: 'BILL202405000001',
        tradeState: 'SUCCESS',
        amountFen: 12_345,
      },
      {
        tradeTime: new Date('2024-05-01T15:59:59Z'),
        appid: 'wx8888888888888888',
        mchid: '1230000109',
        transactionId: '4200001234202405017102519265',
        outTradeNo: 'BILL202405000001',
        tradeState: 'REFUND',
        amountFen: 0,
        refundId: '50300001232024050100012345678',
        outRefundNo: 'RF202405000001',
        refundFen: 350,
        refundStatus: 'SUCCESS',
      },
    ]);
  });

  it('reads an empty day and plain LF line ends', () => {
    expect(parseTradeBill(`${HEADER}\n${SUMMARY.replace('\r\n', '\n')}\n`)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a file cut before its summary', `${HEADER}\r\n${PAYMENT}\r\n`],
    ['a header without 商户订单号', bill().replace('商户订单号', '订单')],
    ['a detail line without backticks', bill(PAYMENT.replaceAll('`', ''))],
    ['a detail line with a field missing', bill(PAYMENT.replace(',`0.60%', ''))],
    ['an amount that is not yuan', bill(PAYMENT.replace('`123.45,`0.00,`0,', '`12,345,`0.00,`0,'))],
    ['a time that is not a bill time', bill(PAYMENT.replace('2024-05-01 09:30:00', '2024/05/01 09:30'))],
  ])('refuses %s', (_label, text) => {
    expect(() => parseTradeBill(text)).toThrow(TradeBillFormatError);
  });
});

describe('yuanToFen', () => {
  it.each([
    ['0.00', 0],
    ['0.01', 1],
    ['3.5', 350],
    ['123.45', 12_345],
    ['100', 10_000],
    ['19.99', 1999],
  ])('%s yuan is %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(['', '-1.00', '1.234', '1,000.00', 'abc'])('refuses %j', (text) => {
    expect(() => yuanToFen(text)).toThrow(TradeBillFormatError);
  });
});
