import writeXlsxFile from 'write-excel-file/node';
import {
  ACTIVITY_COLUMNS,
  activityRows,
  evidenceActivities,
  hoursOf,
  PHOTO_COLUMNS,
  sessionTitle,
  VOLUNTEER_COLUMNS,
  volunteerTotals,
  type EvidenceActivity,
} from '../../../_shared/domain/evidence-pack';
import { periodText } from '../../../_shared/domain/completion-table';
import { instantsOf } from '../../../_shared/domain/indicator-periods';
import { sheetTime, signInSheet, type SheetEntry } from '../../../_shared/domain/signin-sheet';
import { activitiesRepository, type ActivityDoc } from '../../../_shared/repositories/activities';
import { attendanceRepository, type AttendanceDoc } from '../../../_shared/repositories/attendance';
import { hourEntriesRepository, toHourEntry, type HourEntryDoc } from '../../../_shared/repositories/hour-entries';
import { manualCountsRepository } from '../../../_shared/repositories/manual-counts';
import { surveyResponsesRepository } from '../../../_shared/repositories/survey-responses';
import { usersRepository } from '../../../_shared/repositories/users';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { deliverFile } from '../../../_shared/runtime/generated-files';
import { settingsText } from '../../../indicators/src/handlers/dashboard';
import { loadContractPeriod, type ContractPeriod } from '../contract-period';

/**
 * How much one pack may carry. The file travels back in the function's answer and is built within
 * the function's time limit (config.json: 30 s), so the reads are bounded: beyond these the export
 * is refused (EXPORT_TOO_LARGE: choose a shorter period), never cut short. An operator whose
 * function has more memory and time may raise them (environment variables of the ledger
 * function, docs/indicators.md "Limits").
 */
export function packLimits(): { sessions: number; signIns: number } {
  const setting = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    sessions: setting('LINLI_EVIDENCE_MAX_SESSIONS', 2000),
    signIns: setting('LINLI_EVIDENCE_MAX_SIGN_INS', 20_000),
  };
}

const DAY_MS = 24 * 3600 * 1000;
const ID_CHUNK = 100;

/**
 * 台账 for a contract's period, one workbook: 说明 (contract, days, counting rules), 活动清单 (every
 * session held, the kind it counts as and why, the indicators it counts for, 人次, satisfaction),
 * 签到表 (each session's sign-in sheet, as ledger.signInSheet prints it), 照片 (the photos held:
 * manual counts' evidence, volunteers' self-reports) and 志愿服务时数 (each volunteer's approved
 * hours, two decimals). Staff of the contract's station; phone numbers only as their last four.
 */
export const evidencePackAction = defineAction('ledger', 'evidencePack', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ contractId, fromDate, toDate }, { caller, now }) {
    const range = { from: fromDate, to: toDate };
    const limits = packLimits();
    const period = await loadContractPeriod(caller.stationId, contractId, range, now);
    const activities = evidenceActivities(period.facts.sessions, period.contract.indicators, period.ctx, range);
    if (activities.length > limits.sessions) {
      throw new AppError(
        'EXPORT_TOO_LARGE',
        `这段时间有${activities.length}场活动，一次最多导出${limits.sessions}场，请缩短期间`,
      );
    }
    const { from, to } = instantsOf(range);
    const [signIns, satisfactionRows, hourDocs, manual] = await Promise.all([
      attendanceRepository.forStationBetween(caller.stationId, from, to, limits.signIns),
      surveyResponsesRepository.satisfactionRows(caller.stationId, from, to),
      hourEntriesRepository.approvedOfStation(
        caller.stationId,
        new Date(from.getTime() - DAY_MS),
        new Date(to.getTime() + DAY_MS),
      ),
      manualCountsRepository.forContract(contractId),
    ]);
    if (signIns.length > limits.signIns) {
      throw new AppError('EXPORT_TOO_LARGE', `这段时间的签到记录超过${limits.signIns}条，请缩短期间`);
    }
    const docs = await inChunks([...new Set(activities.map((a) => a.summary.activityId))], (ids) =>
      activitiesRepository.findMany(ids),
    );
    const totals = volunteerTotals(
      hourDocs.map((d) => ({ ...toHourEntry(d), servedAt: d.servedAt })),
      from,
      to,
    );
    const names = await personNames([
      ...signIns.flatMap((s) => [s.recordedBy, ...(s.annulled ? [s.annulled.by] : [])]),
    ]);
    const volunteers = new Map(
      (
        await inChunks(
          totals.map((t) => t.volunteerId),
          (ids) => volunteersRepository.findMany(ids),
        )
      ).map((v) => [v._id, v]),
    );
    const volunteerUsers = await personNames(totals.map((t) => t.volunteerId));
    const satisfactionOf = new Map(satisfactionRows.map((r) => [r.activityId, r]));
    const areaName = new Map(period.station.areas.map((a) => [a.id, a.name]));
    const communityName = new Map(period.station.communities.map((c) => [c.id, c.name]));
    const community = (id: string | null) => (id ? (communityName.get(id) ?? '') : '');

    const bold = { fontWeight: 'bold' as const };
    const header = (columns: readonly string[]) => columns.map((c) => ({ value: c, ...bold }));
    const text = (value: string) => ({ value, type: String });
    const cell = (value: string | number) =>
      typeof value === 'number' ? { value, type: Number } : { value, type: String };

    const activityData = [
      header(ACTIVITY_COLUMNS),
      ...activityRows(
        activities,
        { area: (id) => areaName.get(id) ?? id, community: (id) => communityName.get(id) ?? id },
        (id) => satisfactionOf.get(id),
      ).map((row) => row.map(cell)),
      [
        { value: '合计', ...bold },
        text(`${activities.length}场（节）`),
        ...Array(7).fill(null),
        { value: activities.reduce((n, a) => n + a.summary.headcount, 0), type: Number, ...bold },
        null,
        null,
      ],
    ];

    const sheetRows = signInSheetRows(
      activities,
      new Map(docs.map((d) => [d._id, d])),
      signIns,
      (id) => (id === 'import' ? '导入' : (names.get(id) ?? '')),
      community,
    );

    const volunteerData = [
      header(VOLUNTEER_COLUMNS),
      ...totals.map((t, i) => {
        const v = volunteers.get(t.volunteerId);
        return [
          { value: i + 1, type: Number },
          text(v?.realName ?? volunteerUsers.get(t.volunteerId) ?? '（已不在本站）'),
          text(v?.phone ? v.phone.slice(-4) : ''),
          { value: t.services, type: Number },
          { value: hoursOf(t.minutes), type: Number, format: '0.00' },
        ];
      }),
      [
        { value: '合计', ...bold },
        text(`${totals.length}人`),
        null,
        { value: totals.reduce((n, t) => n + t.services, 0), type: Number },
        { value: hoursOf(totals.reduce((n, t) => n + t.minutes, 0)), type: Number, format: '0.00', ...bold },
      ],
    ];

    const photoData = [
      header(PHOTO_COLUMNS),
      ...photoRows(period, manual, hourDocs, range, from, to).map((r) => r.map(cell)),
    ];

    const about = [
      [{ value: `${period.station.name} 台账`, ...bold }],
      [text(`合同：${period.contract.name}`)],
      [text(`期间：${periodText(range)}`)],
      [text(`认定标准：${settingsText(period.contract.settings)}`)],
      [text(`导出时间：${sheetTime(now)}（北京时间）`)],
      [
        text(
          '活动清单列出期间内开展的每一场活动（小组按节），按实际签到人数认定类型；“计入指标”为本合同中计入它的指标。',
        ),
      ],
      [text('签到表逐场列出签到记录；撤销的签到保留并注明，不计入人次。照片只列文件，请在小程序中查看。')],
    ];

    const buffer = await writeXlsxFile([
      { sheet: '说明', data: about, columns: [{ width: 100 }] },
      {
        sheet: '活动清单',
        data: activityData,
        columns: [6, 11, 26, 14, 14, 44, 40, 10, 12, 8, 8, 18].map((width) => ({ width })),
      },
      { sheet: '签到表', data: sheetRows, columns: [6, 10, 14, 6, 18, 18, 14, 10, 28].map((width) => ({ width })) },
      { sheet: '照片', data: photoData, columns: [6, 11, 24, 40, 30, 60].map((width) => ({ width })) },
      { sheet: '志愿服务时数', data: volunteerData, columns: [6, 12, 14, 10, 14].map((width) => ({ width })) },
    ]).toBuffer();
    return deliverFile(
      caller.stationId,
      { fileName: `台账-${period.contract.name}-${fromDate}至${toDate}.xlsx`, extension: 'xlsx', bytes: buffer },
      now,
    );
  },
});

/** Each session's sign-in sheet, one after another, a blank row between. */
function signInSheetRows(
  activities: readonly EvidenceActivity[],
  docs: ReadonlyMap<string, ActivityDoc>,
  signIns: readonly AttendanceDoc[],
  nameOf: (id: string) => string,
  community: (id: string | null) => string,
) {
  const bySession = new Map<string, AttendanceDoc[]>();
  for (const record of signIns) {
    const key = `${record.activityId}#${record.session ?? 1}`;
    bySession.set(key, [...(bySession.get(key) ?? []), record]);
  }
  const bold = { fontWeight: 'bold' as const };
  const rows: ({ value: string; fontWeight?: 'bold'; type?: StringConstructor } | null)[][] = [];
  for (const { summary } of activities) {
    const doc = docs.get(summary.activityId);
    const session = doc?.sessions?.[summary.session - 1];
    const entries: SheetEntry[] = (bySession.get(`${summary.activityId}#${summary.session}`) ?? []).map((r) => ({
      name: r.personName,
      communityName: community(r.communityId),
      partySize: r.headcount,
      signedInAt: r.signedInAt,
      signedOutAt: r.signedOutAt ?? null,
      method: r.method,
      recordedBy: nameOf(r.recordedBy),
      annulled: r.annulled ? { by: nameOf(r.annulled.by), reason: r.annulled.reason } : null,
      ...(r.note ? { note: r.note } : {}),
    }));
    const sheet = signInSheet(
      {
        title: sessionTitle(summary),
        kind: summary.plannedKind,
        place: doc?.place ?? '',
        startAt: session?.startAt ?? summary.startAt,
        endAt: session?.endAt ?? doc?.endAt ?? summary.startAt,
      },
      entries,
    );
    rows.push(
      [{ value: sheet.heading[0]!, ...bold }],
      [{ value: sheet.heading[1]! }],
      sheet.columns.map((c) => ({ value: c, ...bold })),
      ...sheet.rows.map((row) => row.map((value) => ({ value, type: String }))),
      [{ value: sheet.footer, ...bold }],
      [],
    );
  }
  return rows;
}

/** Photos the records hold for the days: manual counts' evidence (latest versions) and volunteers' self-reports. */
function photoRows(
  period: ContractPeriod,
  manual: Awaited<ReturnType<typeof manualCountsRepository.forContract>>,
  hours: readonly HourEntryDoc[],
  range: { from: string; to: string },
  from: Date,
  to: Date,
): (string | number)[][] {
  const latest = new Map<string, (typeof manual)[number]>();
  for (const m of manual) if ((latest.get(m.rootId)?.version ?? 0) < m.version) latest.set(m.rootId, m);
  const indicatorName = new Map(period.contract.indicators.map((i) => [i.id, i.name]));
  const rows: [string, string, string, string][] = [];
  for (const m of latest.values()) {
    if (m.date < range.from || m.date > range.to) continue;
    for (const fileId of m.photoFileIds) {
      rows.push([m.date, `手工填报：${indicatorName.get(m.indicatorId) ?? m.indicatorId}`, m.note, fileId]);
    }
  }
  for (const h of hours) {
    if (!h.photoFileId || h.servedAt < from || h.servedAt >= to) continue;
    rows.push([sheetTime(h.servedAt).slice(0, 10), '志愿者申报时长', h.content, h.photoFileId]);
  }
  return rows
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([day, use, note, fileId], i) => [i + 1, day, use, note, fileId.split('/').pop() ?? fileId, fileId]);
}

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(...(await read(ids.slice(i, i + ID_CHUNK))));
  return out;
}

async function personNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => id !== 'import');
  return new Map((await inChunks(unique, (chunk) => usersRepository.findMany(chunk))).map((u) => [u._id, u.name]));
}
