import type { AdminAccountView, ImportJobView } from '@utility/shared';
import { draftOf, importPercent, patchOf } from './account-admin';

const job = (over: Partial<ImportJobView>): ImportJobView => ({
  jobId: 'j',
  status: 'queued',
  processed: 0,
  total: 0,
  errors: [],
  errorCount: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  holderChanges: 0,
  createdAt: '2026-12-07T00:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('the import progress bar', () => {
  it.each([
    [job({ status: 'queued' }), 0],
    [job({ status: 'validating', processed: 300, total: 0 }), 5],
    [job({ status: 'validating', processed: 250, total: 1000 }), 12],
    [job({ status: 'validating', processed: 1000, total: 1000 }), 49],
    [job({ status: 'importing', processed: 0, total: 1000 }), 50],
    [job({ status: 'importing', processed: 500, total: 1000 }), 75],
    [job({ status: 'done', processed: 1000, total: 1000 }), 100],
    [job({ status: 'failed', processed: 3, total: 3 }), 0],
  ])('%j → %i %%', (j, percent) => {
    expect(importPercent(j)).toBe(percent);
  });
});

describe("an account's edit", () => {
  const account: AdminAccountView = {
    accountNo: '9100000001',
    holderName: '王秀英',
    holderSince: null,
    address: '城东区幸福路11号',
    utility: 'heating',
    districtId: 1,
    districtName: '城东片区',
    stationId: 1,
    stationName: '东城供热站',
    meterNo: null,
    heatedArea: '85.50',
    usageType: 'residential',
    keyCustomer: false,
    paymentMode: 'postpaid',
    meterKind: 'ordinary',
    phone: null,
    active: true,
    updatedAt: null,
    holderHistory: [],
  };

  it('sends only what changed', () => {
    expect(patchOf(account, draftOf(account))).toEqual({});
    expect(patchOf(account, { ...draftOf(account), heatedArea: '85.5', address: ' 城东区幸福路12号 ' })).toEqual({
      address: '城东区幸福路12号',
    });
    expect(patchOf(account, { ...draftOf(account), holderName: '李建华', meterNo: 'M-1', keyCustomer: true })).toEqual({
      holderName: '李建华',
      meterNo: 'M-1',
      keyCustomer: true,
    });
  });

  it('an emptied meter number or area is cleared', () => {
    const withMeter = { ...account, meterNo: 'M-9' };
    expect(patchOf(withMeter, { ...draftOf(withMeter), meterNo: '', heatedArea: '' })).toEqual({
      meterNo: null,
      heatedArea: null,
    });
  });
});
