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
  'TOKEN_MALFORMED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_FUTURE',
  'TOKEN_WRONG_ACTIVITY',
  /** A personal sign-in code (phone screen or printed card) that is not one of ours. */
  'CODE_INVALID',
  'ACTIVITY_CANCELLED',
  'BOOKING_NOT_OPEN',
  'BOOKING_CLOSED',
  'NOT_INVITED',
  'PARTY_TOO_LARGE',
  'NOT_CANCELLABLE',
  /** Sign-in opens an hour before the start and closes an hour after the end. */
  'SIGN_IN_NOT_OPEN',
  'SIGN_IN_CLOSED',
  /** Signing out someone who never signed in. */
  'NOT_SIGNED_IN',
  /** An edit would leave fewer seats than people already confirmed. */
  'CAPACITY_BELOW_BOOKED',
  /** A review of something that was already decided (a registration, an hour entry). */
  'NOT_PENDING',
  /** Nobody approves their own hours, nor a number they typed themselves. */
  'SELF_APPROVAL',
  /** Only the latest approved or rejected version of an hour entry can be corrected. */
  'NOT_CORRECTABLE',
  /** An entry flagged for review (no sign-out, times outside the activity) needs a correction first. */
  'ENTRY_FLAGGED',
  'ALREADY_REGISTERED',
  /** The action needs an approved volunteer of this station. */
  'NOT_VOLUNTEER',
  /** A team leader must be a member of the team, and an approved volunteer. */
  'NOT_MEMBER',
  /** Every place of this volunteer role is taken. */
  'SHIFT_FULL',
  /** A certificate number and verification code that do not match a certificate we issued. */
  'CERTIFICATE_INVALID',
  /** Only people with a valid sign-in at the activity may answer its satisfaction form. */
  'NOT_ATTENDEE',
  /** The form opens for an attendee at their sign-out or at the end of the activity. */
  'SURVEY_NOT_OPEN',
  /** Staff stopped collecting, or the time to answer is over. */
  'SURVEY_CLOSED',
  /** A form someone has answered cannot be replaced or removed. */
  'SURVEY_HAS_RESPONSES',
  /** A form's or response's state does not allow this step (closing what is closed, editing an archived form). */
  'SURVEY_STATE',
  /** A wish cannot take this step from where it is now (domain/wishes.ts's transition table). */
  'WISH_STATE',
  /** Someone else claimed the wish first. */
  'WISH_TAKEN',
  /** Nobody claims a wish made for themself. */
  'OWN_WISH',
  /** A wish's public text names, reaches or labels its beneficiary; `fields` says what. */
  'PUBLIC_TEXT_PERSONAL',
  /** A complaint's step that its current state does not allow (e.g. replying to a closed one). */
  'TRANSITION_NOT_ALLOWED',
  /** A complaint may be reopened within 7 days of its latest reply, not later. */
  'REOPEN_WINDOW_PASSED',
  /** A contract that was archived: kept as it was, no more edits or manual counts. */
  'CONTRACT_ARCHIVED',
  /** Only a home visit (入户探访) has a visit team. */
  'NOT_HOME_VISIT',
  /** A volunteer who signed in at the visit with the volunteer code is on its team by that record. */
  'VISITOR_SIGNED_IN',
  /** A rule of the cloud platform was hit (e.g. query limit); a bug on our side if seen. */
  'PLATFORM_LIMIT',
  /** An export whose period holds more records than one file may carry: choose a shorter period. */
  'EXPORT_TOO_LARGE',
  /**
   * The privacy notice changed since the caller agreed to it: writes that collect personal data
   * wait until they agree to the version in force (account.acceptPrivacy).
   */
  'CONSENT_REQUIRED',
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
  TOKEN_MALFORMED: '这不是本站的签到码，请扫描活动现场的签到二维码',
  TOKEN_INVALID: '签到码无效，请重新扫描现场二维码',
  TOKEN_EXPIRED: '签到码已过期，请扫描屏幕上最新的二维码',
  TOKEN_FUTURE: '签到码时间异常，请稍后重新扫描',
  TOKEN_WRONG_ACTIVITY: '这是其他活动的签到码，请确认您参加的活动',
  CODE_INVALID: '无法识别这个签到码，请让居民出示“我的签到码”',
  ACTIVITY_CANCELLED: '该活动已取消',
  BOOKING_NOT_OPEN: '报名尚未开始',
  BOOKING_CLOSED: '报名已截止',
  NOT_INVITED: '该活动仅限受邀居民报名',
  PARTY_TOO_LARGE: '同行人数超出上限，请减少人数或联系社工',
  NOT_CANCELLABLE: '该报名已取消或活动已结束，无法取消',
  SIGN_IN_NOT_OPEN: '活动还未开始签到，请在开始前一小时内再扫码',
  SIGN_IN_CLOSED: '活动已结束，签到已关闭，请联系社工补录',
  NOT_SIGNED_IN: '还没有签到，不能签退',
  CAPACITY_BELOW_BOOKED: '名额不能少于已确认报名的人数',
  NOT_PENDING: '该记录已处理过，请刷新后查看',
  SELF_APPROVAL: '不能审核自己的时长或自己录入的时长，请由另一位社工或站长审核',
  NOT_CORRECTABLE: '该记录不能更正（已被更正过或仍在审核中）',
  ENTRY_FLAGGED: '这条时长需要先核实更正（缺少签退或时间异常），不能直接通过',
  ALREADY_REGISTERED: '您已经是本站志愿者',
  NOT_VOLUNTEER: '请先注册志愿者并等待社工审核通过',
  NOT_MEMBER: '队长须是本队已审核通过的志愿者',
  SHIFT_FULL: '该岗位已满',
  CERTIFICATE_INVALID: '证明编号或校验码不正确，请核对纸质证明上的内容',
  NOT_ATTENDEE: '只有参加了本次活动（已签到）的居民才能填写意见表',
  SURVEY_NOT_OPEN: '签退或活动结束后才能填写意见表',
  SURVEY_CLOSED: '这份意见表已停止收集',
  SURVEY_HAS_RESPONSES: '已有人填写这份意见表，不能更换或移除',
  SURVEY_STATE: '意见表当前的状态不能进行此操作，请刷新后查看',
  WISH_STATE: '这个心愿现在不能进行这一步，请刷新后查看',
  WISH_TAKEN: '这个心愿已被其他人认领',
  OWN_WISH: '不能认领自己的心愿',
  PUBLIC_TEXT_PERSONAL: '公开内容不能包含受助人的姓名、电话、住址或困难类别',
  TRANSITION_NOT_ALLOWED: '这条反馈当前的状态不能进行此操作，请刷新后查看',
  REOPEN_WINDOW_PASSED: '答复已超过7天，不能再重新打开，请提交一条新的反馈',
  CONTRACT_ARCHIVED: '该合同已归档，不能再修改或填报',
  NOT_HOME_VISIT: '只有入户探访活动需要登记探访人员',
  VISITOR_SIGNED_IN: '这位志愿者已用志愿者签到码在本次探访签到，签到记录就是凭证，不能从探访人员中移出',
  PLATFORM_LIMIT: '请求超出平台限制',
  EXPORT_TOO_LARGE: '这段时间的记录太多，一个文件放不下，请缩短导出的期间',
  CONSENT_REQUIRED: '隐私保护指引已更新，请阅读并同意后再继续',
  INTERNAL: '系统繁忙，请稍后再试',
};
