import writeXlsxFile from 'write-excel-file/node';
import { signInSheet } from '../../../_shared/domain/signin-sheet';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { deliverFile } from '../../../_shared/runtime/generated-files';
import { isSeries } from '../../../_shared/domain/sessions';
import { pickSession, rosterData, sessionRoster } from '../../../_shared/queries/roster';

/**
 * The 签到表 of one activity as an xlsx file, for the activity's station staff (who see full
 * names; phone numbers are not on the sheet at all).
 */
export const signInSheetAction = defineAction('ledger', 'signInSheet', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId, session: index }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const session = pickSession(activity, now, index);
    const { entries: rows } = sessionRoster(await rosterData(activity), session.index);
    const entries = rows.map((entry) => ({
      ...entry,
      signedInAt: entry.signedInAt ? new Date(entry.signedInAt) : null,
      signedOutAt: entry.signedOutAt ? new Date(entry.signedOutAt) : null,
    }));
    // A group's sheet is one session's: its own date and time, its number in the title.
    const sheetOf = isSeries(activity)
      ? {
          ...activity,
          title: `${activity.title}（第${session.index}节）`,
          startAt: session.startAt,
          endAt: session.endAt,
        }
      : activity;
    const sheet = signInSheet(sheetOf, entries);
    const bold = { fontWeight: 'bold' as const };
    const data = [
      [{ value: sheet.heading[0], ...bold }],
      [{ value: sheet.heading[1] }],
      sheet.columns.map((c) => ({ value: c, ...bold })),
      ...sheet.rows.map((row) => row.map((value) => ({ value }))),
      [{ value: sheet.footer, ...bold }],
    ];
    const buffer = await writeXlsxFile(data, {
      sheet: '签到表',
      columns: [6, 10, 14, 6, 18, 18, 14, 10, 28].map((width) => ({ width })),
    }).toBuffer();
    const day = sheet.heading[1]!.slice(3, 13);
    return deliverFile(
      caller.stationId,
      { fileName: `签到表-${sheetOf.title}-${day}.xlsx`, extension: 'xlsx', bytes: buffer },
      now,
    );
  },
});
