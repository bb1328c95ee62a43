import type { AdminChangeView, PersonalDataAccessView } from '@utility/shared';
import { staffApi } from './request';

/** The admins' change log, newest first (admins only). */
export const listAdminChanges = (limit = 100) => staffApi.request<AdminChangeView[]>(`/api/admin/audit?limit=${limit}`);

/** Who saw unmasked personal data, newest first (admins only). */
export const listPersonalDataAccess = (limit = 100) =>
  staffApi.request<PersonalDataAccessView[]>(`/api/admin/personal-data-access?limit=${limit}`);
