import { isPseudonym } from '../domain/erasure';
import { cloud } from '../runtime/cloud';
import { CONTENT_CHECK_MAX_CHARS, TEMP_FILE_URL_SECONDS, type PlatformServices } from './types';

/**
 * The real services, through wx-server-sdk's openapi (cloud calls: no access token handling).
 * Each function that uses one lists it under `permissions.openapi` in its config.json.
 */
interface OpenApi {
  wxacode: {
    getUnlimited(p: { scene: string; page: string; width?: number; checkPath?: boolean }): Promise<{ buffer: Buffer }>;
  };
  security: {
    msgSecCheck(p: { content: string; version: 2; scene: 1 | 2 | 3 | 4; openid: string }): Promise<{
      result?: { suggest: 'pass' | 'review' | 'risky'; label: number };
    }>;
  };
  subscribeMessage: {
    send(p: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
    }): Promise<unknown>;
  };
}
const openapi = () => cloud.openapi as unknown as OpenApi;

/** cloud.getTempFileURL, promise-only (the SDK's typing includes its callback overload). */
type GetTempFileUrl = (p: { fileList: { fileID: string; maxAge: number }[] }) => Promise<{
  fileList: { fileID: string; tempFileURL: string; status: number }[];
}>;

/** cloud.uploadFile from a function: the bytes themselves (`fileContent`), promise-only. */
type UploadFile = (p: { cloudPath: string; fileContent: Buffer }) => Promise<{ fileID: string }>;

/** cloud.deleteFile, promise-only; takes at most 50 ids per call. */
type DeleteFile = (p: { fileList: string[] }) => Promise<{ fileList: { fileID: string; status: number }[] }>;
const DELETE_BATCH = 50;

/** Template keys → WeChat template ids, set per environment (console → 订阅消息). */
const templateId = (key: string): string => process.env[`LINLI_TEMPLATE_${key.toUpperCase()}`] ?? '';

/** errCode 43101: the user has not subscribed (or used up the one-time subscription). */
const NOT_SUBSCRIBED = 43101;

export const wechatPlatform: PlatformServices = {
  async miniProgramCode({ scene, page, width }) {
    // checkPath false: codes can be made before a new page is released.
    const { buffer } = await openapi().wxacode.getUnlimited({ scene, page, width, checkPath: false });
    return buffer;
  },
  linkFor: (page, scene) => `${page}?scene=${encodeURIComponent(scene)}`,
  async checkText(text, authorOpenid) {
    for (let i = 0; i < text.length; i += CONTENT_CHECK_MAX_CHARS) {
      const { result } = await openapi().security.msgSecCheck({
        content: text.slice(i, i + CONTENT_CHECK_MAX_CHARS),
        version: 2,
        scene: 2, // 评论: user-written text shown to others
        openid: authorOpenid,
      });
      if (result && result.suggest !== 'pass') return { pass: false, reason: '内容未通过平台安全检测，需人工审核' };
    }
    return { pass: true };
  },
  async sendSubscribeMessage({ toOpenid, template, page, data }) {
    const id = templateId(template);
    // A deleted person's kept records (a booking, an attendance) name a pseudonym, not an OPENID.
    if (!id || isPseudonym(toOpenid)) return { sent: false };
    try {
      await openapi().subscribeMessage.send({
        touser: toOpenid,
        templateId: id,
        page,
        data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])),
      });
      return { sent: true };
    } catch (error) {
      if ((error as { errCode?: number }).errCode === NOT_SUBSCRIBED) return { sent: false };
      throw error;
    }
  },
  async tempFileUrl(fileId) {
    const storage = cloud as unknown as { getTempFileURL: GetTempFileUrl };
    const { fileList } = await storage.getTempFileURL({
      fileList: [{ fileID: fileId, maxAge: TEMP_FILE_URL_SECONDS }],
    });
    const [file] = fileList;
    // status 0: found; anything else (deleted, another environment's id) gives no link.
    return file && file.status === 0 && file.tempFileURL ? file.tempFileURL : null;
  },
  async uploadFile(cloudPath, bytes) {
    const storage = cloud as unknown as { uploadFile: UploadFile };
    const { fileID } = await storage.uploadFile({ cloudPath, fileContent: bytes });
    if (!fileID) throw new Error(`uploadFile answered no file id for ${cloudPath}`);
    return fileID;
  },
  async deleteFiles(fileIds) {
    const storage = cloud as unknown as { deleteFile: DeleteFile };
    let deleted = 0;
    for (let i = 0; i < fileIds.length; i += DELETE_BATCH) {
      const { fileList } = await storage.deleteFile({ fileList: fileIds.slice(i, i + DELETE_BATCH) });
      deleted += fileList.filter((file) => file.status === 0).length;
    }
    return deleted;
  },
};
