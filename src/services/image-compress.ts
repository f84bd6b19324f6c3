/**
 * Shrinking a photo in the browser (H5) before it is uploaded: a phone camera's 4000-pixel
 * picture is 3–8 MB, far more than anyone needs to see that a visit happened, and uploads over
 * a community centre's Wi-Fi are slow. WeChat compresses on its own (chooseMedia's sizeType,
 * compressImage); the browser has only the canvas.
 */

/** Photos up to this size go as they are (a screenshot, a small PNG keep their format). */
export const COMPRESS_ABOVE_BYTES = 1024 * 1024;
/** The longest side after shrinking: sharp on any phone screen and in a printed 台账. */
export const MAX_SIDE_PX = 1600;
const JPEG_QUALITY = 0.8;

/** The size to draw at: the longest side at most MAX_SIDE_PX, proportions kept, never enlarged. */
export function scaledSize(width: number, height: number, maxSide = MAX_SIDE_PX): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A JPEG of the photo at most MAX_SIDE_PX on its longest side, when the photo is larger than
 * COMPRESS_ABOVE_BYTES and the browser can do it; otherwise the photo itself. A result that is
 * not smaller is thrown away. Never fails: a photo the browser cannot decode (HEIC in Chrome)
 * goes as it is, and the upload says whether it is taken.
 */
export async function compressForUpload(photo: Blob): Promise<Blob> {
  if (photo.size <= COMPRESS_ABOVE_BYTES || typeof createImageBitmap !== 'function') return photo;
  try {
    const bitmap = await createImageBitmap(photo);
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return photo;
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    return jpeg && jpeg.size < photo.size ? jpeg : photo;
  } catch {
    return photo;
  }
}
