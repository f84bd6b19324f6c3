import writeXlsxFile from 'write-excel-file/node';
import { signInSheet } from '../../../_shared/domain/signin-sheet';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { rosterData } from '../../../_shared/queries/roster';
import { rosterEntry } from '../../../_shared/views/roster';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 签到表 of one activity as an xlsx file, for the activity's station staff (who see full
 * names; phone numbers are not on the sheet at all).
 */
export const signInSheetAction = defineAction('ledger', 'signInSheet', {
  access: ['social_worker', 'admin'],
  async handle({ activityId }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const { bookings, attendance, station, personIds, byId, staffNames } = await rosterData(activity);
    const entries = personIds.map((personId) => {
      const entry = rosterEntry({
        personId,
        person: byId.get(personId),
        booking: bookings.find((b) => b.personId === personId),
        attendance: attendance.find((a) => a.personId === personId),
        station,
        staffNames,
      });
      return {
        ...entry,
        signedInAt: entry.signedInAt ? new Date(entry.signedInAt) : null,
        signedOutAt: entry.signedOutAt ? new Date(entry.signedOutAt) : null,
      };
    });
    const sheet = signInSheet(activity, entries);
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
    return {
      fileName: `签到表-${activity.title}-${day}.xlsx`,
      mimeType: XLSX_MIME,
      base64: Buffer.from(buffer).toString('base64'),
    };
  },
});
