import Taro from '@tarojs/taro';
import type { PersonalDataExport } from '@linli/types/entities/privacy';
import type { Profile } from '@linli/types/entities/user';
import { PRIVACY_NOTICE_VERSION } from '@/content/privacy';
import { isH5 } from './platform';
import { safeFileName, saveFile } from './save-file';

/** The person agreed to an older notice: writes that collect personal data wait until they agree again. */
export const needsConsent = (profile: Pick<Profile, 'consentVersion'> | null): boolean =>
  profile !== null && profile.consentVersion !== PRIVACY_NOTICE_VERSION;

/** UTF-8 bytes of the text as base64 (what saveFile takes), without TextEncoder (not in every WebView). */
function utf8Base64(text: string): string {
  const binary = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return btoa(binary);
}

/**
 * Hands the export to the person as a JSON file. H5: a download. WeChat: a mini-program cannot
 * save into the phone's files and `openDocument` does not show JSON, so the file is written to the
 * app's storage and offered to forward to a chat (文件传输助手 keeps it).
 */
export async function saveExport(data: PersonalDataExport): Promise<void> {
  const fileName = safeFileName(`我的数据-${data.exportedAt.slice(0, 10)}.json`);
  const json = JSON.stringify(data, null, 2);
  if (isH5()) {
    await saveFile({ fileName, mimeType: 'application/json', base64: utf8Base64(json) });
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  await Taro.shareFileMessage({ filePath, fileName });
}
