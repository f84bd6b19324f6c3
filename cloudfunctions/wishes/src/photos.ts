import { platform } from '../../_shared/platform';
import { AppError } from '../../_shared/runtime/app-error';

/**
 * Photos of a wish and of its delivery are private files: stored by their cloud file id, shown
 * through links that work for a few minutes (platform tempFileUrl), and only in the views of
 * those who may see them (detail-view.ts, public-view.ts decide who).
 *
 * A file id sent by a client must be a file that client uploaded: otherwise anyone could attach
 * someone else's private photo to a wish and read it back through the link. That ownership check
 * belongs to the private photo service (assertOwnUpload), which is not in the code base yet; until
 * it is, photos are refused here with a clear message rather than taken unchecked. The contract,
 * storage and views already carry them, so wiring the check in is the only change needed.
 */
export function assertOwnPhotos(fileIds: readonly string[], field: string): void {
  if (fileIds.length === 0) return;
  const message = '暂时还不能附照片，请先用文字说明';
  throw new AppError('INVALID_INPUT', message, [{ path: field, message }]);
}

/** Links to the photos; a file storage no longer knows is left out, and a storage hiccup hides only the photos. */
export async function photoUrls(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  try {
    const urls = await Promise.all(fileIds.map((id) => platform().tempFileUrl(id)));
    return urls.filter((url): url is string => url !== null);
  } catch (error) {
    console.error(`[wishes] temp file link failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
