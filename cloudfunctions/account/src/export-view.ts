import { ROLE_LABELS, type Role } from '@linli/types/entities/common';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from '@linli/types/entities/complaint';
import { HOUR_SOURCE_LABELS, HOUR_STATUS_LABELS } from '@linli/types/entities/hours';
import { SIGN_IN_METHOD_LABELS } from '@linli/types/entities/activity';
import { PRIVACY_REQUEST_STATUS_LABELS, type PersonalDataExport } from '@linli/types/entities/privacy';
import { REGISTRATION_STATUS_LABELS } from '@linli/types/entities/volunteer';
import { HARDSHIP_LABELS, WISH_CATEGORY_LABELS, WISH_STATUS_LABELS } from '@linli/types/entities/wish';
import type { RawDoc } from '../../_shared/domain/erasure';
import dayjs, { STATION_TIME_ZONE } from '../../_shared/runtime/dayjs';

/**
 * A person's records as the rows of their export (types/entities/privacy.ts). Each section picks
 * the fields that are about the person, with Chinese labels; ids of other people (who reviewed,
 * who handled, who claimed) are left out, and internal keys are replaced by what they name (the
 * activity's title, the team's name). Their own phone numbers are theirs to see in full.
 */

type Value = string | number | boolean | null | string[];
type Row = Record<string, Value>;
type Section = PersonalDataExport['sections'][number];

export interface ExportLookups {
  /** Activity id → title. */
  activities: ReadonlyMap<string, string>;
  /** Team id → name. */
  teams: ReadonlyMap<string, string>;
  /** The person's station and community names. */
  stationName: string | null;
  communityName: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const time = (value: unknown): string | null => {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? dayjs(date).tz(STATION_TIME_ZONE).format('YYYY-MM-DD HH:mm') : null;
};
const label = <K extends string>(labels: Record<K, string>, value: unknown): string | null =>
  typeof value === 'string' && value in labels ? labels[value as K] : text(value);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** Drops the empty cells, so a row shows what is there. */
const row = (cells: Record<string, Value>): Row =>
  Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));

function section(
  key: string,
  title: string,
  docs: readonly RawDoc[] | undefined,
  toRow: (doc: RawDoc) => Row,
): Section {
  return { key, title, rows: (docs ?? []).map(toRow) };
}

export function exportSections(
  subject: string,
  found: ReadonlyMap<string, RawDoc[]>,
  lookups: ExportLookups,
): Section[] {
  const activity = (id: unknown) => lookups.activities.get(String(id)) ?? text(id);
  const wishes = found.get('wishes') ?? [];
  return [
    section('profile', '个人资料', found.get('users'), (u) => {
      const guardian = obj(u.guardian);
      return row({
        姓名: text(u.name),
        社工站: lookups.stationName,
        社区: lookups.communityName,
        手机号: text(u.phone),
        身份: list(u.roles).map((r) => ROLE_LABELS[r as Role] ?? r),
        未满14周岁: u.minor === true,
        监护人姓名: text(guardian.name),
        监护人手机号: text(guardian.phone),
        同意隐私保护指引的时间: time(u.consentAt),
        同意的指引版本: text(u.consentVersion),
        个人签到码编号: text(u.cardId),
        建档时间: time(u.createdAt),
        最近修改: time(u.updatedAt),
      });
    }),
    section('volunteer', '志愿者登记', found.get('volunteers'), (v) => {
      const contact = obj(v.emergencyContact);
      return row({
        真实姓名: text(v.realName),
        手机号: text(v.phone),
        技能: list(v.skills),
        可服务时间: text(v.availability),
        紧急联系人: text(contact.name),
        紧急联系人手机号: text(contact.phone),
        状态: label(REGISTRATION_STATUS_LABELS, v.status),
        未通过原因: text(v.reason),
        申请时间: time(v.appliedAt),
        审核时间: time(v.reviewedAt),
        骨干志愿者: v.core === true,
        同意时间: time(v.consentAt),
      });
    }),
    section('bookings', '活动报名', found.get('bookings'), (b) =>
      row({
        活动: activity(b.activityId),
        状态: text(b.status),
        人数: num(b.partySize),
        同行人: Array.isArray(b.members) ? b.members.map((m) => String(obj(m).name ?? '')) : [],
        报名时间: time(b.bookedAt),
        取消时间: time(b.cancelledAt),
      }),
    ),
    section('attendance', '活动签到', found.get('attendance'), (a) =>
      row({
        活动: activity(a.activityId),
        场次: num(a.session),
        签到时间: time(a.signedInAt),
        签退时间: time(a.signedOutAt),
        方式: label(SIGN_IN_METHOD_LABELS, a.method),
        人数: num(a.headcount),
        备注: text(a.note),
        已作废: a.annulled !== undefined,
        作废原因: text(obj(a.annulled).reason),
      }),
    ),
    section('surveys', '活动意见表', found.get('survey_responses'), (r) =>
      row({
        活动: activity(r.activityId),
        提交时间: time(r.submittedAt),
        方式: r.channel === 'paper' ? '纸质意见表录入' : '本人填写',
        回答: Array.isArray(r.answers)
          ? r.answers.map((raw) => {
              const a = obj(raw);
              const answer = a.rating ?? (Array.isArray(a.choices) ? a.choices.join('、') : a.text);
              return `${String(a.questionId)}: ${String(answer ?? '')}`;
            })
          : [],
        状态: text(r.status),
      }),
    ),
    section('teams', '志愿服务队', found.get('team_members'), (m) =>
      row({ 队伍: lookups.teams.get(String(m.teamId)) ?? text(m.teamId), 加入时间: time(m.joinedAt) }),
    ),
    section('shifts', '服务岗位报名', found.get('shift_signups'), (s) =>
      row({ 活动: activity(s.activityId), 岗位: text(s.role), 状态: text(s.status), 报名时间: time(s.signedUpAt) }),
    ),
    section('volunteerAttendance', '志愿服务签到', found.get('volunteer_attendance'), (a) =>
      row({
        活动: activity(a.activityId),
        场次: num(a.session),
        签到时间: time(a.signedInAt),
        签退时间: time(a.signedOutAt),
      }),
    ),
    section('hours', '志愿服务时长', found.get('hour_entries'), (h) =>
      row({
        服务内容: text(h.content),
        服务日期: time(h.servedAt),
        分钟: num(h.minutes),
        来源: label(HOUR_SOURCE_LABELS, h.source),
        状态: label(HOUR_STATUS_LABELS, h.status),
        版本: num(h.version),
        说明: text(h.note),
        照片: h.photoFileId ? 1 : 0,
        更正申请: text(obj(h.correctionRequest).reason),
      }),
    ),
    section('certificates', '志愿服务记录证明', found.get('certificates'), (c) => {
      const content = obj(c.content);
      return row({
        证明编号: text(c._id),
        出具时间: time(c.issuedAt),
        期间: `${String(obj(c.period).fromDate ?? '')} 至 ${String(obj(c.period).toDate ?? '')}`,
        总时长: text(obj(content.total).hours),
      });
    }),
    section(
      'wishes',
      '我的心愿',
      wishes.filter((w) => w.beneficiaryId === subject),
      (w) =>
        row({
          心愿: text(w.what),
          原因: text(w.why),
          类别: label(WISH_CATEGORY_LABELS, w.category),
          困难类别: label(HARDSHIP_LABELS, w.hardship),
          估价: num(w.estimatedValue),
          状态: label(WISH_STATUS_LABELS, w.status),
          照片: count(w.photoFileIds),
          提交时间: time(w.createdAt),
          确认收到: time(w.confirmedAt),
        }),
    ),
    section(
      'claimedWishes',
      '我认领的心愿',
      wishes.filter((w) => w.claimerId === subject && w.beneficiaryId !== subject),
      (w) =>
        row({
          心愿: text(w.publicTitle),
          状态: label(WISH_STATUS_LABELS, w.status),
          认领时间: time(w.claimedAt),
          交付说明: text(obj(w.delivery).note),
          交付照片: count(obj(w.delivery).photoFileIds),
        }),
    ),
    section('feedback', '意见反馈', found.get('complaints'), (c) =>
      row({
        类别: label(COMPLAINT_CATEGORY_LABELS, c.category),
        内容: text(c.text),
        匿名: c.anonymous === true,
        照片: count(c.photoFileIds),
        状态: label(COMPLAINT_STATUS_LABELS, c.status),
        提交时间: time(c.receivedAt),
        答复: text(c.reply),
        答复时间: time(c.lastRepliedAt),
      }),
    ),
    section('invitedTo', '受邀参加的活动', found.get('activities'), (a) =>
      row({ 活动: text(a.title), 开始时间: time(a.startAt) }),
    ),
    section('doorHelper', '协助扫码授权', found.get('door_helpers'), (d) =>
      row({ 活动: activity(d.activityId), 授权时间: time(d.grantedAt), 撤销时间: time(d.revokedAt) }),
    ),
    section('reminders', '已发送的活动提醒', found.get('reminders'), (r) =>
      row({ 活动: activity(r.activityId), 提醒: text(r.kind), 发送时间: time(r.sentAt) }),
    ),
    section('messages', '订阅消息', [...(found.get('outbox') ?? []), ...(found.get('complaint_alerts') ?? [])], (m) =>
      row({ 消息: text(m.template) ?? '意见反馈超时提醒', 发送时间: time(m.sentAt) }),
    ),
    section('invitations', '兑换的邀请码', found.get('invitations'), (i) =>
      row({ 身份: label(ROLE_LABELS, i.role), 兑换时间: time(i.usedAt) }),
    ),
    section('rollups', '计入指标月度汇总', found.get('indicator_rollups'), (r) =>
      row({
        月份: text(r.month),
        计入的服务日数: Array.isArray(r.serving)
          ? r.serving.filter((d) => list(obj(d).volunteerIds).includes(subject)).length
          : 0,
      }),
    ),
    section('requests', '删除申请', found.get('privacy_requests'), (p) =>
      row({
        状态: label(PRIVACY_REQUEST_STATUS_LABELS, p.status),
        申请时间: time(p.requestedAt),
        处理期限: time(p.dueAt),
        原因: text(p.reason),
        处理时间: time(p.handledAt),
        处理说明: text(p.note),
      }),
    ),
  ];
}
