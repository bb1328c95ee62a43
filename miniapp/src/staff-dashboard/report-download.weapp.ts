import Taro from '@tarojs/taro';
import { getToken } from '../services/session';
import { reportExportPath } from '../services/api/reports';

/** Weapp: download to a temporary file and open it in WeChat's document viewer. */
export async function downloadReport(period: string, format: 'xlsx' | 'csv'): Promise<void> {
  const res = await Taro.downloadFile({
    url: API_BASE + reportExportPath(period, format),
    header: { Authorization: `Bearer ${getToken() ?? ''}` },
  });
  if (res.statusCode !== 200) throw new Error(`export failed: ${res.statusCode}`);
  // WeChat's viewer opens xlsx; a CSV is offered through the file's own menu.
  await Taro.openDocument({
    filePath: res.tempFilePath,
    fileType: format === 'xlsx' ? 'xlsx' : undefined,
    showMenu: true,
  } as never);
}
