import { parseUploadFileId } from '@linli/types/files';

/**
 * Who may attach an uploaded file to a record: only the person who uploaded it. A client could
 * send any file id it has seen (a link in a shared screenshot, another user's complaint photo);
 * a function that attached it would then hand out links to someone else's private photo. The
 * upload's folder names its uploader (types/files.ts), and only that person can write there
 * (config/storage-rules.json in the cloud, the dev-login token locally), so comparing the
 * folder with the caller is enough — without a storage lookup.
 */
export type UploadCheck = 'own' | 'not_an_upload' | 'someone_elses';

export function checkUpload(fileId: string, callerOpenid: string): UploadCheck {
  const parsed = parseUploadFileId(fileId);
  if (!parsed) return 'not_an_upload';
  return parsed.owner === callerOpenid ? 'own' : 'someone_elses';
}

export const isOwnUpload = (fileId: string, callerOpenid: string): boolean =>
  checkUpload(fileId, callerOpenid) === 'own';
