import Taro from '@tarojs/taro'
import { Channel, CreateTicketSchema, type CreateTicketRequest, type TicketType } from '@utility/shared'
import { newIdempotencyKey } from '../../services/idempotency-key'

export interface IntakeForm {
  type: TicketType | ''
  accountNo: string
  address: string
  contactName: string
  contactPhone: string
  description: string
}
export type IntakeField = keyof IntakeForm
export type IntakeErrors = Partial<Record<IntakeField, string>>

/** One form fill: its fields and the key that makes a resubmission the same request. */
export interface IntakeDraft {
  form: IntakeForm
  idempotencyKey: string
}

const DRAFT_KEY = 'staff.intake.draft'

export const EMPTY_FORM: IntakeForm = {
  type: '',
  accountNo: '',
  address: '',
  contactName: '',
  contactPhone: '',
  description: '',
}

export function newDraft(): IntakeDraft {
  return { form: { ...EMPTY_FORM }, idempotencyKey: newIdempotencyKey() }
}

/** The draft left by a submission the network swallowed, if any. */
export function loadDraft(): IntakeDraft | null {
  const draft = Taro.getStorageSync<IntakeDraft>(DRAFT_KEY)
  return draft && draft.form && draft.idempotencyKey ? draft : null
}

export function saveDraft(draft: IntakeDraft): void {
  Taro.setStorageSync(DRAFT_KEY, draft)
}

export function clearDraft(): void {
  Taro.removeStorageSync(DRAFT_KEY)
}

export type IntakeValidation = { ok: true; request: CreateTicketRequest } | { ok: false; errors: IntakeErrors }

/** The shared CreateTicketSchema decides; the agent's line is always the phone channel. */
export function validateIntake(form: IntakeForm): IntakeValidation {
  const parsed = CreateTicketSchema.safeParse({
    ...form,
    type: form.type || undefined,
    accountNo: form.accountNo.trim() || undefined,
    channel: Channel.Phone,
  })
  if (parsed.success) return { ok: true, request: parsed.data }
  const errors: IntakeErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as IntakeField
    // zod's own enum message is English; the type is a picker, so the only failure is "none chosen".
    errors[field] ??= field === 'type' ? '请选择工单类型' : issue.message
  }
  return { ok: false, errors }
}

/** VALIDATION_FAILED details from the server, on the fields they name. */
export function errorsFromDetails(details: { path: string; message: string }[]): IntakeErrors {
  const errors: IntakeErrors = {}
  for (const d of details) {
    const field = d.path.split('.')[0] as IntakeField
    if (field in EMPTY_FORM) errors[field] ??= d.message
  }
  return errors
}
