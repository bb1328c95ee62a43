import { upload } from './request'

export interface UploadView {
  id: number
  url: string
}

/** A photo from chooseMedia (weapp temp path or H5 blob URL); attach it afterwards by id. */
export function uploadPhoto(filePath: string): Promise<UploadView> {
  return upload<UploadView>('/api/uploads', filePath, { silent: true })
}
