/**
 * Subscription messages, in one table: every message the cloud functions send, the WeChat
 * template it goes out on, and the tap in the app that asks the person to accept that template
 * (docs/subscriptions.md).
 *
 * Why a table: WeChat delivers a one-time subscription message only to someone who accepted its
 * template, the dialog opens only inside a tap (wx.requestSubscribeMessage), one call holds at
 * most three templates, and each acceptance allows ONE message of that template. A template the
 * functions send but no tap asks for is never delivered. So both sides come from here:
 * - the app's prompts are built from `askedAt` (src/services/subscriptions.ts);
 * - a sender may only name a key of this table (`SubscriptionTemplateKey`, a type-only import, so
 *   each function's bundle still names just the keys it sends — the deployment gives a function
 *   the template variables its bundle names: scripts/deploy/env-variables.ts);
 * - test/unit/subscriptions checks that the keys the functions send are exactly these, each sent
 *   by the function named here, and that every prompt fits in one WeChat call.
 */

/** The taps that ask, and where a person finds them. */
export const SUBSCRIPTION_PROMPTS = {
  book: '活动页「报名」（有空位时）',
  waitlist: '活动页「满员：加入候补」（或空位不够全家时的「报名」）',
  wish: '「提交心愿」「重新提交」，社工的「代居民提交心愿」',
  complaint_alerts: '站长：工作台 → 意见反馈「接收超时提醒」',
} as const;

export type SubscriptionPrompt = keyof typeof SUBSCRIPTION_PROMPTS;

/** WeChat's limit for one requestSubscribeMessage call (older clients and the 3-template rule). */
export const MAX_TEMPLATES_PER_PROMPT = 3;

export interface SubscriptionTemplate {
  /**
   * The title to choose in mp.weixin.qq.com → 订阅消息. Templates asked in one call must have
   * different titles: WeChat keeps only one of several with the same title.
   */
  title: string;
  /** The data fields, as the function fills them. */
  fields: string;
  /** The cloud function that sends it. */
  sentBy: 'activity' | 'reminders' | 'wishes' | 'escalations';
  /** Each message that goes out on it: the sender's event → what the person reads. */
  messages: Readonly<Record<string, string>>;
  /** The taps that ask for it — at least one, or it would never be delivered. */
  askedAt: readonly [SubscriptionPrompt, ...SubscriptionPrompt[]];
}

const ACTIVITY_FIELDS = 'thing1 活动, time2 时间, thing3 地点, thing4 备注';
const WISH_FIELDS = 'thing1 心愿, phrase2 状态, time3 时间, thing4 备注';

/**
 * The order here is the order a prompt lists them. Keys map to the functions' environment
 * (LINLI_TEMPLATE_<KEY>) and the app's build (TARO_APP_TEMPLATE_<KEY>).
 */
export const SUBSCRIPTION_TEMPLATES = {
  booking_promoted: {
    title: '候补成功通知',
    fields: ACTIVITY_FIELDS,
    sentBy: 'activity',
    messages: { promoted: '候补成功，已为您保留名额' },
    askedAt: ['waitlist'],
  },
  activity_changed: {
    title: '活动变更通知',
    fields: ACTIVITY_FIELDS,
    sentBy: 'activity',
    // One template for both: a resident needs either news as much, and a prompt has three places.
    messages: { cancelled: '活动已取消', rescheduled: '活动时间有变，请留意新时间' },
    askedAt: ['book', 'waitlist'],
  },
  activity_reminder: {
    title: '活动开始提醒',
    fields: ACTIVITY_FIELDS,
    sentBy: 'reminders',
    messages: { day_before: '开始前24到2小时：明天见，请按时参加' },
    askedAt: ['book', 'waitlist'],
  },
  feedback_invitation: {
    title: '满意度调查邀请',
    fields: ACTIVITY_FIELDS,
    sentBy: 'reminders',
    messages: { feedback: '结束后、意见表在收集时：感谢参加，请填写意见表' },
    askedAt: ['book'],
  },
  wish_reviewed: {
    title: '心愿审核结果通知',
    fields: WISH_FIELDS,
    sentBy: 'wishes',
    // Whatever the review decides, it is one message: published, changes asked for, or declined.
    messages: {
      publish: '心愿已发布到心愿墙，等待爱心人士认领',
      request_changes: '社工请您修改心愿（附理由）',
      decline: '心愿未通过审核（附理由）',
    },
    askedAt: ['wish'],
  },
  wish_claimed: {
    title: '心愿认领通知',
    fields: WISH_FIELDS,
    sentBy: 'wishes',
    messages: { claim: '心愿已被认领，社工会和您联系' },
    askedAt: ['wish'],
  },
  wish_fulfilled: {
    title: '心愿交付通知',
    fields: WISH_FIELDS,
    sentBy: 'wishes',
    messages: { fulfil: '心愿已交付，请确认收到' },
    askedAt: ['wish'],
  },
  complaint_overdue: {
    title: '投诉超时提醒',
    fields: 'thing1 事项, time2 答复期限, thing3 经办人, thing4 备注',
    sentBy: 'escalations',
    messages: { overdue: '超过2天未答复，请尽快跟进或改派' },
    askedAt: ['complaint_alerts'],
  },
} as const satisfies Record<string, SubscriptionTemplate>;

export type SubscriptionTemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

export const SUBSCRIPTION_TEMPLATE_KEYS = Object.keys(SUBSCRIPTION_TEMPLATES) as SubscriptionTemplateKey[];

/** The templates one tap asks for, in the table's order. */
export function promptTemplates(prompt: SubscriptionPrompt): SubscriptionTemplateKey[] {
  return SUBSCRIPTION_TEMPLATE_KEYS.filter((key) =>
    (SUBSCRIPTION_TEMPLATES[key].askedAt as readonly SubscriptionPrompt[]).includes(prompt),
  );
}
