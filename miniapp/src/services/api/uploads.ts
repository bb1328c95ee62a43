import Taro from '@tarojs/taro';
import { apiOf, type AudienceName } from './request';

export interface UploadView {
  id: number;
  url: string;
}

/** At most this many photos go with one ticket or one repair result's before/after set (server: TOO_MANY_PHOTOS). */
export const MAX_PHOTOS = 6;

/**
 * A photo from chooseMedia (weapp temp path or H5 blob URL); attach it afterwards by id.
 * `/api/uploads` takes a resident's or a staff token: a technician's photos go `as: 'staff'`,
 * so that they belong to the technician who attaches them to the repair result.
 */
export function uploadPhoto(filePath: string, as: AudienceName = 'resident'): Promise<UploadView> {
  return apiOf(as).upload<UploadView>('/api/uploads', filePath, { silent: true });
}

/** Up to `count` photos taken or chosen; none when the person closes the camera or album. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count < 1) return [];
  try {
    const media = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
    });
    return media.tempFiles
      .map((f) => f.tempFilePath)
      .filter(Boolean)
      .slice(0, count);
  } catch {
    return [];
  }
}
