import { Channel, CreateTicketSchema, INTAKE_CHANNELS, type CreateTicketRequest, TicketType } from '@utility/shared';
import { formDraftStore, type FormDraft } from '../../hooks/form-draft';

export interface IntakeForm {
  type: TicketType | '';
  accountNo: string;
  address: string;
  contactName: string;
  contactPhone: string;
  description: string;
  /** How the request came in: the 24-hour line unless the agent picks another (12345, a letter, a walk-in…). */
  channel: StaffChannel;
  /** The 12345 hotline's number of the matter (required for it), or a letter's registration number. */
  externalRef: string;
}
export type IntakeField = keyof IntakeForm;
export type IntakeErrors = Partial<Record<IntakeField, string>>;

export type IntakeDraft = FormDraft<IntakeForm>;

export const EMPTY_FORM: IntakeForm = {
  type: '',
  accountNo: '',
  address: '',
  contactName: '',
  contactPhone: '',
  description: '',
  channel: Channel.Phone,
  externalRef: '',
};

/** The channels staff take requests by (the resident's own miniapp is not one of them). */
export type StaffChannel = Exclude<(typeof INTAKE_CHANNELS)[number], Channel.Miniapp>;
export const STAFF_CHANNELS = INTAKE_CHANNELS.filter((c): c is StaffChannel => c !== Channel.Miniapp);

const drafts = formDraftStore('staff.intake.draft', EMPTY_FORM);
export const newDraft = drafts.newDraft;
/** The draft left by a submission the network swallowed, if any. */
export const loadDraft = drafts.load;
export const saveDraft = drafts.save;
export const clearDraft = drafts.clear;

export type IntakeValidation = { ok: true; request: CreateTicketRequest } | { ok: false; errors: IntakeErrors };

/** The shared CreateTicketSchema decides; a draft from before channels were picked is a phone call. */
export function validateIntake(form: IntakeForm): IntakeValidation {
  const parsed = CreateTicketSchema.safeParse({
    ...form,
    type: form.type || undefined,
    accountNo: form.accountNo.trim() || undefined,
    channel: form.channel || Channel.Phone,
    externalRef: form.externalRef?.trim() || undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: IntakeErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as IntakeField;
    // zod's own enum message is English; the type is a picker, so the only failure is "none chosen".
    errors[field] ??= field === 'type' ? '请选择工单类型' : issue.message;
  }
  return { ok: false, errors };
}

/** VALIDATION_FAILED details from the server, on the fields they name. */
export function errorsFromDetails(details: { path: string; message: string }[]): IntakeErrors {
  const errors: IntakeErrors = {};
  for (const d of details) {
    const field = d.path.split('.')[0] as IntakeField;
    if (field in EMPTY_FORM) errors[field] ??= d.message;
  }
  return errors;
}

/**
 * The form with a knowledge article taken in one click: a question asked in its title when the
 * agent typed none, the article's answer added to any other request's description.
 */
export function withArticle(form: IntakeForm, title: string, answer: string): IntakeForm {
  if (form.type === TicketType.Consultation)
    return { ...form, description: form.description.trim() ? form.description : `咨询：${title}` };
  const description = form.description.trim()
    ? `${form.description.trim()}\n【${title}】${answer}`
    : `【${title}】${answer}`;
  return { ...form, description: description.slice(0, 2000) };
}
