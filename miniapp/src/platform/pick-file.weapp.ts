import Taro from '@tarojs/taro';
import type { ImportFile } from '../services/api/admin-accounts';

/** The file types staff upload (customer-master imports, the bank's auto-debit results). */
export type PickedFileType = 'csv' | 'xlsx';

/** WeChat: a file from a chat (the only files a mini-program can pick), read into memory. */
export async function pickFile(types: readonly PickedFileType[]): Promise<ImportFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...types] });
    const file = tempFiles[0];
    if (!file) return null;
    const body = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
    return { name: file.name, body };
  } catch {
    return null; // cancelled
  }
}
