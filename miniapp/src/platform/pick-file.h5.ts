import type { ImportFile } from '../services/api/admin-accounts';

/** The file types staff upload (customer-master imports, the bank's auto-debit results). */
export type PickedFileType = 'csv' | 'xlsx';

const ACCEPT: Record<PickedFileType, string> = {
  csv: '.csv,text/csv',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** H5: the browser's file picker; the File itself is sent (streamed by the browser, never read here). */
export function pickFile(types: readonly PickedFileType[]): Promise<ImportFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = types.map((type) => ACCEPT[type]).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, body: file } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}
