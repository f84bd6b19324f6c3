/**
 * Services that exist only inside WeChat. Functions reach them through this interface so the
 * same function code runs in the cloud (wechat.ts: cloud.openapi) and in the local runtime
 * (local.ts), where each has a working stand-in whose effects tests can observe.
 */
export interface MiniProgramCodeRequest {
  /** ≤ 32 visible characters (wxacode.getUnlimited's limit), e.g. a sign-in token. */
  scene: string;
  /** The page the code opens, without a leading slash: 'pages/checkin/index'. */
  page: string;
  width?: number;
}

export interface SubscribeMessage {
  toOpenid: string;
  /** Our template key (see config), mapped to WeChat's template id in the cloud. */
  template: string;
  page: string;
  data: Record<string, string>;
}

export interface ContentCheckResult {
  pass: boolean;
  /** Why it failed, in words a social worker can act on. */
  reason?: string;
}

export interface PlatformServices {
  /** A PNG that opens `page` with `scene` when scanned: a mini-program code in WeChat, a QR of the H5 link locally. */
  miniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer>;
  /** What a code for `page` + `scene` opens, for showing beside it (the H5 link locally). */
  linkFor(page: string, scene: string): string;
  /** Text published to others must pass the platform's content check first. */
  checkText(text: string, authorOpenid: string): Promise<ContentCheckResult>;
  /** A subscription message; false when the user has not subscribed (not an error). */
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ sent: boolean }>;
  /**
   * A short-lived HTTPS link to a file in cloud storage (`cloud://…` id, e.g. a photo a volunteer
   * uploaded), valid for TEMP_FILE_URL_SECONDS; null when storage does not know the file.
   */
  tempFileUrl(fileId: string): Promise<string | null>;
  /**
   * Stores a file a function made (an export) at `cloudPath` in private storage; answers its
   * `cloud://…` id. Nobody reads it but through `tempFileUrl`.
   */
  uploadFile(cloudPath: string, bytes: Buffer): Promise<string>;
  /**
   * Deletes files from storage (a person's photos, when their data is deleted: docs/privacy.md).
   * Answers how many were deleted; one that is already gone is not an error.
   */
  deleteFiles(fileIds: readonly string[]): Promise<number>;
}

/** How long a temporary file link works: long enough to look at a photo, too short to pass around. */
export const TEMP_FILE_URL_SECONDS = 600;

export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** msgSecCheck takes at most 2500 characters per call. */
export const CONTENT_CHECK_MAX_CHARS = 2500;
