import { randomBytes } from 'node:crypto';
import { EXPORT_TYPES, exportCloudPath, type ExportExtension, type GeneratedFile } from '@linli/types/files';
import { GENERATED_FILE_RETENTION_MS, retentionCutoff } from '../domain/retention';
import { platform } from '../platform';
import { TEMP_FILE_URL_SECONDS } from '../platform/types';
import { generatedFilesRepository } from '../repositories/generated-files';

/**
 * Files functions make for a person to download (docs/files.md "Generated files"). A function's
 * answer is limited to 1 MB in the WeChat cloud (EXCEED_MAX_RESPONSE_SIZE), and a station-year's
 * 台账 as base64 can pass it, so no file travels in an answer: it is stored privately under
 * `exports/<stationId>/<random>.<ext>` and the answer carries a link that works 10 minutes.
 */

export interface MadeFile {
  /** What the person's device calls it: `签到表-长者健康讲座-2026-03-02.xlsx`. */
  fileName: string;
  extension: ExportExtension;
  bytes: Uint8Array;
}

/** 16 random bytes as base64url: 22 characters nobody can guess from another file's name. */
const newName = (): string => randomBytes(16).toString('base64url');

/**
 * Stores `file` for the staff of `stationId` and answers the link to it. Callers check who may
 * have the file before making it: whoever holds the link gets the file until it expires.
 */
export async function deliverFile(stationId: string, file: MadeFile, now: Date): Promise<GeneratedFile> {
  const name = newName();
  const bytes = Buffer.from(file.bytes);
  const fileId = await platform().uploadFile(exportCloudPath(stationId, name, file.extension), bytes);
  try {
    await generatedFilesRepository.add({ _id: name, stationId, fileId, bytes: bytes.length, createdAt: now });
  } catch (error) {
    // Storage cannot be listed: a file without its record would never be cleaned up. Take it back.
    await platform()
      .deleteFiles([fileId])
      .catch(() => undefined);
    throw error;
  }
  const url = await platform().tempFileUrl(fileId);
  if (!url) throw new Error('storage gave no link to a file it has just stored');
  return {
    fileName: file.fileName,
    mimeType: EXPORT_TYPES[file.extension],
    bytes: bytes.length,
    url,
    // From the call's start: the link itself was made a moment later, so it lasts at least this long.
    expiresAt: new Date(now.getTime() + TEMP_FILE_URL_SECONDS * 1000).toISOString(),
  };
}

/** cloud.deleteFile takes at most 50 ids a call: one call per batch. */
const FILE_BATCH = 50;

/**
 * The nightly clean-up: deletes generated files older than a day (domain/retention.ts), file
 * first, then its record: when storage refuses the deletion, the records stay and the next night
 * tries again (a file already gone is no refusal). Batches of 50 until none are left or `deadline` (real time, ms) has passed; at least
 * one batch a night. Answers how many it deleted.
 */
export async function purgeGeneratedFiles(now: Date, deadline: number): Promise<number> {
  const cutoff = retentionCutoff(now, GENERATED_FILE_RETENTION_MS);
  let purged = 0;
  do {
    const old = await generatedFilesRepository.createdBefore(cutoff, FILE_BATCH);
    if (old.length === 0) break;
    await platform().deleteFiles(old.map((doc) => doc.fileId));
    purged += await generatedFilesRepository.removeIds(old.map((doc) => doc._id));
    if (old.length < FILE_BATCH) break;
  } while (Date.now() < deadline);
  return purged;
}
