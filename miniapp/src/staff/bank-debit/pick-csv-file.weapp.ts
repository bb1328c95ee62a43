import Taro from '@tarojs/taro';
import type { ImportFile } from '../../services/api/admin-accounts';

/** WeChat: the bank's CSV from a chat (the only files a mini-program can pick), read into memory. */
export async function pickCsvFile(): Promise<ImportFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
    const file = tempFiles[0];
    if (!file) return null;
    const body = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
    return { name: file.name, body };
  } catch {
    return null; // cancelled
  }
}
