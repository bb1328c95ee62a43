import {
  CreateRatingSchema,
  RATING_QUESTIONS,
  RatingLevel,
  type CreateRatingRequest,
  type RatingQuestion,
} from '@utility/shared';
import { formDraftStore, type FormDraft } from '../../hooks/form-draft';
import { errorsByField, type Checked } from '../../hooks/use-draft-form';

export interface RatingForm {
  /** The ticket rated: a kept draft is only offered again on the same ticket. */
  ticketId: number;
  level: RatingLevel | '';
  /** Questions the resident answered themselves; the others follow the overall level. */
  answers: Partial<Record<RatingQuestion, RatingLevel>>;
  comment: string;
}
export type RatingField = 'level' | 'answers' | 'comment';
export type RatingDraft = FormDraft<RatingForm>;

export const EMPTY_RATING_FORM: RatingForm = { ticketId: 0, level: '', answers: {}, comment: '' };

export const ratingDrafts = formDraftStore('resident.rating.draft', EMPTY_RATING_FORM);

/**
 * What each question reads on screen and is sent as: the resident's own answer, else the overall
 * level (one tap rates everything alike; a question that differs is tapped on its own).
 */
export function effectiveAnswers(
  form: Pick<RatingForm, 'level' | 'answers'>,
): Partial<Record<RatingQuestion, RatingLevel>> {
  const answers: Partial<Record<RatingQuestion, RatingLevel>> = {};
  for (const q of RATING_QUESTIONS) {
    const value = form.answers[q] ?? (form.level || undefined);
    if (value) answers[q] = value;
  }
  return answers;
}

/** CreateRatingSchema decides, as on the server; its messages land on the field they name. */
export function validateRating(form: RatingForm): Checked<CreateRatingRequest> {
  const comment = form.comment.trim();
  const parsed = CreateRatingSchema.safeParse({
    level: form.level || undefined,
    answers: effectiveAnswers(form),
    comment: comment || undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return {
    ok: false,
    errors: errorsByField(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      ratingFieldOf,
    ),
  };
}

/** `answers.speed` and the like all land on the questions, which say it their own way. */
export function ratingFieldOf(path: string): RatingField | undefined {
  const field = path.split('.')[0];
  return field === 'level' || field === 'comment' || field === 'answers' ? field : undefined;
}

/** A 不满意 is not the end of it: the server opens a complaint about the work (a report is reopened). */
export const isDissatisfied = (level: RatingLevel | '') => level === RatingLevel.Dissatisfied;
