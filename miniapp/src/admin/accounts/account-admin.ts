import type {
  AdminAccountPatch,
  AdminAccountView,
  ImportJobView,
  MeterKind,
  PaymentMode,
  UsageType,
} from '@utility/shared';

/** Share of the job done: checking the lines is the first half, writing them the second. */
export function importPercent(job: ImportJobView): number {
  if (job.status === 'done') return 100;
  if (job.status === 'importing') return 50 + Math.floor((50 * job.processed) / Math.max(1, job.total));
  if (job.status === 'validating') return job.total ? Math.min(49, Math.floor((50 * job.processed) / job.total)) : 5;
  return 0;
}

/** The edit form of one account. */
export interface Draft {
  holderName: string;
  address: string;
  meterNo: string;
  heatedArea: string;
  usageType: UsageType;
  keyCustomer: boolean;
  paymentMode: PaymentMode;
  meterKind: MeterKind;
}

export const draftOf = (a: AdminAccountView): Draft => ({
  holderName: a.holderName,
  address: a.address,
  meterNo: a.meterNo ?? '',
  heatedArea: a.heatedArea ?? '',
  usageType: a.usageType,
  keyCustomer: a.keyCustomer,
  paymentMode: a.paymentMode,
  meterKind: a.meterKind,
});

/** Only what the admin changed goes to the server (a changed holder is a 过户). */
export function patchOf(account: AdminAccountView, draft: Draft): AdminAccountPatch {
  const before = draftOf(account);
  const patch: AdminAccountPatch = {};
  if (draft.holderName.trim() !== before.holderName) patch.holderName = draft.holderName.trim();
  if (draft.address.trim() !== before.address) patch.address = draft.address.trim();
  if (draft.meterNo.trim() !== before.meterNo) patch.meterNo = draft.meterNo.trim() || null;
  if (draft.heatedArea.trim() !== before.heatedArea && Number(draft.heatedArea || 0) !== Number(before.heatedArea || 0))
    patch.heatedArea = draft.heatedArea.trim() || null;
  if (draft.usageType !== before.usageType) patch.usageType = draft.usageType;
  if (draft.keyCustomer !== before.keyCustomer) patch.keyCustomer = draft.keyCustomer;
  if (draft.paymentMode !== before.paymentMode) patch.paymentMode = draft.paymentMode;
  if (draft.meterKind !== before.meterKind) patch.meterKind = draft.meterKind;
  return patch;
}
