import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import {
  EXPORTS_FOLDER,
  EXPORT_TYPES,
  PHOTO_TYPES,
  UPLOADS_FOLDER,
  parseExportFileId,
  parseUploadFileId,
  uploadCloudPath,
  type PhotoExtension,
} from '@linli/types/files';
import type { LocalFileLookup } from '../../cloudfunctions/_shared/platform/local';

/**
 * The local runtime's cloud storage: uploaded photos as plain files under the data folder,
 *
 *     <LINLI_DATA_DIR>/files/uploads/<openid>/<name>.<ext>
 *
 * and the files functions generate (exports, docs/files.md "Generated files") beside them,
 *
 *     <LINLI_DATA_DIR>/files/exports/<stationId>/<name>.<ext>
 *
 * each at the same path as its file id after `cloud://local/` (types/files.ts), so a file id maps
 * to exactly one path and nothing else can be named. A file is written to a temporary name,
 * fsynced, renamed into place and its folder fsynced: once an upload is answered it survives a
 * crash, and a half-written file is never visible under a real name.
 *
 * Nothing here lists files or serves them: the host serves one file per signed link
 * (http.ts), and functions only ask whether a file exists (platform/local.ts).
 */

/** The environment part of a local file id: `cloud://local/uploads/…`. */
export const LOCAL_ENV = 'local';

/** 16 random bytes: file names cannot be guessed from one another. */
const newName = (): string => randomBytes(16).toString('base64url');

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface FileStore extends LocalFileLookup {
  /** Stores an image for its uploader; answers its file id. */
  save(ownerOpenid: string, bytes: Buffer, extension: PhotoExtension): Promise<string>;
  /** The file behind a local file id, or null (not ours, malformed, or not there). */
  read(fileId: string): Promise<StoredFile | null>;
  /** Deletes every upload and generated file (demo reset). */
  clear(): Promise<void>;
  /** A store made without a data folder deletes its temporary folder. */
  close(): Promise<void>;
}

/**
 * Opens the store in `<dataDir>/files`; with no data folder (tests), in a fresh temporary folder
 * that `close()` removes. Leftovers of uploads a crash interrupted are removed on opening.
 */
export async function openFileStore(dataDir: string | null): Promise<FileStore> {
  const temporary = dataDir === null;
  const root = temporary ? await fs.mkdtemp(join(os.tmpdir(), 'linli-files-')) : join(dataDir, 'files');
  const uploads = join(root, UPLOADS_FOLDER);
  const exports = join(root, EXPORTS_FOLDER);
  await removeTemporaryFiles(uploads);
  await removeTemporaryFiles(exports);

  /** The path of a local upload's or generated file's id, and its type; null for anything else. */
  function pathOf(fileId: string): { path: string; contentType: string } | null {
    const upload = parseUploadFileId(fileId);
    if (upload) {
      if (upload.env !== LOCAL_ENV) return null;
      return {
        path: join(root, uploadCloudPath(upload.owner, upload.name, upload.extension)),
        contentType: PHOTO_TYPES[upload.extension],
      };
    }
    const generated = parseExportFileId(fileId);
    if (!generated || generated.env !== LOCAL_ENV) return null;
    return {
      path: join(root, fileId.slice(`cloud://${LOCAL_ENV}/`.length)),
      contentType: EXPORT_TYPES[generated.extension],
    };
  }

  return {
    async save(ownerOpenid, bytes, extension) {
      const fileId = `cloud://${LOCAL_ENV}/${uploadCloudPath(ownerOpenid, newName(), extension)}`;
      const target = pathOf(fileId);
      // The owner comes from a verified token, but it becomes a folder name: check its shape.
      if (!target) throw new Error('not a valid uploader openid');
      await writeDurably(target.path, bytes);
      return fileId;
    },
    async read(fileId) {
      const target = pathOf(fileId);
      if (!target) return null;
      try {
        return { bytes: await fs.readFile(target.path), contentType: target.contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async exists(fileId) {
      const target = pathOf(fileId);
      if (!target) return false;
      try {
        return (await fs.stat(target.path)).isFile();
      } catch {
        return false;
      }
    },
    async remove(fileId) {
      const target = pathOf(fileId);
      if (!target) return false;
      try {
        await fs.unlink(target.path);
        await fsyncDir(dirname(target.path)).catch(() => undefined);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    async put(cloudPath, bytes) {
      // Only the shapes functions make (exports/<station>/<random>.<ext>): the path becomes a file name.
      const fileId = `cloud://${LOCAL_ENV}/${cloudPath}`;
      const target = parseExportFileId(fileId) ? pathOf(fileId) : null;
      if (!target) throw new Error(`not a path functions store files at: ${cloudPath}`);
      await writeDurably(target.path, bytes);
      return fileId;
    },
    async clear() {
      await fs.rm(uploads, { recursive: true, force: true });
      await fs.rm(exports, { recursive: true, force: true });
      await fsyncDir(root).catch(() => undefined);
    },
    async close() {
      if (temporary) await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** Temporary file, fsync, rename, fsync the folder (and any folder just created above it). */
async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const folder = dirname(path);
  const firstCreated = await fs.mkdir(folder, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  // The new name is a change to the folder; new folders are changes to theirs.
  const stopAt = firstCreated ? dirname(firstCreated) : folder;
  for (let dir = folder; ; dir = dirname(dir)) {
    await fsyncDir(dir);
    if (dir === stopAt || dir === dirname(dir)) break;
  }
}

async function removeTemporaryFiles(uploads: string): Promise<void> {
  let owners: string[];
  try {
    owners = await fs.readdir(uploads);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const owner of owners) {
    const folder = join(uploads, owner);
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.tmp')) await fs.rm(join(folder, name), { force: true });
  }
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    // Windows cannot open a folder; its file system orders these updates itself.
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
