import Taro from '@tarojs/taro';
import {
  LOCAL_UPLOAD_PATH,
  PHOTO_MAX_BYTES,
  localUploadResponseSchema,
  uploadCloudPath,
  type PhotoExtension,
} from '@linli/types/files';
import { appErrorSchema } from '@linli/types/errors';
import { compressForUpload } from './image-compress';
import { isH5 } from './platform';
import { sessionStore } from './session';
import { apiBase, devToken } from './transport';

/**
 * Photos from the phone into private cloud storage (docs/files.md). What comes back is a file
 * id (`cloud://…`), which the page sends with its action; the function checks it is the
 * caller's own upload and later shows it through short-lived links only.
 *
 * WeChat: chooseMedia (compressed by WeChat), then Taro.cloud.uploadFile into the caller's own
 *         folder `uploads/<openid>/…`, the only place the storage rules let them write.
 * H5:     chooseMedia (the browser's file picker), shrunk on a canvas when large, then POSTed as
 *         bytes to the local runtime with the dev-login token; the runtime picks the folder.
 */

/** A photo the person picked, not uploaded yet. */
export interface PickedPhoto {
  /** What an <Image> can show at once: a temporary path (WeChat) or a blob: URL (H5). */
  path: string;
  size: number;
  /** H5: the browser's file. */
  file?: Blob;
}

/** A refusal to show as it is: the message is for the person. */
export class PhotoError extends Error {
  override name = 'PhotoError';
}

const isCancel = (error: unknown): boolean => /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '');

/** Lets the person pick up to `max` photos (album or camera); none when they cancel. */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  try {
    const { tempFiles } = await Taro.chooseMedia({
      count: max,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      // WeChat's own compression (weapp only; H5 shrinks on a canvas at upload).
      sizeType: ['compressed'],
    });
    return tempFiles.slice(0, max).map((file) => ({
      path: file.tempFilePath,
      size: file.size,
      ...(file.originalFileObj ? { file: file.originalFileObj } : {}),
    }));
  } catch (error) {
    if (isCancel(error)) return [];
    throw new PhotoError('无法打开相册或相机，请检查权限后重试');
  }
}

/** Uploads one picked photo; answers its file id. `onProgress` gets 0–100. */
export async function uploadPhoto(photo: PickedPhoto, onProgress?: (percent: number) => void): Promise<string> {
  return isH5() ? uploadToLocalRuntime(photo, onProgress) : uploadToCloud(photo, onProgress);
}

/** Picks up to `max` photos and uploads them one after another; answers their file ids. */
export async function pickAndUploadPhotos(options: {
  max: number;
  onProgress?: (index: number, percent: number) => void;
}): Promise<string[]> {
  const picked = await pickPhotos(options.max);
  const fileIds: string[] = [];
  for (const [index, photo] of picked.entries()) {
    fileIds.push(await uploadPhoto(photo, (percent) => options.onProgress?.(index, percent)));
  }
  return fileIds;
}

const TOO_LARGE = '照片不能超过5MB，请换一张或裁剪后再试';

// ---- WeChat

/** The caller's OPENID names their upload folder; the app knows it from account.me. */
async function ownOpenid(): Promise<string> {
  await sessionStore.ensure();
  const openid = sessionStore.get().me?.profile?.openid;
  if (!openid) throw new PhotoError('请先完善个人资料，再上传照片');
  return openid;
}

/** The extension the stored file gets, from WeChat's temporary path (`…/tmp_abc.jpg`). */
export function extensionOf(path: string): PhotoExtension {
  const extension = /\.(jpe?g|png|webp)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'png' || extension === 'webp') return extension;
  return 'jpg';
}

/** Not a secret (the folder is the lock): only unique, and in the storage rule's alphabet. */
export const newFileName = (): string =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;

async function uploadToCloud(photo: PickedPhoto, onProgress?: (percent: number) => void): Promise<string> {
  const openid = await ownOpenid();
  let filePath = photo.path;
  if (photo.size > PHOTO_MAX_BYTES) {
    // WeChat's compression left it large (a long panorama): once more, harder, as JPEG.
    filePath = (await Taro.compressImage({ src: photo.path, quality: 60 })).tempFilePath;
  }
  const cloudPath = uploadCloudPath(openid, newFileName(), extensionOf(filePath));
  return new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (result) => resolve(result.fileID),
      fail: () => reject(new PhotoError('照片没有传上去，请检查网络后重试')),
    });
    task?.onProgressUpdate?.((update) => onProgress?.(update.progress));
  });
}

// ---- H5 (the local runtime)

async function uploadToLocalRuntime(photo: PickedPhoto, onProgress?: (percent: number) => void): Promise<string> {
  const original = photo.file ?? (await (await fetch(photo.path)).blob());
  const body = await compressForUpload(original);
  if (body.size > PHOTO_MAX_BYTES) throw new PhotoError(TOO_LARGE);
  const token = devToken.get();
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase()}${LOCAL_UPLOAD_PATH}`);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', body.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let answer: unknown = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the generic message below.
      }
      const uploaded = localUploadResponseSchema.safeParse(answer);
      if (xhr.status === 200 && uploaded.success) {
        onProgress?.(100);
        return resolve(uploaded.data.fileID);
      }
      const refusal = appErrorSchema.safeParse((answer as { error?: unknown } | null)?.error);
      reject(new PhotoError(refusal.success ? refusal.data.message : '照片没有传上去，请稍后重试'));
    };
    xhr.onerror = () => reject(new PhotoError('网络不稳定，照片没有传上去，请重试'));
    xhr.send(body);
  });
}
