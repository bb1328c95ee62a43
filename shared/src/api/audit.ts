/** `GET /api/admin/audit`: one admin change (docs/domain.md#personal-data), newest first. */
export interface AdminChangeView {
  id: number;
  staffId: number;
  staffName: string;
  /** What was done, e.g. `staff.create`, `queue.update`, `sla_policy.replace`. */
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** `GET /api/admin/personal-data-access`: who saw which unmasked personal data, newest first. */
export interface PersonalDataAccessView {
  id: number;
  staffId: number;
  staffName: string;
  subjectType: string;
  subjectId: number;
  field: string;
  at: string;
}
