import { VisitAttemptSchema, type RatingLevel, type VisitAttemptRequest } from '@utility/shared';

/** One call as the agent records it; null: not answered yet on the form. */
export interface VisitForm {
  reached: boolean | null;
  level: RatingLevel | null;
  fixed: boolean | null;
  note: string;
}
export type VisitField = 'reached' | 'level' | 'fixed' | 'note';
export type VisitErrors = Partial<Record<VisitField, string>>;

export const EMPTY_VISIT_FORM: VisitForm = { reached: null, level: null, fixed: null, note: '' };

export type VisitValidation = { ok: true; request: VisitAttemptRequest } | { ok: false; errors: VisitErrors };

/**
 * VisitAttemptSchema decides, as on the server. A call nobody answered carries no level and no
 * verdict, whatever was tapped before the agent switched to 未接通.
 */
export function validateVisitAttempt(form: VisitForm): VisitValidation {
  if (form.reached === null) return { ok: false, errors: { reached: '请选择是否接通' } };
  const parsed = VisitAttemptSchema.safeParse({
    reached: form.reached,
    level: form.reached ? (form.level ?? undefined) : undefined,
    fixed: form.reached ? (form.fixed ?? undefined) : undefined,
    note: form.note,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: VisitErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as VisitField;
    if (['reached', 'level', 'fixed', 'note'].includes(field)) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** What the visit's outcome will do, said before the agent records it. */
export function outcomeHint(form: VisitForm, attemptsLeft: number): string {
  if (form.reached === false) {
    return attemptsLeft <= 1
      ? '这是最后一次拨打：记录后回访结束，记为“联系不上”。'
      : `未接通，还可再拨打 ${attemptsLeft - 1} 次。`;
  }
  if (form.reached && form.fixed === false) return '问题未解决：记录后原工单将重新处理或转为投诉。';
  // Fixed but 不满意: the service is in question → a complaint (a report is reopened instead).
  if (form.reached && form.level === 'dissatisfied') return '居民不满意：记录后将转为投诉（举报则重新处理）。';
  return '';
}
