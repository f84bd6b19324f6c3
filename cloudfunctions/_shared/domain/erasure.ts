import { parseUploadFileId } from '@linli/types/files';
import { ERASED_NAME } from '@linli/types/privacy';

/**
 * What deleting a person does to each kind of record (PIPL art. 47; docs/privacy.md "Deletion").
 * Pure: given a stored record, decide whether it goes or stays, and what a kept one looks like.
 * repositories/erasure.ts finds the records and writes the result.
 *
 * Records the law or the service contract needs are kept, unlinked from the person: their id is
 * replaced everywhere in the record by a pseudonym (one per deletion, the same in every record,
 * so the people still count once in 服务人数 and the indicators do not move), their name becomes
 * 已注销用户, and what they wrote or photographed is removed. Everything else is deleted.
 * Staff's ids on work records (who approved, who handled) are the station's records of its own
 * work and stay.
 */

export type RawDoc = { _id: string } & Record<string, unknown>;

export const ERASED_TEXT = '（内容已应本人要求删除）';

const PSEUDONYM_PREFIX = 'erased-';

/** A pseudonym for one deletion: `erased-` and random characters (the caller draws them). */
export const pseudonymFrom = (random: string): string => `${PSEUDONYM_PREFIX}${random}`;

/** The id on a deleted person's kept records: nobody to message, nobody to look up. */
export const isPseudonym = (id: string): boolean => id.startsWith(PSEUDONYM_PREFIX);

/**
 * The record with the subject's id replaced by the pseudonym wherever it stands as an id: a
 * whole string, or one part of a dotted composite id (`<activityId>.<personId>.<session>`,
 * `scan.<activityId>.<personId>`). Dates and other values are left as they are.
 */
export function replaceSubject<T>(value: T, subject: string, pseudonym: string): T {
  if (typeof value === 'string') {
    if (value === subject) return pseudonym as T;
    if (!value.includes(subject)) return value;
    return value
      .split('.')
      .map((part) => (part === subject ? pseudonym : part))
      .join('.') as T;
  }
  if (Array.isArray(value)) return value.map((item) => replaceSubject(item, subject, pseudonym)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceSubject(item, subject, pseudonym)]),
    ) as T;
  }
  return value;
}

/** Every photo in the record that the subject uploaded (their folder in storage). */
export function subjectFiles(value: unknown, subject: string): string[] {
  if (typeof value === 'string') return parseUploadFileId(value)?.owner === subject ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => subjectFiles(item, subject));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.values(value).flatMap((item) => subjectFiles(item, subject));
  return [];
}

/** The record without these photos: removed from lists, a single photo field dropped. */
export function withoutFiles<T>(value: T, files: ReadonlySet<string>): T {
  if (Array.isArray(value))
    return value
      .filter((item) => !(typeof item === 'string' && files.has(item)))
      .map((item) => withoutFiles(item, files)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => !(typeof item === 'string' && files.has(item)))
        .map(([key, item]) => [key, withoutFiles(item, files)]),
    ) as T;
  }
  return value;
}

export interface ErasureContext {
  subject: string;
  pseudonym: string;
  now: Date;
}

export interface ErasureRule {
  collection: string;
  /** Fields (dotted paths into arrays too) that hold the subject's id: what finds their records. */
  subjectFields: readonly string[];
  /** A found record goes, or stays unlinked. */
  decide(doc: RawDoc, subject: string): 'delete' | 'keep';
  /** A kept record after the id replacement: names, contact details and what they wrote removed. */
  scrub?(doc: RawDoc, ctx: ErasureContext): RawDoc;
  /** Photos that go with the subject besides their own uploads (a wish's photos staff took for them). */
  files?(doc: RawDoc, subject: string): string[];
  /** Why kept records are kept (docs/privacy.md). */
  keptBecause?: string;
}

const omit = (doc: RawDoc, ...fields: string[]): RawDoc =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !fields.includes(key))) as RawDoc;

const keep = (): 'keep' => 'keep';
const remove = (): 'delete' => 'delete';

/** History entries (a record's earlier states) with the person's name and notes taken out. */
const scrubHistory = (history: unknown, by?: string): unknown =>
  Array.isArray(history)
    ? history.map((entry) => {
        if (!entry || typeof entry !== 'object') return entry;
        const out: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
        if ('personName' in out) out.personName = ERASED_NAME;
        if ('volunteerName' in out) out.volunteerName = ERASED_NAME;
        if ('answers' in out) out.answers = withoutTextAnswers(out.answers);
        if (by !== undefined && out.by === by) delete out.note;
        return out;
      })
    : history;

const withoutTextAnswers = (answers: unknown): unknown =>
  Array.isArray(answers)
    ? answers
        .map((a) => (a && typeof a === 'object' ? omit(a as RawDoc, 'text') : a))
        .filter((a) => !(a && typeof a === 'object' && Object.keys(a).length <= 1))
    : answers;

/**
 * One rule per collection that can hold a person's id as theirs. Collections not listed hold no
 * resident's or volunteer's id (stations, contracts, forms …) or only staff's ids on work
 * records (audit_log.actorId, createdBy, approvals) — the data-field test (test/unit/privacy)
 * checks every collection is either here or declared that way.
 */
export const ERASURE_RULES: readonly ErasureRule[] = [
  { collection: 'users', subjectFields: ['_id'], decide: remove },
  {
    collection: 'volunteers',
    subjectFields: ['_id'],
    // A registration that was ever approved counts in 登记人数(新增) and 骨干, and the national
    // rules for volunteer records keep it; one never approved has nothing to keep.
    decide: (doc) =>
      doc.approvedAt !== undefined ||
      (Array.isArray(doc.pastReviews) && doc.pastReviews.some((r) => (r as { status?: string }).status === 'approved'))
        ? 'keep'
        : 'delete',
    scrub: (doc, { now }) => ({
      ...doc,
      realName: ERASED_NAME,
      phone: '',
      emergencyContact: { name: '', phone: '' },
      skills: [],
      availability: '',
      erasedAt: now,
    }),
    keptBecause: '志愿者登记人数、骨干人数按登记记录统计，志愿服务记录依法保存（从未通过的登记删除）',
  },
  {
    collection: 'bookings',
    subjectFields: ['personId'],
    decide: keep,
    // The party size stays (seats taken); the names of who came along go.
    scrub: (doc) => ({
      ...doc,
      personName: ERASED_NAME,
      members: Array.isArray(doc.members) ? doc.members.map(() => ({ name: ERASED_NAME })) : [],
    }),
    keptBecause: '活动名额与报名人数',
  },
  {
    collection: 'attendance',
    subjectFields: ['personId'],
    decide: keep,
    scrub: (doc) => ({ ...omit(doc, 'note'), personName: ERASED_NAME, history: scrubHistory(doc.history) }),
    keptBecause: '服务人次、服务人数等合同指标和签到台账',
  },
  {
    collection: 'survey_responses',
    subjectFields: ['personId'],
    decide: keep,
    scrub: (doc) => ({
      ...omit(doc, 'note'),
      personName: ERASED_NAME,
      answers: withoutTextAnswers(doc.answers),
      hasText: 0,
      history: scrubHistory(doc.history),
    }),
    keptBecause: '满意率指标（评分保留，文字意见删除）',
  },
  { collection: 'door_helpers', subjectFields: ['openid'], decide: remove },
  { collection: 'reminders', subjectFields: ['personId'], decide: remove },
  {
    collection: 'team_members',
    subjectFields: ['volunteerId'],
    decide: keep,
    keptBecause: '志愿者团队维系指标按队员人数统计',
  },
  {
    collection: 'teams',
    subjectFields: ['leaderId'],
    decide: keep,
    scrub: (doc) => omit(doc, 'leaderId'),
    keptBecause: '队伍属于社工站；只去掉队长',
  },
  {
    collection: 'shift_signups',
    subjectFields: ['volunteerId'],
    decide: keep,
    keptBecause: '服务岗位名额',
  },
  {
    collection: 'volunteer_attendance',
    subjectFields: ['volunteerId'],
    decide: keep,
    scrub: (doc) => ({ ...doc, volunteerName: ERASED_NAME }),
    keptBecause: '志愿服务时长的来源记录',
  },
  {
    collection: 'hour_entries',
    subjectFields: ['volunteerId'],
    decide: keep,
    scrub: (doc) => {
      const correction = doc.correctionRequest as Record<string, unknown> | undefined;
      return {
        ...omit(doc, 'note'),
        ...(correction ? { correctionRequest: { ...correction, reason: '' } } : {}),
      };
    },
    keptBecause: '志愿服务时长（《志愿服务记录与证明出具办法》）和志愿服务时数指标',
  },
  {
    collection: 'certificates',
    subjectFields: ['volunteerId'],
    decide: keep,
    keptBecause: '已出具的志愿服务记录证明须仍可核验，内容按出具时保存',
  },
  {
    collection: 'complaints',
    subjectFields: ['senderId'],
    decide: keep,
    scrub: (doc, { pseudonym }) => ({
      ...doc,
      text: ERASED_TEXT,
      anonymous: true,
      history: scrubHistory(doc.history, pseudonym),
    }),
    keptBecause: '投诉处理记录（每一步都要保存）和“2天内答复”指标',
  },
  {
    collection: 'wishes',
    subjectFields: ['beneficiaryId', 'claimerId'],
    // Only a lit wish (点亮) counts; an unfinished one for the person goes with them. A wish they
    // claimed for someone else stays, with them unlinked.
    decide: (doc, subject) => (doc.beneficiaryId === subject && doc.status !== 'confirmed' ? 'delete' : 'keep'),
    scrub: (doc, { pseudonym }) =>
      doc.beneficiaryId === pseudonym
        ? { ...omit(doc, 'hardship'), why: '', photoFileIds: [], history: scrubHistory(doc.history, pseudonym) }
        : { ...doc, history: scrubHistory(doc.history, pseudonym) },
    // Photos of the person's circumstances, whoever took them (often the social worker).
    files: (doc, subject) =>
      doc.beneficiaryId === subject && Array.isArray(doc.photoFileIds) ? doc.photoFileIds.map(String) : [],
    keptBecause: '“点亮微心愿”指标按已确认的心愿统计（本人未点亮的心愿连同照片删除；本人认领的心愿保留，去除本人）',
  },
  {
    collection: 'activities',
    subjectFields: ['invited'],
    decide: keep,
    scrub: (doc, { pseudonym }) => ({
      ...doc,
      invited: Array.isArray(doc.invited) ? doc.invited.filter((id) => id !== pseudonym) : [],
    }),
    keptBecause: '活动属于社工站；只从邀请名单中去掉本人',
  },
  {
    collection: 'visit_team',
    subjectFields: ['personId'],
    decide: keep,
    keptBecause: '入户探访人员配备指标（按人数统计）',
  },
  {
    collection: 'invitations',
    subjectFields: ['usedBy'],
    decide: keep,
    keptBecause: '邀请码的使用记录',
  },
  { collection: 'complaint_alerts', subjectFields: ['toOpenid'], decide: remove },
  { collection: 'outbox', subjectFields: ['toOpenid'], decide: remove },
  {
    collection: 'indicator_rollups',
    subjectFields: ['serving.volunteerIds'],
    decide: keep,
    keptBecause: '指标的月度汇总（只有编号，按人数统计）',
  },
  {
    collection: 'privacy_requests',
    subjectFields: ['subjectId'],
    decide: keep,
    scrub: (doc) => omit(doc, 'subjectId', 'pseudonym'),
    keptBecause: '删除申请的处理记录（证明已按时处理）',
  },
];

/**
 * Collections with personal data that a deletion leaves alone, and why: they hold staff's ids on
 * the station's records of its own work, or (requests) are cleared by key instead of by field.
 */
export const NOT_ERASED: Readonly<Record<string, string>> = {
  survey_forms: '意见表由社工编制，只有编制人（工作人员）的编号',
  survey_attachments: '活动所用的意见表，只有设置人（工作人员）的编号',
  contracts: '合同，只有创建、修改人（站长）的编号',
  indicator_manual_counts: '手工填报的指标，只有填报人（工作人员）的编号和姓名',
  audit_log: '查阅投诉的审计记录，只有查阅人（工作人员）的编号',
  requests: '按请求编号中的用户编号整条删除（repositories/personal-data.ts）',
};

export const erasureRuleOf = (collection: string): ErasureRule | undefined =>
  ERASURE_RULES.find((rule) => rule.collection === collection);

/**
 * A found record as it will be written: null when it is deleted. The photos the subject uploaded
 * come out of it either way (the caller deletes them from storage).
 */
export function eraseRecord(
  rule: ErasureRule,
  doc: RawDoc,
  ctx: ErasureContext,
): { next: RawDoc | null; files: string[] } {
  const files = [...new Set([...subjectFiles(doc, ctx.subject), ...(rule.files?.(doc, ctx.subject) ?? [])])];
  if (rule.decide(doc, ctx.subject) === 'delete') return { next: null, files };
  const replaced = replaceSubject(withoutFiles(doc, new Set(files)), ctx.subject, ctx.pseudonym);
  return { next: rule.scrub ? rule.scrub(replaced, ctx) : replaced, files };
}
