import { checkUpload } from '../domain/uploads';
import { AppError } from './app-error';

/**
 * For handlers that store a file id from the client: refuses anything but the caller's own
 * upload (domain/uploads.ts) as INVALID_INPUT on `field`, before anything is written. Call it
 * with the OPENID from the action context, never with an id from the request.
 */
export function assertOwnUpload(fileId: string, callerOpenid: string, field = 'photoFileId'): void {
  const check = checkUpload(fileId, callerOpenid);
  if (check === 'own') return;
  // Both mean "pick the photo again" to the person; the field message tells a developer which.
  const detail = check === 'not_an_upload' ? '不是已上传的照片' : '只能附上自己上传的照片';
  throw new AppError('INVALID_INPUT', '照片上传未完成，请重新选择照片', [{ path: field, message: detail }]);
}
