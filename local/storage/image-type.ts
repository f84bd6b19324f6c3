import type { PhotoExtension } from '@linli/types/files';

/**
 * What kind of image these bytes are, by their signature — never by the name or the
 * Content-Type the uploader sent, which say whatever the uploader likes. A file that is not
 * JPEG, PNG or WebP (an HTML page, a script, a HEIC the browser could not convert) is refused,
 * so the host never serves something a browser would run.
 */
export function sniffImageType(bytes: Uint8Array): PhotoExtension | null {
  const starts = (signature: readonly number[], at = 0) =>
    bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}
