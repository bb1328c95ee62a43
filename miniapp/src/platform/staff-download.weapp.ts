import Taro from '@tarojs/taro';
import { getToken } from '../services/session';

/** Weapp: download a staff file (an export) to a temporary file and offer it through WeChat's viewer menu. */
export async function downloadStaffFile(path: string, _filename: string): Promise<void> {
  const res = await Taro.downloadFile({
    url: API_BASE + path,
    header: { Authorization: `Bearer ${getToken() ?? ''}` },
  });
  if (res.statusCode !== 200) throw new Error(`download failed: ${res.statusCode}`);
  await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true } as never);
}
