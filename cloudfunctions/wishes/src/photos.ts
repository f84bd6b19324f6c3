import { platform } from '../../_shared/platform';
import { assertOwnUpload } from '../../_shared/runtime/uploads';
import { errorSummary } from '../../_shared/runtime/safe-log';

/**
 * Photos of a wish and of its delivery are private files: stored by their cloud file id, shown
 * through links that work for a few minutes (platform tempFileUrl), and only in the views of
 * those who may see them — the wish's photos to its beneficiary and staff (detail-view.ts), the
 * delivery's also to the claimer who took them (public-view.ts); never on the wall.
 *
 * A file id sent by a client must be a file that caller uploaded (assertOwnUpload): otherwise
 * anyone could attach someone else's private photo to a wish and read it back through the link.
 * Checked before anything is written; `field` names the input, and each photo its index. Photos
 * the wish already has (a social worker's, kept when the resident revises it) stay allowed.
 */
export function assertOwnPhotos(
  fileIds: readonly string[],
  callerOpenid: string,
  field: string,
  alreadyAttached: readonly string[] = [],
): void {
  fileIds.forEach((fileId, index) => {
    if (!alreadyAttached.includes(fileId)) assertOwnUpload(fileId, callerOpenid, `${field}.${index}`);
  });
}

/** Links to the photos; a file storage no longer knows is left out, and a storage hiccup hides only the photos. */
export async function photoUrls(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  try {
    const urls = await Promise.all(fileIds.map((id) => platform().tempFileUrl(id)));
    return urls.filter((url): url is string => url !== null);
  } catch (error) {
    console.error(`[wishes] temp file link failed: ${errorSummary(error)}`);
    return [];
  }
}
