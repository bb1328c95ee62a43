import type { ImportFile } from '../../services/api/admin-accounts';

/** H5: the browser's file picker; the File itself is sent (streamed by the browser, never read here). */
export function pickImportFile(): Promise<ImportFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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
