import type { FunctionHarness } from '../../support/functions';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

export const VOLUNTEER = 'oDemoVolunteer1';
export const SOCIAL = 'oDemoSocial0001';
export const SOCIAL2 = 'oDemoSocial0002';
export const ADMIN = 'oDemoAdmin0001';
export const OTHER_SOCIAL = 'oDemoOtherSW01';
export const RESIDENT = 'oDemoResident01';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A span of service `length` minutes long that ended `endedMinutesAgo` minutes before now, on whole minutes. */
export function span(endedMinutesAgo: number, length: number): { startAt: string; endAt: string } {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - endedMinutesAgo * MINUTE;
  return { startAt: new Date(end - length * MINUTE).toISOString(), endAt: new Date(end).toISOString() };
}

/** A span starting at a fixed instant, `length` minutes long. */
export const spanAt = (start: Date, length: number) => ({
  startAt: start.toISOString(),
  endAt: new Date(start.getTime() + length * MINUTE).toISOString(),
});

/** A manual entry by 李社工 for 赵志愿 (or `volunteerId`), pending. */
export async function addManual(
  h: FunctionHarness,
  s: { startAt: string; endAt: string },
  options: { by?: string; volunteerId?: string; content?: string } = {},
) {
  return h.ok(options.by ?? SOCIAL, 'hours', 'add', {
    volunteerId: options.volunteerId ?? VOLUNTEER,
    span: s,
    content: options.content ?? '入户探访独居长者',
    note: '',
  });
}

/** An approved manual entry: added by 李社工, approved by 王社工. */
export async function approvedManual(
  h: FunctionHarness,
  s: { startAt: string; endAt: string },
  options: { volunteerId?: string; content?: string } = {},
) {
  const entry = await addManual(h, s, options);
  const { results } = await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [entry.id] });
  expect(results).toEqual([{ entryId: entry.id, outcome: 'approved' }]);
  return entry;
}

/** More approved volunteers of the demo station. */
export async function addVolunteers(h: FunctionHarness, count: number, stationId = DEMO_STATION_ID, prefix = 'v') {
  const now = new Date();
  const ids = Array.from(
    { length: count },
    (_, i) => `oVol${stationId.slice(3, 6)}${prefix}${String(i).padStart(4, '0')}`,
  );
  await h.db.insertMany(
    'users',
    ids.map((id, i) => ({
      _id: id,
      name: `志愿者${i}`,
      stationId,
      communityId: 'comm1',
      roles: ['resident', 'volunteer'],
      phone: `1390000${String(1000 + i).slice(-4)}`,
      consentAt: now,
      consentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}

/** A scan entry as the shifts schedule leaves it for a sign-in without a sign-out: flagged, 0 minutes. */
export async function insertFlaggedScanEntry(
  h: FunctionHarness,
  options: { activityId?: string; signedInAt?: Date; volunteerId?: string } = {},
) {
  const volunteerId = options.volunteerId ?? VOLUNTEER;
  const signedInAt = options.signedInAt ?? new Date(Date.now() - 3 * HOUR);
  const activityId = options.activityId ?? 'DemoAct006';
  const id = `scan.${activityId}.${volunteerId}`;
  const now = new Date();
  await h.db.insertMany('hour_entries', [
    {
      _id: id,
      rootId: id,
      version: 1,
      stationId: DEMO_STATION_ID,
      volunteerId,
      source: 'scan',
      minutes: 0,
      servedAt: signedInAt,
      status: 'pending',
      createdBy: volunteerId,
      approvals: [],
      history: [{ action: 'created', version: 1, by: volunteerId, at: now, minutes: 0 }],
      content: '社区义诊（演示）',
      activityId,
      flag: 'MISSING_SIGN_OUT',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  return id;
}

export const entryDocs = async (h: FunctionHarness) => h.db.dump('hour_entries');
