import { getToken } from '../services/session';

/** H5: fetch a staff file (an export) with the staff token, then save it through a temporary link. */
export async function downloadStaffFile(path: string, filename: string): Promise<void> {
  const res = await fetch(API_BASE + path, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  if (!res.ok) throw new Error(`download failed: ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
