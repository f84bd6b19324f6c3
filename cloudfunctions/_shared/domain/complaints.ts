/**
 * 意见、建议与投诉: the lifecycle, who may see and do what, the reply deadline and the indicators
 * (seed 002, 服务对象意见收集及投诉处理制度: every opinion is recorded, a named person handles it, and
 * the sender gets the outcome 「2天内」; 信息保密制度: only the handling staff see who sent it).
 * Pure: no I/O, the clock passed in. docs/feedback.md explains the choices made here.
 *
 *   step      from                 to           who
 *   assign    received          →  assigned     the system on submission, or the 站长
 *   reassign  assigned/reopened →  (same)       the 站长
 *   reply     assigned/reopened →  replied      the handler, or the 站长
 *   close     replied           →  closed       the sender, the handler or the 站长
 *   reopen    replied/closed    →  reopened     the sender, within 7 days of the latest reply
 */

export const COMPLAINT_CATEGORIES = ['opinion', 'suggestion', 'complaint'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STATUSES = ['received', 'assigned', 'replied', 'closed', 'reopened'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Every step that changes a complaint; each is one history entry. */
export const COMPLAINT_STEPS = ['receive', 'assign', 'reassign', 'reply', 'close', 'reopen'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

const HOUR = 3600 * 1000;

/**
 * Seed 002 says 「2天内反馈处理结果」. The same document counts 工作日 where it means working days
 * (「提前5个工作日」, 「7个工作日内」), so 2天 are calendar days: weekends and holidays count. Read
 * as 48 hours from the moment the complaint is recorded — the same allowance whatever the hour
 * it arrives, never later than "by the end of the second day". A reopened complaint gets a new
 * 48 hours from the reopening.
 */
export const REPLY_DUE_MS = 48 * HOUR;
/** A sender may reopen a complaint within 7 days of its latest reply; after that, a new one. */
export const REOPEN_WINDOW_MS = 7 * 24 * HOUR;
/** Less than this left before the due time: the inbox says 即将到期. */
export const DUE_SOON_MS = 12 * HOUR;

/** States in which the station owes the sender a reply: the deadline runs. */
export const AWAITING_REPLY: readonly ComplaintStatus[] = ['received', 'assigned', 'reopened'];
export const awaitsReply = (status: ComplaintStatus): boolean => AWAITING_REPLY.includes(status);

/** Who is acting, as the rules see them: the caller's id, roles and station. */
export interface ComplaintActor {
  id: string;
  roles: readonly string[];
  stationId: string;
}

/** The system itself (automatic assignment on submission): named in the history as such. */
export const SYSTEM_ACTOR = 'system';

export interface ComplaintEvent {
  step: ComplaintStep;
  /** A user id, or SYSTEM_ACTOR. */
  by: string;
  at: Date;
  note?: string;
  /** For assign and reassign: the new handler. */
  handlerId?: string;
}

export interface Complaint {
  stationId: string;
  senderId: string;
  category: ComplaintCategory;
  anonymous: boolean;
  aboutStaffId?: string;
  status: ComplaintStatus;
  handlerId: string | null;
  receivedAt: Date;
  /** When the owed reply is due: received + 48 h, or reopened + 48 h. */
  dueAt: Date;
  firstRepliedAt?: Date;
  lastRepliedAt?: Date;
  /** The latest reply's text: what the sender reads. */
  reply?: string;
  closedAt?: Date;
  history: ComplaintEvent[];
}

const isAdmin = (roles: readonly string[]): boolean => roles.includes('admin');
const isStaff = (roles: readonly string[]): boolean => roles.includes('admin') || roles.includes('social_worker');

/**
 * In which capacities a person stands to a complaint. Staff capacities need the complaint's
 * station, and the staff member a complaint is about has none: they neither handle it nor see
 * it (seed 002 保密; nobody judges a complaint about themselves).
 * - sender: sent it (sees it always, and their own identity).
 * - handler: the named person it is assigned to now.
 * - overseer: a 站长 of the station — reassigns, watches deadlines, may reply in the handler's
 *   place when they are away.
 */
export interface Capacities {
  sender: boolean;
  handler: boolean;
  overseer: boolean;
}

export function capacitiesOf(
  complaint: Pick<Complaint, 'stationId' | 'senderId' | 'handlerId' | 'aboutStaffId'>,
  viewer: ComplaintActor,
): Capacities {
  const sender = viewer.id === complaint.senderId;
  const staffHere =
    viewer.stationId === complaint.stationId && isStaff(viewer.roles) && viewer.id !== complaint.aboutStaffId;
  return {
    sender,
    handler: staffHere && complaint.handlerId === viewer.id,
    overseer: staffHere && isAdmin(viewer.roles),
  };
}

export const maySeeComplaint = (c: Capacities): boolean => c.sender || c.handler || c.overseer;

/**
 * Whether the sender's name and phone are shown. Always to the handler (who must be able to
 * call back); to an overseer unless the sender asked to be anonymous; to nobody else.
 */
export const maySeeSender = (complaint: Pick<Complaint, 'anonymous'>, c: Capacities): boolean =>
  c.sender || c.handler || (c.overseer && !complaint.anonymous);

/** Who may take a step (SYSTEM_ACTOR only assigns a new complaint). */
const ACTORS: Record<Exclude<ComplaintStep, 'receive'>, readonly (keyof Capacities)[]> = {
  assign: ['overseer'],
  reassign: ['overseer'],
  reply: ['handler', 'overseer'],
  close: ['sender', 'handler', 'overseer'],
  reopen: ['sender'],
};

/** The state a step starts from and the state it leads to. Anything not listed is refused. */
export const TRANSITIONS: Record<
  Exclude<ComplaintStep, 'receive'>,
  Partial<Record<ComplaintStatus, ComplaintStatus>>
> = {
  assign: { received: 'assigned' },
  reassign: { assigned: 'assigned', reopened: 'reopened' },
  reply: { assigned: 'replied', reopened: 'replied' },
  close: { replied: 'closed' },
  reopen: { replied: 'reopened', closed: 'reopened' },
};

export const isAllowedTransition = (step: Exclude<ComplaintStep, 'receive'>, from: ComplaintStatus): boolean =>
  TRANSITIONS[step][from] !== undefined;

export type TransitionProblem =
  /** The actor has no capacity for this step (or cannot see the complaint at all). */
  | 'NOT_ALLOWED'
  /** The step does not start from the complaint's state. */
  | 'WRONG_STATE'
  | 'REOPEN_WINDOW_PASSED'
  /** assign/reassign: the new handler is missing, the same, or may not handle it. */
  | 'INVALID_HANDLER'
  /** reply and reopen carry a text; it must not be empty. */
  | 'NOTE_REQUIRED';

export type TransitionDecision =
  | { ok: true; complaint: Complaint; event: ComplaintEvent }
  | { ok: false; problem: TransitionProblem };

export interface TransitionInput {
  note?: string;
  /** assign/reassign: the new handler, and whether they may handle it (handlerPool says who may). */
  handlerId?: string;
  handlerEligible?: boolean;
}

/**
 * Decides one step on the complaint as read: who may, from which state, with what. The result
 * is the complaint after the step and the history entry to append; the caller writes both with
 * one update conditional on the state read, so a step decided on a stale read is never written.
 */
export function decideTransition(
  complaint: Complaint,
  step: Exclude<ComplaintStep, 'receive'>,
  actor: ComplaintActor | typeof SYSTEM_ACTOR,
  input: TransitionInput,
  now: Date,
): TransitionDecision {
  const system = actor === SYSTEM_ACTOR;
  if (system ? step !== 'assign' : !ACTORS[step].some((role) => capacitiesOf(complaint, actor)[role])) {
    return { ok: false, problem: 'NOT_ALLOWED' };
  }
  const to = TRANSITIONS[step][complaint.status];
  if (!to) return { ok: false, problem: 'WRONG_STATE' };

  const note = input.note?.trim() || undefined;
  const by = system ? SYSTEM_ACTOR : actor.id;
  const event: ComplaintEvent = { step, by, at: now, ...(note ? { note } : {}) };
  const next: Complaint = { ...complaint, status: to, history: [...complaint.history, event] };

  switch (step) {
    case 'assign':
    case 'reassign':
      if (!input.handlerId || !input.handlerEligible || input.handlerId === complaint.handlerId) {
        return { ok: false, problem: 'INVALID_HANDLER' };
      }
      event.handlerId = input.handlerId;
      next.handlerId = input.handlerId;
      break;
    case 'reply':
      if (!note) return { ok: false, problem: 'NOTE_REQUIRED' };
      next.reply = note;
      next.lastRepliedAt = now;
      next.firstRepliedAt = complaint.firstRepliedAt ?? now;
      break;
    case 'close':
      next.closedAt = now;
      break;
    case 'reopen':
      if (!note) return { ok: false, problem: 'NOTE_REQUIRED' };
      if (!mayReopenAt(complaint, now)) return { ok: false, problem: 'REOPEN_WINDOW_PASSED' };
      next.dueAt = new Date(now.getTime() + REPLY_DUE_MS);
      delete next.closedAt;
      break;
  }
  return { ok: true, complaint: next, event };
}

/** Until when the sender may reopen: 7 days after the latest reply; null when it was never replied. */
export function reopenUntil(complaint: Pick<Complaint, 'lastRepliedAt'>): Date | null {
  return complaint.lastRepliedAt ? new Date(complaint.lastRepliedAt.getTime() + REOPEN_WINDOW_MS) : null;
}

export function mayReopenAt(complaint: Pick<Complaint, 'status' | 'lastRepliedAt'>, now: Date): boolean {
  const until = reopenUntil(complaint);
  return isAllowedTransition('reopen', complaint.status) && until !== null && now.getTime() <= until.getTime();
}

/** When a complaint received at `receivedAt` must be answered. */
export const replyDueAt = (receivedAt: Date): Date => new Date(receivedAt.getTime() + REPLY_DUE_MS);

/**
 * A new complaint as recorded: received by the sender's hand, and — when there is a handler — at
 * once assigned to them (both steps kept in the history), due 48 hours after receipt.
 */
export function receiveComplaint(
  fields: Pick<Complaint, 'stationId' | 'senderId' | 'category' | 'anonymous' | 'aboutStaffId'>,
  handlerId: string | null,
  now: Date,
): Complaint {
  const received: ComplaintEvent = { step: 'receive', by: fields.senderId, at: now };
  const complaint: Complaint = {
    ...fields,
    status: 'received',
    handlerId: null,
    receivedAt: now,
    dueAt: replyDueAt(now),
    history: [received],
  };
  if (!handlerId) return complaint;
  const decision = decideTransition(complaint, 'assign', SYSTEM_ACTOR, { handlerId, handlerEligible: true }, now);
  return decision.ok ? decision.complaint : complaint;
}

export type Urgency = 'overdue' | 'due_soon' | 'waiting' | 'replied' | 'closed';

/**
 * How pressing a complaint is at `now`, computed at read time (nothing stored goes stale):
 * overdue once the due time passed without a reply, due soon in its last 12 hours.
 */
export function urgencyAt(complaint: Pick<Complaint, 'status' | 'dueAt'>, now: Date): Urgency {
  if (complaint.status === 'closed') return 'closed';
  if (complaint.status === 'replied') return 'replied';
  const left = complaint.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due_soon' : 'waiting';
}

export const isOverdue = (complaint: Pick<Complaint, 'status' | 'dueAt'>, now: Date): boolean =>
  urgencyAt(complaint, now) === 'overdue';

/**
 * The inbox order: what is owed first, the earliest due at the top (overdue ones therefore
 * lead); then replied ones awaiting closure, most recent reply first; closed ones last.
 */
export function compareForInbox(
  a: Pick<Complaint, 'status' | 'dueAt' | 'lastRepliedAt' | 'receivedAt'>,
  b: Pick<Complaint, 'status' | 'dueAt' | 'lastRepliedAt' | 'receivedAt'>,
): number {
  const rank = (c: typeof a): number => (awaitsReply(c.status) ? 0 : c.status === 'replied' ? 1 : 2);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (rank(a) === 0) return a.dueAt.getTime() - b.dueAt.getTime();
  const latest = (c: typeof a): number => (c.lastRepliedAt ?? c.receivedAt).getTime();
  return latest(b) - latest(a);
}

/** A station member as assignment sees them. */
export interface StaffMember {
  id: string;
  roles: readonly string[];
}

export type Route = 'admin' | 'rotation' | 'none';

/**
 * Who may be given a new complaint, and how one is picked:
 * - About a staff member: the station's 站长 (never the person it is about) — routed, not rotated,
 *   so a complaint about a colleague does not land on a colleague's desk. If the complaint is
 *   about the only 站长, it falls back to the social workers' rotation.
 * - Otherwise: the social workers in turn (round-robin), 站长 excluded — they oversee; a station
 *   with no other social worker routes to its 站长.
 * Nobody handles their own complaint. Sorted by id so a turn number means the same person on
 * every read.
 */
export function handlerPool(
  staff: readonly StaffMember[],
  complaint: { senderId: string; aboutStaffId?: string },
): { route: Route; pool: string[] } {
  const eligible = [...staff]
    .filter((s) => isStaff(s.roles) && s.id !== complaint.senderId && s.id !== complaint.aboutStaffId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const admins = eligible.filter((s) => isAdmin(s.roles)).map((s) => s.id);
  const workers = eligible.filter((s) => !isAdmin(s.roles)).map((s) => s.id);
  if (complaint.aboutStaffId && admins.length > 0) return { route: 'admin', pool: admins };
  if (workers.length > 0) return { route: 'rotation', pool: workers };
  if (admins.length > 0) return { route: 'admin', pool: admins };
  return { route: 'none', pool: [] };
}

/** The handler for turn `turn` (1, 2, 3 … from the station's counter): round-robin over the pool. */
export function pickHandler(pool: readonly string[], turn: number): string | null {
  if (pool.length === 0) return null;
  return pool[(((turn - 1) % pool.length) + pool.length) % pool.length]!;
}

/**
 * Whether `candidateId` may be made the handler (a reassignment by the 站长): staff of the
 * station, not the sender, not the person the complaint is about.
 */
export function mayHandle(
  candidate: StaffMember & { stationId: string },
  complaint: Pick<Complaint, 'stationId' | 'senderId' | 'aboutStaffId'>,
): boolean {
  return (
    candidate.stationId === complaint.stationId &&
    isStaff(candidate.roles) &&
    candidate.id !== complaint.senderId &&
    candidate.id !== complaint.aboutStaffId
  );
}

// ── Indicators (issue 6 rolls these up) ────────────────────────────────────────────────────

/** A period of instants, [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

const inPeriod = (at: Date, period: Period): boolean =>
  at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

/** How many opinions, suggestions and complaints were received in the period. */
export function countByCategory(
  complaints: readonly Pick<Complaint, 'category' | 'receivedAt'>[],
  period: Period,
): Record<ComplaintCategory, number> & { total: number } {
  const counts = { opinion: 0, suggestion: 0, complaint: 0, total: 0 };
  for (const c of complaints) {
    if (!inPeriod(c.receivedAt, period)) continue;
    counts[c.category] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Whether the first reply came within 2 days of receipt (a later reopening does not change it). */
export function answeredInTime(complaint: Pick<Complaint, 'receivedAt' | 'firstRepliedAt'>): boolean {
  return (
    complaint.firstRepliedAt !== undefined &&
    complaint.firstRepliedAt.getTime() <= replyDueAt(complaint.receivedAt).getTime()
  );
}

export interface ReplyTimeliness {
  /** Received in the period and already decidable: answered, or past the due time unanswered. */
  judged: number;
  answeredInTime: number;
  /** answeredInTime ÷ judged; null when nothing can be judged yet. */
  share: number | null;
}

/**
 * 意见处理及时率: of the complaints received in the period, the share first answered within
 * 2 days. One that is still within its 2 days and unanswered cannot be judged yet and is left
 * out — counting it as late would punish a station for the calendar, counting it as on time
 * would flatter it.
 */
export function replyTimeliness(
  complaints: readonly Pick<Complaint, 'receivedAt' | 'firstRepliedAt'>[],
  period: Period,
  now: Date,
): ReplyTimeliness {
  let judged = 0;
  let inTime = 0;
  for (const c of complaints) {
    if (!inPeriod(c.receivedAt, period)) continue;
    const decidable = c.firstRepliedAt !== undefined || now.getTime() > replyDueAt(c.receivedAt).getTime();
    if (!decidable) continue;
    judged += 1;
    if (answeredInTime(c)) inTime += 1;
  }
  return { judged, answeredInTime: inTime, share: judged === 0 ? null : inTime / judged };
}

/** A share as the evaluators' tables print it: two decimals and a percent sign (0.875 → 87.50%). */
export function formatShare(share: number | null): string | null {
  if (share === null) return null;
  return `${(Math.round(share * 10000) / 100).toFixed(2)}%`;
}
