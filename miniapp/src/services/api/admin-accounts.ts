import type { AdminAccountPage, AdminAccountPatch, AdminAccountView, ImportJobView } from '@utility/shared';
import { staffApi } from './request';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A customer-master file the admin picked: its name and bytes. */
export interface ImportFile {
  name: string;
  body: ArrayBuffer | Blob;
}

export const importContentType = (name: string): string | null =>
  /\.csv$/i.test(name) ? 'text/csv' : /\.xlsx$/i.test(name) ? XLSX_TYPE : null;

export function startAccountImport(file: ImportFile, contentType: string): Promise<{ jobId: string }> {
  return staffApi.sendFile('/api/admin/accounts/import', file.body, contentType);
}

export function importJob(jobId: string): Promise<ImportJobView> {
  return staffApi.request(`/api/admin/imports/${encodeURIComponent(jobId)}`, { silent: true });
}

export function searchAccounts(q: string, page: number): Promise<AdminAccountPage> {
  return staffApi.request(`/api/admin/accounts?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`);
}

export function getAccount(accountNo: string): Promise<AdminAccountView> {
  return staffApi.request(`/api/admin/accounts/${accountNo}`);
}

export function editAccount(accountNo: string, patch: AdminAccountPatch): Promise<AdminAccountView> {
  return staffApi.request(`/api/admin/accounts/${accountNo}`, { method: 'PATCH', data: patch });
}

export function revealAccountPhone(accountNo: string): Promise<{ phone: string | null }> {
  return staffApi.request(`/api/admin/accounts/${accountNo}/reveal-phone`, { method: 'POST' });
}
