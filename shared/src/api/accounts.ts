import { METER_KINDS, type MeterKind } from '../prepaid/prepaid-rules';
import { z } from 'zod';
import type { AccountUtility, ImportLineError, PaymentMode, UsageType } from '../accounts/account-import';

export type ImportJobStatus = 'queued' | 'validating' | 'importing' | 'done' | 'failed';

/**
 * `GET /api/admin/imports/:jobId`. `total` is the file's data lines: exact once validated, an
 * estimate from the bytes read while validating a CSV (0 while unknown, e.g. XLSX); `processed`
 * counts lines checked while validating, then lines written while importing.
 */
export interface ImportJobView {
  jobId: string;
  status: ImportJobStatus;
  processed: number;
  total: number;
  /** The first 1,000 problems; `errorCount` has them all. */
  errors: ImportLineError[];
  errorCount: number;
  /** Once done: accounts created, changed, unchanged, and holder changes (过户) among the changed. */
  created: number;
  updated: number;
  unchanged: number;
  holderChanges: number;
  createdAt: string;
  finishedAt: string | null;
}

/** An account in the admin console: the phone masked unless revealed (which is logged). */
export interface AdminAccountView {
  accountNo: string;
  holderName: string;
  holderSince: string | null;
  address: string;
  utility: AccountUtility;
  districtId: number;
  districtName: string;
  stationId: number;
  stationName: string;
  meterNo: string | null;
  /** m² (two decimals), heating accounts billed by area. */
  heatedArea: string | null;
  usageType: UsageType;
  keyCustomer: boolean;
  paymentMode: PaymentMode;
  meterKind: MeterKind;
  phone: string | null;
  active: boolean;
  updatedAt: string | null;
  /** Earlier holders, newest first. */
  holderHistory: { holderName: string; from: string | null; to: string; changedBy: string }[];
}

export interface AdminAccountListItem {
  accountNo: string;
  holderName: string;
  address: string;
  utility: AccountUtility;
  active: boolean;
}

export interface AdminAccountPage {
  items: AdminAccountListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const AdminAccountSearchSchema = z.object({
  /** 户号 prefix, or a fragment of the holder's name or the address. */
  q: z.string().trim().max(100).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** PATCH: any of the fields; a new holder's name is a 过户 (the history is kept, bindings end). */
export const AdminAccountPatchSchema = z
  .object({
    holderName: z.string().trim().min(1, '请填写户主姓名').max(50, '户主姓名最多50个字'),
    address: z.string().trim().min(1, '请填写地址').max(200, '地址最多200个字'),
    utility: z.enum(['gas', 'heating', 'power']),
    districtId: z.number().int().positive(),
    stationId: z.number().int().positive(),
    meterNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/, '表号应为最多32位字母、数字或-')
      .nullable(),
    heatedArea: z
      .string()
      .trim()
      .regex(/^\d{1,6}(\.\d{1,2})?$/, '供热面积应为平方米数，最多两位小数')
      .nullable(),
    usageType: z.enum(['residential', 'commercial', 'industrial', 'public']),
    keyCustomer: z.boolean(),
    paymentMode: z.enum(['postpaid', 'prepaid']),
    meterKind: z.enum(METER_KINDS),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '预留手机号应为11位手机号')
      .nullable(),
    /** false deactivates the account (销户); true restores it. */
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: '没有要修改的内容' });
export type AdminAccountPatch = z.infer<typeof AdminAccountPatchSchema>;
