import {
  CreateComplaintSchema,
  CreateMisconductReportSchema,
  type CreateComplaintRequest,
  type CreateMisconductReportRequest,
} from '@utility/shared';
import type { Photo } from '../../components/photo-grid';
import { formDraftStore } from '../../hooks/form-draft';
import { errorsByField, type Checked } from '../../hooks/use-draft-form';

export interface ComplaintForm {
  /** The resident's ticket complained about (from its detail page), or 0 for a complaint in general. */
  ticketId: number;
  /** An account it concerns when it is about no ticket; 0 for none. */
  accountId: number;
  text: string;
  photos: Photo[];
}

export interface ReportForm {
  text: string;
  /** Kept from every staff view: the resident still follows the report under 我的报修. */
  anonymous: boolean;
  photos: Photo[];
}

export const EMPTY_COMPLAINT_FORM: ComplaintForm = { ticketId: 0, accountId: 0, text: '', photos: [] };
export const EMPTY_REPORT_FORM: ReportForm = { text: '', anonymous: true, photos: [] };

export const complaintDrafts = formDraftStore('resident.complaint.draft', EMPTY_COMPLAINT_FORM);
export const reportDrafts = formDraftStore('resident.report.draft', EMPTY_REPORT_FORM);

/** `photoIds.3` is about the photos; the rest name their field. */
export function feedbackFieldOf(path: string): string | undefined {
  const field = path.split('.')[0];
  if (field === 'photoIds') return 'photos';
  return field === 'text' || field === 'ticketId' || field === 'accountId' || field === 'anonymous' ? field : undefined;
}

const issuesOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export function validateComplaint(form: ComplaintForm): Checked<CreateComplaintRequest> {
  const parsed = CreateComplaintSchema.safeParse({
    ticketId: form.ticketId || undefined,
    // About a ticket, the ticket says which account.
    accountId: form.ticketId ? undefined : form.accountId || undefined,
    text: form.text,
    photoIds: form.photos.length ? form.photos.map((p) => p.id) : undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: errorsByField(issuesOf(parsed.error.issues), feedbackFieldOf) };
}

export function validateReport(form: ReportForm): Checked<CreateMisconductReportRequest> {
  const parsed = CreateMisconductReportSchema.safeParse({
    text: form.text,
    anonymous: form.anonymous,
    photoIds: form.photos.length ? form.photos.map((p) => p.id) : undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: errorsByField(issuesOf(parsed.error.issues), feedbackFieldOf) };
}
