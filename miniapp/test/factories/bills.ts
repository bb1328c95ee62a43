import type { BillView, PayResponse, PaymentView, TrialBillView, UsagePoint } from '@utility/shared';

/** October 2026 gas: 120.50 m³, 100.00 in tier 1 at ¥3.00 and 20.50 in tier 2 at ¥3.60. */
export function billView(over: Partial<BillView> = {}): BillView {
  return {
    id: 11,
    accountNo: '9100000001',
    period: '2026-10',
    utility: 'gas',
    fromOn: '2026-09-30',
    toOn: '2026-10-31',
    fromValueCentiM3: 123_400,
    toValueCentiM3: 135_450,
    volumeCentiM3: 12_050,
    lines: [
      {
        kind: 'gas_tier',
        tier: 1,
        year: 2026,
        from: '2026-10-01',
        to: '2026-10-31',
        quantity: 10_000,
        unitPriceFen: 300,
        amountFen: 30_000,
      },
      {
        kind: 'gas_tier',
        tier: 2,
        year: 2026,
        from: '2026-10-01',
        to: '2026-10-31',
        quantity: 2_050,
        unitPriceFen: 360,
        amountFen: 7_380,
      },
    ],
    amountFen: 37_380,
    paidFen: 0,
    status: 'unpaid',
    dueOn: '2026-11-20',
    overdue: false,
    lateFeeFen: 0,
    payableFen: over.amountFen ?? 37_380,
    lateFeeWaived: false,
    paidAt: null,
    ...over,
  };
}

export function paidBill(over: Partial<BillView> = {}): BillView {
  return billView({ status: 'paid', paidFen: over.amountFen ?? 37_380, paidAt: '2026-11-05T02:30:00Z', ...over });
}

export function usagePoint(period: string, volumeCentiM3: number): UsagePoint {
  return { period, volumeCentiM3, amountFen: volumeCentiM3 * 3 };
}

export function payResponse(over: Partial<PayResponse> = {}): PayResponse {
  return {
    orderNo: 'W20261123A1B2C3D4E5F60718',
    amountFen: 37_380,
    payParams: {
      appId: 'wx0000000000000001',
      timeStamp: '1795400000',
      nonceStr: 'n0nce5tr1ng',
      package: 'prepay_id=wx23000000000000000000000000',
      signType: 'RSA',
      paySign: 'c2lnbmF0dXJl',
    },
    ...over,
  };
}

export function paymentView(over: Partial<PaymentView> = {}): PaymentView {
  return {
    id: 41,
    orderNo: 'W20261123A1B2C3D4E5F60718',
    method: 'wechat',
    receiptNo: null,
    billId: 11,
    period: '2026-10',
    accountNo: '9100000001',
    amountFen: 37_380,
    status: 'paid',
    transactionId: '4200000000202611230000000001',
    paidAt: '2026-11-23T06:15:00Z',
    ...over,
  };
}

export function trialBill(over: Partial<TrialBillView> = {}): TrialBillView {
  const bill = billView();
  return {
    reading: {
      id: 31,
      accountNo: '9100000001',
      readOn: '2026-11-23',
      valueCentiM3: 135_450,
      peakCentiKwh: null,
      valleyCentiKwh: null,
      source: 'resident',
      status: 'accepted',
      holdReason: null,
      ticketId: null,
    },
    trial: {
      fromOn: bill.fromOn,
      toOn: bill.toOn,
      volumeCentiM3: bill.volumeCentiM3,
      amountFen: bill.amountFen,
      lines: bill.lines,
    },
    ...over,
  };
}
