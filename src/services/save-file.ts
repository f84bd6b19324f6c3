import Taro from '@tarojs/taro';
import type { GeneratedFile } from '@linli/types/files';
import { isH5 } from './platform';

/** Bytes the app made itself: nothing to download. */
export interface LocalFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * Hands a file to the person. Files the functions generate (签到表, 台账 …) arrive as a link to
 * private storage that works for 10 minutes (docs/files.md "Generated files"), fetched at once;
 * files the app made itself arrive as bytes. H5: an ordinary browser download under the file's
 * own name. WeChat: a mini-program cannot save into the phone's files, so the file goes into the
 * app's own storage and opens as a document; the menu (showMenu) lets the person forward it in a
 * chat or open it in another app. A file the viewer cannot show (a person's data export, JSON) is
 * offered straight to forward to a chat instead (文件传输助手 keeps it).
 */
export async function saveFile(file: GeneratedFile | LocalFile): Promise<void> {
  if ('url' in file) {
    if (isH5()) await downloadInBrowser(file);
    else await openInWeChat(file);
    return;
  }
  if (isH5()) offerInBrowser(new Blob([bytesOf(file.base64)], { type: file.mimeType }), file.fileName);
  else await writeAndOpenInWeChat(file);
}

/** The file types `openDocument` can show, by extension. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

function documentType(fileName: string): DocumentType | undefined {
  const extension = fileName.split('.').pop()?.toLowerCase();
  return DOCUMENT_TYPES.find((type) => type === extension);
}

/** Characters a file system (or WeChat's) refuses in a name, besides control characters. */
const UNSAFE = '\\/:*?"<>|';

/**
 * The name as a path segment: an activity title may contain `/` or other characters a file
 * system refuses, and the name is all the person sees of the file in a chat.
 */
export function safeFileName(fileName: string): string {
  const cleaned = Array.from(fileName, (ch) => (ch < ' ' || UNSAFE.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return cleaned || 'file';
}

/**
 * Fetches the link, then offers the bytes as a download: a plain link would lose the file's name
 * wherever the link is not same-origin (the `download` attribute only names same-origin files),
 * and an expired or refused link would fail silently in the browser's download list instead of
 * telling the person here.
 */
async function downloadInBrowser(file: GeneratedFile): Promise<void> {
  const response = await fetch(file.url, { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(`download failed with HTTP ${response.status}`);
  const blob = await response.blob();
  offerInBrowser(new Blob([blob], { type: file.mimeType }), file.fileName);
}

function offerInBrowser(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The same name each time overwrites the previous file instead of filling the app's storage. */
const userFilePath = (fileName: string): string => `${Taro.env.USER_DATA_PATH}/${safeFileName(fileName)}`;

/**
 * Downloads straight into the app's storage under the file's name (so a forwarded file keeps it),
 * then opens it. The link is the cloud storage's temporary one (its domain is a downloadFile
 * domain of the mini-program: docs/deploy.md).
 */
async function openInWeChat(file: GeneratedFile): Promise<void> {
  const filePath = userFilePath(file.fileName);
  const result = await Taro.downloadFile({ url: file.url, filePath });
  if (result.statusCode !== 200) throw new Error(`download failed with HTTP ${result.statusCode}`);
  await offerInWeChat(result.filePath || filePath, file.fileName);
}

async function writeAndOpenInWeChat(file: LocalFile): Promise<void> {
  const filePath = userFilePath(file.fileName);
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  await offerInWeChat(filePath, file.fileName);
}

/** Documents open in the viewer (with its share menu); anything else goes straight to a chat. */
async function offerInWeChat(filePath: string, fileName: string): Promise<void> {
  const fileType = documentType(fileName);
  if (fileType) await Taro.openDocument({ filePath, showMenu: true, fileType });
  else await Taro.shareFileMessage({ filePath, fileName: safeFileName(fileName) });
}
