/**
 * The customer master file an operator uploads (CSV or XLSX): its documented headers and the
 * checks of one line, as pure functions (the server streams the file through them; the miniapp
 * shows the headers as the template).
 */

import type { MeterKind } from '../prepaid/prepaid-rules';

export type AccountUtility = 'gas' | 'heating' | 'power';
export type UsageType = 'residential' | 'commercial' | 'industrial' | 'public';
export type PaymentMode = 'postpaid' | 'prepaid';

export const USAGE_TYPE_LABELS: Record<UsageType, string> = {
  residential: '居民',
  commercial: '非居民',
  industrial: '工业',
  public: '公建',
};
export const PAYMENT_MODE_LABELS: Record<PaymentMode, string> = { postpaid: '后付费', prepaid: '预付费' };

/** Cell text → value; a few synonyms operators write (商业 for 非居民, 热力 for 供热). */
const UTILITY_VALUES: Record<string, AccountUtility> = { 燃气: 'gas', 供热: 'heating', 热力: 'heating', 电力: 'power' };
const USAGE_TYPE_VALUES: Record<string, UsageType> = {
  居民: 'residential',
  非居民: 'commercial',
  商业: 'commercial',
  工业: 'industrial',
  公建: 'public',
  公共服务: 'public',
};
const PAYMENT_MODE_VALUES: Record<string, PaymentMode> = { 后付费: 'postpaid', 预付费: 'prepaid' };
const METER_KIND_VALUES: Record<string, MeterKind> = {
  普通表: 'ordinary',
  IC卡表: 'ic_card',
  物联网表: 'iot',
  智能表: 'iot',
};
const YES_NO_VALUES: Record<string, boolean> = { 是: true, 否: false };

export type AccountImportField =
  | 'accountNo'
  | 'holderName'
  | 'address'
  | 'utility'
  | 'district'
  | 'station'
  | 'meterNo'
  | 'heatedArea'
  | 'usageType'
  | 'keyCustomer'
  | 'paymentMode'
  | 'meterKind'
  | 'phone';

export interface AccountImportColumn {
  field: AccountImportField;
  header: string;
  required: boolean;
  /** What the operator may write, shown in the template and the error messages. */
  hint: string;
}

/** The header row, in the template's order (any order is accepted). */
export const ACCOUNT_IMPORT_COLUMNS: AccountImportColumn[] = [
  { field: 'accountNo', header: '户号', required: true, hint: '10位数字' },
  { field: 'holderName', header: '户主姓名', required: true, hint: '最多50个字' },
  { field: 'address', header: '地址', required: true, hint: '最多200个字' },
  { field: 'utility', header: '业务类型', required: true, hint: '燃气/供热/电力' },
  { field: 'district', header: '片区', required: true, hint: '片区名称或编码' },
  { field: 'station', header: '站点', required: true, hint: '站点名称或编码，须属于该片区' },
  { field: 'meterNo', header: '表号', required: false, hint: '最多32位字母、数字或-' },
  { field: 'heatedArea', header: '供热面积', required: false, hint: '平方米，最多两位小数，仅供热户' },
  { field: 'usageType', header: '用户类型', required: true, hint: '居民/非居民/工业/公建' },
  { field: 'keyCustomer', header: '重点用户', required: false, hint: '是/否，空为否' },
  { field: 'paymentMode', header: '缴费方式', required: true, hint: '后付费/预付费' },
  { field: 'phone', header: '预留手机号', required: false, hint: '11位手机号' },
  { field: 'meterKind', header: '表具类型', required: false, hint: '普通表/IC卡表/物联网表，空为普通表' },
];

/** Machine-readable reason of one problem in the file; `message` says it in Chinese. */
export type AccountImportErrorCode =
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'HEADER_MISSING'
  | 'HEADER_UNKNOWN'
  | 'HEADER_DUPLICATE'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID_FORMAT'
  | 'UNKNOWN_VALUE'
  | 'NOT_FOUND'
  | 'MISMATCH'
  | 'DUPLICATE';

/** One problem: the file's line (1 = header; 0 = the whole file), the column's header, why. */
export interface ImportLineError {
  line: number;
  column: string;
  code: AccountImportErrorCode;
  message: string;
}

/** One line of the file, checked: what the account becomes. `undefined` = column not in the file. */
export interface AccountImportRow {
  accountNo: string;
  holderName: string;
  address: string;
  utility: AccountUtility;
  districtId: number;
  stationId: number;
  meterNo?: string | null;
  areaCentiM2?: number | null;
  usageType: UsageType;
  keyCustomer?: boolean;
  paymentMode: PaymentMode;
  /** IC-card and IoT meters take prepaid top-ups (docs/domain.md#prepaid-accounts). */
  meterKind?: MeterKind;
  phone?: string | null;
}

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
}

export interface StationUnit extends OrgUnit {
  districtId: number;
}

/** Districts and stations by name or code, as they exist in the org tables. */
export interface OrgLookup {
  district: (text: string) => OrgUnit | undefined;
  station: (text: string) => StationUnit | undefined;
}

export function orgLookup(districts: OrgUnit[], stations: StationUnit[]): OrgLookup {
  const index = <T extends OrgUnit>(units: T[]) => {
    const map = new Map<string, T>();
    // Codes win over names: a code is unique, a name only by convention.
    for (const u of units) if (!map.has(u.name)) map.set(u.name, u);
    for (const u of units) map.set(u.code, u);
    return map;
  };
  const d = index(districts);
  const s = index(stations);
  return { district: (text) => d.get(text), station: (text) => s.get(text) };
}

/** Column position of each field in the file's header row. */
export type AccountImportHeader = Partial<Record<AccountImportField, number>>;

export function parseAccountImportHeader(cells: string[]): { header: AccountImportHeader; errors: ImportLineError[] } {
  const header: AccountImportHeader = {};
  const errors: ImportLineError[] = [];
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const column = ACCOUNT_IMPORT_COLUMNS.find((c) => c.header === text);
    if (!column) {
      errors.push({ line: 1, column: text, code: 'HEADER_UNKNOWN', message: `未知的列“${text}”` });
    } else if (header[column.field] !== undefined) {
      errors.push({ line: 1, column: text, code: 'HEADER_DUPLICATE', message: `列“${text}”重复` });
    } else {
      header[column.field] = i;
    }
  });
  for (const c of ACCOUNT_IMPORT_COLUMNS) {
    if (c.required && header[c.field] === undefined)
      errors.push({ line: 1, column: c.header, code: 'HEADER_MISSING', message: `缺少必填列“${c.header}”` });
  }
  return { header, errors };
}

const ACCOUNT_NO = /^\d{10}$/;
const METER_NO = /^[A-Za-z0-9-]{1,32}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const AREA = /^\d{1,6}(\.\d{1,2})?$/;

/** 85.5 → 8550 hundredths of m² (exact: no floating point). */
export function parseAreaCentiM2(text: string): number | null {
  if (!AREA.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * Checks one data line; every problem of the line is reported, not only the first.
 * `line` is the file's line number (the header is line 1).
 */
export function validateAccountImportLine(
  cells: string[],
  line: number,
  header: AccountImportHeader,
  org: OrgLookup,
): { row: AccountImportRow | null; errors: ImportLineError[] } {
  const errors: ImportLineError[] = [];
  const columnOf = (field: AccountImportField) => ACCOUNT_IMPORT_COLUMNS.find((c) => c.field === field)!;
  const fail = (field: AccountImportField, code: AccountImportErrorCode, message: string) => {
    errors.push({ line, column: columnOf(field).header, code, message });
    return undefined;
  };
  const cell = (field: AccountImportField): string | undefined => {
    const i = header[field];
    return i === undefined ? undefined : (cells[i] ?? '').trim();
  };
  const required = (field: AccountImportField): string | undefined => {
    const text = cell(field);
    if (!text) return fail(field, 'REQUIRED', `${columnOf(field).header}不能为空`);
    return text;
  };
  const text = (field: AccountImportField, max: number): string | undefined => {
    const value = required(field);
    if (value !== undefined && [...value].length > max)
      return fail(field, 'TOO_LONG', `${columnOf(field).header}最多${max}个字`);
    return value;
  };
  const choice = <T>(field: AccountImportField, values: Record<string, T>): T | undefined => {
    const value = required(field);
    if (value === undefined) return undefined;
    if (!(value in values))
      return fail(field, 'UNKNOWN_VALUE', `${columnOf(field).header}“${value}”无效，应为${columnOf(field).hint}`);
    return values[value];
  };

  const accountNoText = required('accountNo');
  const accountNo =
    accountNoText !== undefined && !ACCOUNT_NO.test(accountNoText)
      ? fail('accountNo', 'INVALID_FORMAT', `户号“${accountNoText}”应为10位数字`)
      : accountNoText;
  const holderName = text('holderName', 50);
  const address = text('address', 200);
  const utility = choice('utility', UTILITY_VALUES);
  const usageType = choice('usageType', USAGE_TYPE_VALUES);
  const paymentMode = choice('paymentMode', PAYMENT_MODE_VALUES);

  const districtText = required('district');
  const district = districtText === undefined ? undefined : org.district(districtText);
  if (districtText !== undefined && !district) fail('district', 'NOT_FOUND', `片区“${districtText}”不存在`);
  const stationText = required('station');
  let station = stationText === undefined ? undefined : org.station(stationText);
  if (stationText !== undefined && !station) fail('station', 'NOT_FOUND', `站点“${stationText}”不存在`);
  else if (station && district && station.districtId !== district.id) {
    station = fail('station', 'MISMATCH', `站点“${stationText}”不属于片区“${districtText}”`);
  }

  let meterNo: string | null | undefined = cell('meterNo');
  if (meterNo === '') meterNo = null;
  else if (meterNo !== undefined && !METER_NO.test(meterNo))
    meterNo = fail('meterNo', 'INVALID_FORMAT', `表号“${meterNo}”应为最多32位字母、数字或-`);

  const areaText = cell('heatedArea');
  let areaCentiM2: number | null | undefined = areaText === undefined ? undefined : null;
  if (areaText) {
    areaCentiM2 = parseAreaCentiM2(areaText);
    if (areaCentiM2 === null || areaCentiM2 === 0) {
      areaCentiM2 = fail('heatedArea', 'INVALID_FORMAT', `供热面积“${areaText}”应为大于0的平方米数，最多两位小数`);
    } else if (utility && utility !== 'heating') {
      areaCentiM2 = fail('heatedArea', 'MISMATCH', '只有供热户可以填写供热面积');
    }
  }

  const keyText = cell('keyCustomer');
  let keyCustomer: boolean | undefined = keyText === undefined ? undefined : false;
  if (keyText) {
    if (keyText in YES_NO_VALUES) keyCustomer = YES_NO_VALUES[keyText];
    else fail('keyCustomer', 'UNKNOWN_VALUE', `重点用户“${keyText}”无效，应为是或否`);
  }

  const meterKindText = cell('meterKind');
  let meterKind: MeterKind | undefined = meterKindText === undefined ? undefined : 'ordinary';
  if (meterKindText) {
    if (meterKindText in METER_KIND_VALUES) meterKind = METER_KIND_VALUES[meterKindText];
    else fail('meterKind', 'UNKNOWN_VALUE', `表具类型“${meterKindText}”无效，应为普通表、IC卡表或物联网表`);
  }

  let phone: string | null | undefined = cell('phone');
  if (phone === '') phone = null;
  else if (phone !== undefined && !MOBILE.test(phone))
    phone = fail('phone', 'INVALID_FORMAT', `预留手机号“${phone}”应为11位手机号`);

  if (errors.length) return { row: null, errors };
  const row: AccountImportRow = {
    accountNo: accountNo!,
    holderName: holderName!,
    address: address!,
    utility: utility!,
    districtId: district!.id,
    stationId: station!.id,
    usageType: usageType!,
    paymentMode: paymentMode!,
  };
  if (meterNo !== undefined) row.meterNo = meterNo;
  if (areaCentiM2 !== undefined) row.areaCentiM2 = areaCentiM2;
  if (keyCustomer !== undefined) row.keyCustomer = keyCustomer;
  if (meterKind !== undefined) row.meterKind = meterKind;
  if (phone !== undefined) row.phone = phone;
  return { row, errors };
}
