import Taro from '@tarojs/taro';
import type { GeneratedFile } from '@linli/types/actions/ledger';
import { isH5 } from './platform';

/**
 * Hands a file the functions generated (签到表, and later certificates and 台账) to the person.
 * The functions answer with the bytes as base64 because a cloud function can only return JSON.
 * H5: an ordinary browser download. WeChat: a mini-program cannot download into the phone's
 * files, so the file is written to the app's own storage and opened as a document; the menu
 * (showMenu) lets the person forward it in a chat or open it in another app.
 */
export async function saveFile(file: GeneratedFile): Promise<void> {
  if (isH5()) downloadInBrowser(file);
  else await openInWeChat(file);
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

function downloadInBrowser(file: GeneratedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(file.fileName);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function openInWeChat(file: GeneratedFile): Promise<void> {
  // The same name each time overwrites the previous export instead of filling the app's storage.
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeFileName(file.fileName)}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  const fileType = documentType(file.fileName);
  await Taro.openDocument({ filePath, showMenu: true, ...(fileType ? { fileType } : {}) });
}
