import { ResolveJobSchema, type ResolveJobRequest } from '@utility/shared';
import Taro from '@tarojs/taro';
import type { Photo } from '../../components/photo-grid';
import { MAX_PHOTOS } from '../../services/api/uploads';

export interface PartRow {
  name: string;
  /** As typed. */
  qty: string;
}

export type ConfirmationChoice = 'signature' | 'in_app' | '';

export interface ResolveForm {
  /** The job the fill belongs to, so a kept draft is only restored on its own job. */
  jobId: number;
  diagnosis: string;
  work: string;
  parts: PartRow[];
  before: Photo[];
  after: Photo[];
  /** Charged at the quote the resident accepted (the quote panel above); the server refuses it otherwise. */
  chargeable: boolean;
  confirmation: ConfirmationChoice;
  /** The signed work order, once the signature is saved and uploaded. */
  signature: Photo | null;
}

export type ResolveField = 'diagnosis' | 'work' | 'parts' | 'before' | 'after' | 'charge' | 'confirmation';
export type ResolveErrors = Partial<Record<ResolveField, string>>;

export const EMPTY_RESOLVE_FORM: ResolveForm = {
  jobId: 0,
  diagnosis: '',
  work: '',
  parts: [],
  before: [],
  after: [],
  chargeable: false,
  confirmation: '',
  signature: null,
};

const DRAFT_KEY = 'staff.field.resolve';

/**
 * A result the network swallowed stays on the phone until it is sent (basements have no
 * signal). No Idempotency-Key goes with it: the server keys no field step, and a resend of a
 * result that did arrive is refused (409) rather than recorded twice.
 */
export const resolveDraft = {
  load(jobId: number): ResolveForm | null {
    const saved = Taro.getStorageSync<ResolveForm>(DRAFT_KEY);
    return saved && saved.jobId === jobId ? saved : null;
  },
  save(form: ResolveForm): void {
    Taro.setStorageSync(DRAFT_KEY, form);
  },
  clear(): void {
    Taro.removeStorageSync(DRAFT_KEY);
  },
};

const FIELD_OF: Record<string, ResolveField> = {
  diagnosis: 'diagnosis',
  work: 'work',
  parts: 'parts',
  photoIdsBefore: 'before',
  photoIdsAfter: 'after',
  chargeable: 'charge',
  confirmation: 'confirmation',
};

export type ResolveValidation = { ok: true; request: ResolveJobRequest } | { ok: false; errors: ResolveErrors };

/** What the job says about the resident's consent and confirmation (the server checks them again). */
export interface ResidentConsent {
  quoteAccepted: boolean;
  residentConfirmed: boolean;
}

/**
 * ResolveJobSchema decides, as on the server; what it cannot see (photo counts, an unsaved
 * signature, a charge with no accepted quote, an in-app confirmation the resident has not given) is checked first.
 */
export function validateResolve(form: ResolveForm, consent: ResidentConsent): ResolveValidation {
  const errors: ResolveErrors = {};
  const parts = form.parts.filter((p) => p.name.trim() || p.qty.trim());
  const badQty = parts.some((p) => !/^\d{1,3}$/.test(p.qty.trim()) || Number(p.qty) < 1);
  if (parts.some((p) => !p.name.trim())) errors.parts = '请填写配件名称';
  else if (badQty) errors.parts = '配件数量为1–999的整数';
  if (form.before.length > MAX_PHOTOS) errors.before = `最多可上传${MAX_PHOTOS}张照片`;
  if (form.after.length > MAX_PHOTOS) errors.after = `最多可上传${MAX_PHOTOS}张照片`;

  if (form.chargeable && !consent.quoteAccepted) errors.charge = '收费须先发送报价，并经居民同意或签字';

  let confirmation: ResolveJobRequest['confirmation'] | undefined;
  if (form.confirmation === 'in_app') {
    if (consent.residentConfirmed) confirmation = { kind: 'in_app' };
    else errors.confirmation = '居民尚未在小程序中确认完成，请居民确认后刷新，或改为现场签字';
  } else if (form.confirmation === 'signature') {
    if (form.signature) confirmation = { kind: 'signature', photoId: form.signature.id };
    else errors.confirmation = '请居民签字并保存签名';
  } else errors.confirmation = '请选择居民确认方式';

  const parsed = ResolveJobSchema.safeParse({
    diagnosis: form.diagnosis,
    work: form.work,
    parts: parts.map((p) => ({ name: p.name.trim(), qty: Number(p.qty) })),
    photoIdsBefore: form.before.map((p) => p.id),
    photoIdsAfter: form.after.map((p) => p.id),
    chargeable: form.chargeable,
    confirmation,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field) errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

/** VALIDATION_FAILED details from the server, on the fields they name. */
export function errorsFromDetails(details: { path: string; message: string }[]): ResolveErrors {
  const errors: ResolveErrors = {};
  for (const d of details) {
    const field = FIELD_OF[d.path.split('.')[0]];
    if (field) errors[field] ??= d.message;
  }
  return errors;
}
