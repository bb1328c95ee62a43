import {
  APPLICATION_KINDS,
  ApplicationKind,
  CreateApplicationSchema,
  type ApplicationDocument,
  type ApplicationKindDefinition,
  type CreateApplicationRequest,
} from '@utility/shared';
import type { Photo } from '../../components/photo-grid';
import { formDraftStore } from '../../hooks/form-draft';
import { errorsByField, type Checked } from '../../hooks/use-draft-form';

export interface ApplicationForm {
  kind: ApplicationKind | '';
  accountId: number;
  /** By field key of APPLICATION_KINDS[kind].fields. */
  fields: Record<string, string>;
  /** Uploaded as taken, by document. */
  photos: Partial<Record<ApplicationDocument, Photo[]>>;
}

export const EMPTY_APPLICATION_FORM: ApplicationForm = { kind: '', accountId: 0, fields: {}, photos: {} };

/** Cleared with the resident session: it holds a name, a phone and an ID number. */
export const applicationDrafts = formDraftStore('resident.application.draft', EMPTY_APPLICATION_FORM);

/** Stopping and restoring supply only make sense for the account's own utility. */
const UTILITY_OF: Partial<Record<ApplicationKind, string>> = {
  [ApplicationKind.StopGas]: 'gas',
  [ApplicationKind.RestoreGas]: 'gas',
  [ApplicationKind.StopHeating]: 'heating',
  [ApplicationKind.RestoreHeating]: 'heating',
};

/** The applications an account of `utility` can file, in the order of APPLICATION_KINDS. */
export function kindsFor(utility: string): ApplicationKindDefinition[] {
  return Object.values(APPLICATION_KINDS).filter((d) => !UTILITY_OF[d.kind] || UTILITY_OF[d.kind] === utility);
}

/**
 * A new kind keeps what still applies (the same field keys, the same documents) and drops the
 * rest, so that switching 停气 → 复气 does not make the resident type their name again.
 */
export function switchKind(form: ApplicationForm, kind: ApplicationKind): ApplicationForm {
  const def = APPLICATION_KINDS[kind];
  const fields: Record<string, string> = {};
  for (const f of def.fields) if (form.fields[f.key]) fields[f.key] = form.fields[f.key];
  const photos: ApplicationForm['photos'] = {};
  for (const doc of def.documents) if (form.photos[doc]?.length) photos[doc] = form.photos[doc];
  return { ...form, kind, fields, photos };
}

/** `fields.phone` and `photoIds.id_card` are errors of that field and that document. */
export function applicationFieldOf(path: string): string | undefined {
  const [head, key] = path.split('.');
  if (head === 'fields' && key) return `fields.${key}`;
  if (head === 'photoIds' && key) return `photoIds.${key}`;
  return head === 'kind' || head === 'accountId' ? head : undefined;
}

/** CreateApplicationSchema (with the kind's own fields and documents) decides, as on the server. */
export function validateApplication(form: ApplicationForm): Checked<CreateApplicationRequest> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(form.fields)) if (value.trim()) fields[key] = value.trim();
  const photoIds: Partial<Record<ApplicationDocument, number[]>> = {};
  for (const [doc, photos] of Object.entries(form.photos) as [ApplicationDocument, Photo[]][]) {
    if (photos.length) photoIds[doc] = photos.map((p) => p.id);
  }
  const parsed = CreateApplicationSchema.safeParse({
    kind: form.kind || undefined,
    accountId: form.accountId || undefined,
    fields,
    photoIds,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const errors = errorsByField(issues, applicationFieldOf);
  if (errors.accountId) errors.accountId = '请选择户号';
  return { ok: false, errors };
}
