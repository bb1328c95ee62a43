import { getToken } from '../services/session';
import { reportExportPath } from '../services/api/reports';

/** H5: fetch with the staff token, then save the file through a temporary link. */
export async function downloadReport(period: string, format: 'xlsx' | 'csv'): Promise<void> {
  const res = await fetch(API_BASE + reportExportPath(period, format), {
    headers: { Authorization: `Bearer ${getToken() ?? ''}` },
  });
  if (!res.ok) throw new Error(`export failed: ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `月度报表-${period}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}
