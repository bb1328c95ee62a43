import type { ImportFile } from '../../services/api/admin-accounts';

/** H5: the browser's file picker for the bank's CSV; the File itself is sent (streamed by the browser). */
export function pickCsvFile(): Promise<ImportFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
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
