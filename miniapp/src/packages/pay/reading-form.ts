import { ResidentReadingSchema } from '@utility/shared';
import { formDraftStore, type FormDraft } from '../../hooks/form-draft';

export interface ReadingForm {
  accountId: number;
  /** m³ as typed, e.g. '1234.56'. */
  value: string;
  /** The dial photo once uploaded. */
  photoId: number | null;
  /** Local preview of the photo (temp path or blob URL; gone after a restart). */
  photoPath: string;
}
export type ReadingErrors = Partial<Record<'value' | 'photo', string>>;
export type ReadingDraft = FormDraft<ReadingForm>;

export const EMPTY_READING_FORM: ReadingForm = { accountId: 0, value: '', photoId: null, photoPath: '' };

/** Cleared with the resident session (resident-session.ts), like the bind draft. */
export const readingDrafts = formDraftStore('resident.reading.draft', EMPTY_READING_FORM);

export type ReadingValidation =
  { ok: true; request: { value: string; photoId: number } } | { ok: false; errors: ReadingErrors };

/** ResidentReadingSchema decides, as on the server; only an empty reading gets its own words. */
export function validateReading(form: ReadingForm): ReadingValidation {
  const value = form.value.trim();
  const parsed = ResidentReadingSchema.safeParse({ value, photoId: form.photoId ?? 0 });
  if (parsed.success) return { ok: true, request: { value, photoId: parsed.data.photoId } };
  const errors: ReadingErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] === 'photoId' ? 'photo' : 'value'] ??= issue.message;
  if (!value) errors.value = '请填写表盘读数';
  return { ok: false, errors };
}
