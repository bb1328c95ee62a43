import {
  CreateConsultationSchema,
  CreateSuggestionSchema,
  type CreateConsultationRequest,
  type CreateSuggestionRequest,
} from '@utility/shared';
import type { Photo } from '../../components/photo-grid';
import { formDraftStore } from '../../hooks/form-draft';
import { errorsByField, type Checked } from '../../hooks/use-draft-form';

export interface ConsultationForm {
  question: string;
  /** The account it is about; 0 for none (a question about the service in general). */
  accountId: number;
}

export interface SuggestionForm {
  text: string;
  accountId: number;
  photos: Photo[];
}

export const consultationDrafts = formDraftStore<ConsultationForm>('resident.consultation.draft', {
  question: '',
  accountId: 0,
});
export const suggestionDrafts = formDraftStore<SuggestionForm>('resident.suggestion.draft', {
  text: '',
  accountId: 0,
  photos: [],
});

/** `photoIds.3` is about the photos; the rest name their field. */
export function consultFieldOf(path: string): string | undefined {
  const field = path.split('.')[0];
  if (field === 'photoIds') return 'photos';
  return ['question', 'text', 'accountId'].includes(field) ? field : undefined;
}

const issuesOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export function validateConsultation(form: ConsultationForm): Checked<CreateConsultationRequest> {
  const parsed = CreateConsultationSchema.safeParse({
    question: form.question,
    accountId: form.accountId || undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: errorsByField(issuesOf(parsed.error.issues), consultFieldOf) };
}

export function validateSuggestion(form: SuggestionForm): Checked<CreateSuggestionRequest> {
  const parsed = CreateSuggestionSchema.safeParse({
    text: form.text,
    accountId: form.accountId || undefined,
    photoIds: form.photos.length ? form.photos.map((p) => p.id) : undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: errorsByField(issuesOf(parsed.error.issues), consultFieldOf) };
}
