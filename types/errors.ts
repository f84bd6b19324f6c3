import { z } from 'zod';

/**
 * The closed set of error codes any function may answer with. Clients switch on these, so a
 * code, once shipped, keeps its meaning; add new ones rather than reusing old ones.
 */
export const ERROR_CODES = [
  /** The request did not match the action's schema; `fields` says where. Nothing changed. */
  'INVALID_INPUT',
  /** The function has no such action. */
  'UNKNOWN_ACTION',
  /** No caller identity (no OPENID in the cloud context, or no dev-login token locally). */
  'UNAUTHENTICATED',
  /** The caller has no profile yet; the client should show onboarding. */
  'PROFILE_REQUIRED',
  /** The caller's role or station does not allow this action on this object. */
  'FORBIDDEN',
  'NOT_FOUND',
  /** The object changed meanwhile, or a unique key is taken. */
  'CONFLICT',
  'INVITATION_INVALID',
  'INVITATION_USED',
  'INVITATION_EXPIRED',
  /** A rule of the cloud platform was hit (e.g. query limit); a bug on our side if seen. */
  'PLATFORM_LIMIT',
  /** Anything unexpected. The message is generic; details stay in the server log. */
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
});
export type AppErrorBody = z.infer<typeof appErrorSchema>;

/** Default messages shown to people; handlers may pass a more specific one. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  PROFILE_REQUIRED: '请先完善个人资料',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '数据已被修改，请刷新后重试',
  INVITATION_INVALID: '邀请码无效',
  INVITATION_USED: '邀请码已被使用',
  INVITATION_EXPIRED: '邀请码已过期',
  PLATFORM_LIMIT: '请求超出平台限制',
  INTERNAL: '系统繁忙，请稍后再试',
};
