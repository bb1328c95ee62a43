import {
  ACCOUNT_IMPORT_COLUMNS,
  AccountImportField,
  orgLookup,
  parseAccountImportHeader,
  parseAreaCentiM2,
  validateAccountImportLine,
} from './account-import';

const org = orgLookup(
  [
    { id: 1, code: 'east', name: '城东片区' },
    { id: 2, code: 'west', name: '城西片区' },
  ],
  [
    { id: 11, code: 'east-heat', name: '东城供热站', districtId: 1 },
    { id: 21, code: 'west-heat', name: '西城供热站', districtId: 2 },
  ],
);

const HEADERS = ACCOUNT_IMPORT_COLUMNS.map((c) => c.header);
const { header: FULL } = parseAccountImportHeader(HEADERS);

const GOOD: Record<AccountImportField, string> = {
  accountNo: '9200000001',
  holderName: '张三',
  address: '城东区幸福路1号',
  utility: '供热',
  district: '城东片区',
  station: 'east-heat',
  meterNo: 'M-0001',
  heatedArea: '85.5',
  usageType: '居民',
  keyCustomer: '否',
  paymentMode: '后付费',
  phone: '13812345678',
  meterKind: '',
};

const line = (overrides: Partial<Record<AccountImportField, string>> = {}) =>
  ACCOUNT_IMPORT_COLUMNS.map((c) => ({ ...GOOD, ...overrides })[c.field]);

describe('the header row', () => {
  it('maps every documented header, in any order', () => {
    const { header, errors } = parseAccountImportHeader([...HEADERS].reverse());
    expect(errors).toEqual([]);
    expect(header.accountNo).toBe(HEADERS.length - 1);
    expect(header.meterKind).toBe(0);
  });

  it('accepts a file without the optional columns', () => {
    const required = ACCOUNT_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header);
    expect(parseAccountImportHeader(required).errors).toEqual([]);
  });

  it.each([
    [['户号', '户主姓名'], 'HEADER_MISSING', '地址'],
    [[...HEADERS, '备注'], 'HEADER_UNKNOWN', '备注'],
    [[...HEADERS, '户号'], 'HEADER_DUPLICATE', '户号'],
  ])('%j is refused: %s of %s', (cells, code, column) => {
    expect(parseAccountImportHeader(cells).errors).toContainEqual(expect.objectContaining({ line: 1, code, column }));
  });
});

describe('one line', () => {
  it('becomes the account it describes', () => {
    expect(validateAccountImportLine(line(), 2, FULL, org)).toEqual({
      errors: [],
      row: {
        accountNo: '9200000001',
        holderName: '张三',
        address: '城东区幸福路1号',
        utility: 'heating',
        districtId: 1,
        stationId: 11,
        meterNo: 'M-0001',
        areaCentiM2: 8550,
        usageType: 'residential',
        keyCustomer: false,
        paymentMode: 'postpaid',
        meterKind: 'ordinary',
        phone: '13812345678',
      },
    });
  });

  it.each<[string, Partial<Record<AccountImportField, string>>, Record<string, unknown>]>([
    ['district and station by code and name', { district: 'east', station: '东城供热站' }, { stationId: 11 }],
    ['商业 as 非居民', { usageType: '商业' }, { usageType: 'commercial' }],
    ['a key customer', { keyCustomer: '是' }, { keyCustomer: true }],
    ['no key-customer mark as 否', { keyCustomer: '' }, { keyCustomer: false }],
    ['prepaid', { paymentMode: '预付费' }, { paymentMode: 'prepaid' }],
    ['an IoT meter', { paymentMode: '预付费', meterKind: '物联网表' }, { meterKind: 'iot' }],
    ['an IC-card meter', { meterKind: 'IC卡表' }, { meterKind: 'ic_card' }],
    ['no meter kind as 普通表', { meterKind: '' }, { meterKind: 'ordinary' }],
    ['no phone', { phone: '' }, { phone: null }],
    ['no meter', { meterNo: '' }, { meterNo: null }],
    ['a gas account without area', { utility: '燃气', heatedArea: '' }, { utility: 'gas', areaCentiM2: null }],
    ['a whole-metre area', { heatedArea: '120' }, { areaCentiM2: 12000 }],
    ['cells with spaces around', { holderName: '  李四 ' }, { holderName: '李四' }],
  ])('reads %s', (_what, overrides, expected) => {
    const { row, errors } = validateAccountImportLine(line(overrides), 7, FULL, org);
    expect(errors).toEqual([]);
    expect(row).toEqual(expect.objectContaining(expected));
  });

  it.each<[Partial<Record<AccountImportField, string>>, string, string]>([
    [{ accountNo: '' }, '户号', 'REQUIRED'],
    [{ accountNo: '91000001' }, '户号', 'INVALID_FORMAT'],
    [{ accountNo: '91000000O1' }, '户号', 'INVALID_FORMAT'],
    [{ holderName: '' }, '户主姓名', 'REQUIRED'],
    [{ holderName: '名'.repeat(51) }, '户主姓名', 'TOO_LONG'],
    [{ address: '址'.repeat(201) }, '地址', 'TOO_LONG'],
    [{ utility: '水' }, '业务类型', 'UNKNOWN_VALUE'],
    [{ district: '城北片区' }, '片区', 'NOT_FOUND'],
    [{ station: '北城供热站' }, '站点', 'NOT_FOUND'],
    [{ station: 'west-heat' }, '站点', 'MISMATCH'],
    [{ meterNo: 'M 01' }, '表号', 'INVALID_FORMAT'],
    [{ heatedArea: '85.555' }, '供热面积', 'INVALID_FORMAT'],
    [{ heatedArea: '-3' }, '供热面积', 'INVALID_FORMAT'],
    [{ heatedArea: '0' }, '供热面积', 'INVALID_FORMAT'],
    [{ utility: '燃气', heatedArea: '85' }, '供热面积', 'MISMATCH'],
    [{ usageType: '学校' }, '用户类型', 'UNKNOWN_VALUE'],
    [{ keyCustomer: 'Y' }, '重点用户', 'UNKNOWN_VALUE'],
    [{ paymentMode: '月付' }, '缴费方式', 'UNKNOWN_VALUE'],
    [{ phone: '1381234567' }, '预留手机号', 'INVALID_FORMAT'],
    [{ meterKind: '机械表' }, '表具类型', 'UNKNOWN_VALUE'],
  ])('refuses %j: %s %s', (overrides, column, code) => {
    const { row, errors } = validateAccountImportLine(line(overrides), 9, FULL, org);
    expect(row).toBeNull();
    expect(errors).toEqual([{ line: 9, column, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
  });

  it('reports every problem of the line, not only the first', () => {
    const { errors } = validateAccountImportLine(line({ accountNo: 'x', utility: '水', phone: '1' }), 3, FULL, org);
    expect(errors.map((e) => e.column)).toEqual(['户号', '业务类型', '预留手机号']);
  });

  it('leaves the columns the file does not have undefined (re-import keeps them)', () => {
    const required = ACCOUNT_IMPORT_COLUMNS.filter((c) => c.required);
    const { header } = parseAccountImportHeader(required.map((c) => c.header));
    const { row } = validateAccountImportLine(
      required.map((c) => GOOD[c.field]),
      2,
      header,
      org,
    );
    expect(row).not.toHaveProperty('phone');
    expect(row).not.toHaveProperty('areaCentiM2');
    expect(row).not.toHaveProperty('keyCustomer');
  });

  it('treats a short line as empty cells', () => {
    const { errors } = validateAccountImportLine(['9200000001', '张三'], 4, FULL, org);
    expect(errors.map((e) => e.code)).toContain('REQUIRED');
  });
});

describe('areas', () => {
  it.each([
    ['85.5', 8550],
    ['85.05', 8505],
    ['0.01', 1],
    ['100000', 10_000_000],
    ['1e3', null],
    ['', null],
    ['.5', null],
  ])('%s m² = %s hundredths', (text, expected) => {
    expect(parseAreaCentiM2(text)).toBe(expected);
  });
});
