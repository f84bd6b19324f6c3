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

/*
 * Generated files (docs/files.md "Generated files"): xlsx exports a function makes — 签到表,
 * 台账, 指标完成情况, 志愿服务时长 — and a person's own data export (JSON). A function's answer is at most 1 MB in the WeChat cloud, and
 * base64 adds a third, so the file never travels in the answer: the function stores it privately
 * and answers a short-lived link.
 *
 *     cloud://<env>/exports/<stationId>/<name>.<ext>
 *                   │       │           └ 16 random bytes (22 characters): not guessable, no person's name
 *                   │       └ the station whose staff asked for it
 *                   └ written by functions only (the storage rule lets no client write or read it)
 */

/** The folder generated files go into; only functions write it. */
export const EXPORTS_FOLDER = 'exports';

/** The kinds of file functions generate, by extension. */
export const EXPORT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  /** A person's own data export (account.exportMyData, docs/privacy.md). */
  json: 'application/json',
} as const;
export type ExportExtension = keyof typeof EXPORT_TYPES;
export const EXPORT_EXTENSIONS = Object.keys(EXPORT_TYPES) as ExportExtension[];

const STATION = '[0-9A-Za-z_-]{1,64}';
const EXPORT_NAME = '[0-9A-Za-z_-]{22}';

const EXPORT_FILE_ID = new RegExp(
  `^cloud://([^/\\s?#]+)/${EXPORTS_FOLDER}/(${STATION})/(${EXPORT_NAME})\\.(${EXPORT_EXTENSIONS.join('|')})$`,
);

export interface ExportFileId {
  env: string;
  stationId: string;
  name: string;
  extension: ExportExtension;
}

export function parseExportFileId(fileId: string): ExportFileId | null {
  const match = EXPORT_FILE_ID.exec(fileId);
  if (!match) return null;
  const [, env = '', stationId = '', name = '', extension = ''] = match;
  return { env, stationId, name, extension: extension as ExportExtension };
}

/** Where a function stores a generated file (`cloud.uploadFile`'s `cloudPath`). */
export function exportCloudPath(stationId: string, name: string, extension: ExportExtension): string {
  return `${EXPORTS_FOLDER}/${stationId}/${name}.${extension}`;
}

/**
 * What an action that makes a file answers: the file's name and type for the person's device,
 * its size, and a link that works until `expiresAt` (the same 10 minutes as photo links). The
 * app downloads the link at once (src/services/save-file.ts); a later tap asks for a new file.
 */
export const generatedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int().nonnegative(),
  url: z.url(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

/**
 * Small PNGs that do stay in answers: sign-in codes (a new one every 30 s — a storage round trip
 * each time would cost more than it saves) and personal QR codes. A local QR is 1–3 KB and a
 * mini-program code at WeChat's default 430 px tens of KB; this bound keeps any answer carrying
 * one far from the 1 MB limit, and one that broke it would fail loudly (INTERNAL) instead of being
 * cut off by the platform.
 */
export const INLINE_PNG_MAX_BASE64 = 256 * 1024;
export const inlinePngSchema = z.string().max(INLINE_PNG_MAX_BASE64);
