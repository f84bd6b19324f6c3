import { SIGN_IN_METHOD_LABELS, type SignInMethod } from '@linli/types/entities/activity';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@linli/types/entities/activity-kinds';

/**
 * The sign-in sheet (签到表) as evaluators read it (DOMAIN.md "Evidence"): a heading with the
 * activity, then one row per record with name, community, how many people, sign-in and
 * sign-out times, the method, and who recorded it. Annulled sign-ins stay on the sheet, marked,
 * and are not counted in the total: the sheet shows everything that happened.
 */
export interface SheetEntry {
  name: string;
  communityName: string | null;
  partySize: number;
  signedInAt: Date | null;
  signedOutAt: Date | null;
  method: SignInMethod | null;
  recordedBy: string | null;
  annulled: { by: string; reason: string } | null;
  /** A paper list's note. */
  note?: string;
}

export interface SheetActivity {
  title: string;
  kind: ActivityKind;
  place: string;
  startAt: Date;
  endAt: Date;
}

export const SHEET_COLUMNS = [
  '序号',
  '姓名',
  '社区',
  '人数',
  '签到时间',
  '签退时间',
  '签到方式',
  '记录人',
  '备注',
] as const;

/** Formats an instant in Asia/Shanghai as the sheet shows it (2026-11-24 14:02). */
export function sheetTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

export function signInSheet(activity: SheetActivity, entries: readonly SheetEntry[]) {
  const signedIn = entries.filter((e) => e.signedInAt);
  const rows = signedIn
    .slice()
    .sort((a, b) => a.signedInAt!.getTime() - b.signedInAt!.getTime())
    .map((e, i) => [
      String(i + 1),
      e.name,
      e.communityName ?? '',
      String(e.partySize),
      sheetTime(e.signedInAt!),
      e.signedOutAt ? sheetTime(e.signedOutAt) : '',
      e.method ? SIGN_IN_METHOD_LABELS[e.method] : '',
      e.recordedBy ?? '',
      [e.note, e.annulled ? `已撤销（${e.annulled.by}：${e.annulled.reason}）` : ''].filter(Boolean).join('；'),
    ]);
  const total = signedIn.filter((e) => !e.annulled).reduce((n, e) => n + e.partySize, 0);
  return {
    heading: [
      `活动：${activity.title}（${ACTIVITY_KIND_LABELS[activity.kind]}）`,
      `时间：${sheetTime(activity.startAt)} 至 ${sheetTime(activity.endAt).slice(11)}，地点：${activity.place}`,
    ],
    columns: SHEET_COLUMNS,
    rows,
    footer: `签到合计：${total}人次`,
    total,
  };
}
