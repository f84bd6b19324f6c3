import { z } from 'zod';

/**
 * Uploaded photos, as both sides see them (docs/files.md). The mini-program uploads into its
 * caller's own folder; functions accept only ids from the caller's own folder
 * (cloudfunctions/_shared/domain/uploads.ts) and hand out short-lived links, never the files.
 *
 *     cloud://<env>/uploads/<openid>/<name>.<ext>
 *             │     │       │        └ random, made by the uploader: [0-9A-Za-z_-]{8,64}
 *             │     │       └ the uploader's OPENID: who may attach the file to a record
 *             │     └ the only folder clients may write (config/storage-rules.json)
 *             └ WeChat: `<env id>.<bucket>`; the local runtime: `local`
 *
 * What must change together: this shape, the storage rule's path pattern
 * (config/storage-rules.json, tested against `uploadCloudPath`), and the local store's layout
 * (local/storage/file-store.ts).
 */

/** The folder every client upload goes into. */
export const UPLOADS_FOLDER = 'uploads';

/** Larger photos are compressed on the phone first; the local upload refuses them. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The image types we take, by the extension the stored file gets. */
export const PHOTO_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type PhotoExtension = keyof typeof PHOTO_TYPES;
export const PHOTO_EXTENSIONS = Object.keys(PHOTO_TYPES) as PhotoExtension[];

const OPENID = '[0-9A-Za-z_-]{1,64}';
const NAME = '[0-9A-Za-z_-]{8,64}';

/**
 * An upload's id, split into its parts (or null when it is not one): `cloud://`, one path
 * segment for the environment, then `uploads/<openid>/<name>.<ext>` and nothing else — no `..`,
 * no query, no extra folders.
 */
const UPLOAD_FILE_ID = new RegExp(
  `^cloud://([^/\\s?#]+)/${UPLOADS_FOLDER}/(${OPENID})/(${NAME})\\.(${PHOTO_EXTENSIONS.join('|')})$`,
);

export interface UploadFileId {
  env: string;
  owner: string;
  name: string;
  extension: PhotoExtension;
}

export function parseUploadFileId(fileId: string): UploadFileId | null {
  const match = UPLOAD_FILE_ID.exec(fileId);
  if (!match) return null;
  const [, env = '', owner = '', name = '', extension = ''] = match;
  return { env, owner, name, extension: extension as PhotoExtension };
}

/** Where the mini-program puts a new upload (`Taro.cloud.uploadFile`'s `cloudPath`). */
export function uploadCloudPath(ownerOpenid: string, name: string, extension: PhotoExtension): string {
  return `${UPLOADS_FOLDER}/${ownerOpenid}/${name}.${extension}`;
}

/** For contracts: an id the upload service returned (whose it is, the function checks). */
export const uploadedFileIdSchema = z
  .string()
  .max(300)
  .refine((value) => parseUploadFileId(value) !== null, '照片上传未完成，请重新选择照片');

/**
 * The local runtime's stand-in for `Taro.cloud.uploadFile` (H5 only): POST the image's bytes
 * with the dev-login token; the answer is `{ fileID }`, or an error envelope.
 */
export const LOCAL_UPLOAD_PATH = '/api/_files/upload';
export const localUploadResponseSchema = z.object({ fileID: z.string() });
