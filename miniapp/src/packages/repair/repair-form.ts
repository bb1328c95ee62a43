import {
  CreateRepairSchema,
  appointmentWindowProblem,
  FAULT_CATEGORIES,
  UTILITIES,
  type CreateRepairRequest,
  type FaultCategory,
  type FaultCategoryOption,
  type Utility,
} from '@utility/shared';
import type { Photo } from '../../components/photo-grid';
import { windowOf, type WindowSlot } from '../../format/visit-windows';
import { formDraftStore, type FormDraft } from '../../hooks/form-draft';
import { MAX_PHOTOS } from '../../services/api/uploads';

export {
  WINDOW_SLOTS,
  windowChoices,
  windowDays,
  windowLabel,
  windowOf,
  type WindowChoice,
  type WindowDay,
  type WindowSlot,
} from '../../format/visit-windows';

export interface RepairForm {
  accountId: number;
  category: FaultCategory | '';
  description: string;
  /** Uploaded as they are taken; the local paths are only previews (gone after a restart). */
  photos: Photo[];
  contactPhone: string;
  /** Preferred visit: a Shanghai date `YYYY-MM-DD` and a slot; both '' for 尽快上门. */
  windowDate: string;
  windowSlot: WindowSlot | '';
}
export type RepairField = 'category' | 'description' | 'photos' | 'contactPhone' | 'window';
export type RepairErrors = Partial<Record<RepairField, string>>;
export type RepairDraft = FormDraft<RepairForm>;

export const EMPTY_REPAIR_FORM: RepairForm = {
  accountId: 0,
  category: '',
  description: '',
  photos: [],
  contactPhone: '',
  windowDate: '',
  windowSlot: '',
};

/** Cleared with the resident session (resident-session.ts): it holds a phone number. */
export const repairDrafts = formDraftStore('resident.repair.draft', EMPTY_REPAIR_FORM);
/** The number the resident gave last time, to fill in next time (the profile's phone is masked). */
export const LAST_CONTACT_PHONE_KEY = 'resident.repair.phone';

/** The categories the account's utility offers, or none for a utility the company does not repair online. */
export function categoriesFor(utility: string): readonly FaultCategoryOption[] {
  return (UTILITIES as readonly string[]).includes(utility) ? FAULT_CATEGORIES[utility as Utility] : [];
}

/** The form's error field each input belongs to (a new account means a new category list). */
const ERROR_FIELD_OF_INPUT: Record<keyof RepairForm, RepairField> = {
  accountId: 'category',
  category: 'category',
  description: 'description',
  photos: 'photos',
  contactPhone: 'contactPhone',
  windowDate: 'window',
  windowSlot: 'window',
};

/** The fields an edit touches, so their old errors go away as the resident corrects them. */
export function fieldsOf(patch: Partial<RepairForm>): RepairField[] {
  return [...new Set((Object.keys(patch) as (keyof RepairForm)[]).map((key) => ERROR_FIELD_OF_INPUT[key]))];
}

export type RepairValidation = { ok: true; request: CreateRepairRequest } | { ok: false; errors: RepairErrors };

const FIELD_OF: Record<string, RepairField> = {
  category: 'category',
  description: 'description',
  photoIds: 'photos',
  contactPhone: 'contactPhone',
  window: 'window',
};

/**
 * CreateRepairSchema decides, as on the server, plus what only the form knows: the category
 * must be one the account's utility offers and not a leak (those go to 一键报警), and the
 * window must pass the server's own appointment rule at `now`.
 */
export function validateRepair(form: RepairForm, utility: string, now: Date): RepairValidation {
  const errors: RepairErrors = {};
  const option = categoriesFor(utility).find((o) => o.category === form.category);
  if (!option) errors.category = '请选择报修类别';
  else if (option.emergency) errors.category = '燃气泄漏、跑冒滴漏请使用一键报警';

  const window = option?.emergency ? undefined : windowOf(form);
  if (window) {
    const problem = appointmentWindowProblem({ start: new Date(window.start), end: new Date(window.end) }, now);
    if (problem) errors.window = problem.message;
  }
  if (form.photos.length > MAX_PHOTOS) errors.photos = `最多可上传${MAX_PHOTOS}张照片`;

  const parsed = CreateRepairSchema.safeParse({
    accountId: form.accountId,
    category: form.category || undefined,
    description: form.description,
    photoIds: form.photos.map((p) => p.id),
    contactPhone: form.contactPhone,
    window,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field) errors[field] ??= issue.message;
    }
  }
  if (!form.contactPhone.trim()) errors.contactPhone = '请填写联系电话';
  if (!form.description.trim()) errors.description = '请描述问题';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

/** VALIDATION_FAILED details from the server (`window.start`, `photoIds` …), on the fields they name. */
export function errorsFromDetails(details: { path: string; message: string }[]): RepairErrors {
  const errors: RepairErrors = {};
  for (const d of details) {
    const field = FIELD_OF[d.path.split('.')[0]];
    if (field) errors[field] ??= d.message;
  }
  return errors;
}
