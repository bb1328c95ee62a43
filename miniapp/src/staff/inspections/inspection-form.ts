import Taro from '@tarojs/taro';
import {
  InspectionResultSchema,
  VisitOutcome,
  type ChecklistItemView,
  type HazardSeverity,
  type InspectionItemCode,
  type InspectionResultRequest,
} from '@utility/shared';
import type { Photo } from '../../components/photo-grid';

export interface ItemEntry {
  /** null until the inspector taps 合格 or 不合格. */
  ok: boolean | null;
  note: string;
  photos: Photo[];
  /** '' leaves the grading to the server's default for the item. */
  severity: HazardSeverity | '';
}

export type ConfirmationChoice = '' | 'signature' | 'in_app';

export interface InspectionForm {
  /** The visit (its ticket id): a kept draft only comes back on its own visit. */
  visitId: number;
  items: Partial<Record<InspectionItemCode, ItemEntry>>;
  confirmation: ConfirmationChoice;
  signature: Photo | null;
}

/** Messages per checklist item, and for the confirmation and the list as a whole. */
export type InspectionErrors = Partial<Record<InspectionItemCode | 'confirmation' | 'items', string>>;

export const EMPTY_ITEM: ItemEntry = { ok: null, note: '', photos: [], severity: '' };

export function emptyInspectionForm(visitId: number): InspectionForm {
  return { visitId, items: {}, confirmation: '', signature: null };
}

export const entryOf = (form: InspectionForm, code: InspectionItemCode): ItemEntry => form.items[code] ?? EMPTY_ITEM;

/** 其余合格: every item not yet marked passes (the failures already entered stay). */
export function passRemaining(form: InspectionForm, checklist: readonly ChecklistItemView[]): InspectionForm {
  const items = { ...form.items };
  for (const { code } of checklist) if (entryOf(form, code).ok === null) items[code] = { ...EMPTY_ITEM, ok: true };
  return { ...form, items };
}

export type InspectionValidation =
  { ok: true; request: InspectionResultRequest } | { ok: false; errors: InspectionErrors };

/**
 * A completed visit: every checklist item passed or failed (a failure with a note and a photo),
 * and the resident's confirmation. InspectionResultSchema decides, as on the server; what it
 * cannot see (an item not marked, an unsaved signature) is checked first.
 */
export function validateInspection(
  form: InspectionForm,
  checklist: readonly ChecklistItemView[],
): InspectionValidation {
  const errors: InspectionErrors = {};
  for (const { code } of checklist) if (entryOf(form, code).ok === null) errors[code] = '请选择合格或不合格';

  let confirmation: InspectionResultRequest['confirmation'];
  if (form.confirmation === 'in_app') confirmation = { kind: 'in_app' };
  else if (form.confirmation === 'signature') {
    if (form.signature) confirmation = { kind: 'signature', photoId: form.signature.id };
    else errors.confirmation = '请居民签字并保存签名';
  } else errors.confirmation = '请选择居民确认方式';

  const items = checklist.map(({ code }) => {
    const entry = entryOf(form, code);
    return entry.ok
      ? { code, ok: true, note: entry.note.trim(), photoIds: entry.photos.map((p) => p.id) }
      : {
          code,
          ok: false,
          note: entry.note.trim(),
          photoIds: entry.photos.map((p) => p.id),
          ...(entry.severity ? { severity: entry.severity } : {}),
        };
  });
  const parsed = InspectionResultSchema.safeParse({ outcome: VisitOutcome.Completed, items, confirmation });
  if (!parsed.success) {
    const fromSchema = errorsFromDetails(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      checklist,
    );
    for (const [key, message] of Object.entries(fromSchema)) errors[key as keyof InspectionErrors] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: { outcome: VisitOutcome.Completed, items, confirmation } };
}

/** VALIDATION_FAILED details (`items.2.photoIds`, `confirmation`) on the items they name. */
export function errorsFromDetails(
  details: { path: string; message: string }[],
  checklist: readonly ChecklistItemView[],
): InspectionErrors {
  const errors: InspectionErrors = {};
  for (const d of details) {
    const [head, index] = d.path.split('.');
    if (head === 'confirmation') errors.confirmation ??= d.message;
    else if (head === 'items' && index !== undefined && checklist[Number(index)])
      errors[checklist[Number(index)].code] ??= d.message;
    else if (head === 'items') errors.items ??= d.message;
  }
  return errors;
}

const DRAFT_KEY = 'staff.field.inspection';

/**
 * A checklist the network swallowed stays on the phone until it is sent (cellars have no
 * signal). A resend of a result that did arrive is refused (VISIT_ALREADY_RECORDED), never doubled.
 */
export const inspectionDraft = {
  load(visitId: number): InspectionForm | null {
    const saved = Taro.getStorageSync<InspectionForm>(DRAFT_KEY);
    return saved && saved.visitId === visitId ? saved : null;
  },
  save(form: InspectionForm): void {
    Taro.setStorageSync(DRAFT_KEY, form);
  },
  clear(): void {
    Taro.removeStorageSync(DRAFT_KEY);
  },
};
