import { personalDataExportSchema, type PersonalDataExport } from '@linli/types/entities/privacy';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';
import { acceptanceProblems } from '../../../_shared/domain/consent';
import { deletionDueAt, deletionRequestId } from '../../../_shared/domain/privacy-requests';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { personalDataRepository } from '../../../_shared/repositories/personal-data';
import { privacyRequestsRepository, type PrivacyRequestDoc } from '../../../_shared/repositories/privacy-requests';
import { personRef } from '../../../_shared/repositories/sealed';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { teamsRepository } from '../../../_shared/repositories/teams';
import { usersRepository } from '../../../_shared/repositories/users';
import { AppError } from '../../../_shared/runtime/app-error';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { deliverFile } from '../../../_shared/runtime/generated-files';
import { toProfile } from '../../../_shared/views/profile';
import { exportSections } from '../export-view';
import { toPrivacyRequest } from '../privacy-request-view';

/**
 * A person's own privacy actions (docs/privacy.md): agreeing to a changed notice, downloading
 * everything held about them, asking for deletion and seeing what became of the request.
 */

/** 同意 on the notice page after the notice changed; a minor's guardian agrees with them. */
export const acceptPrivacy = defineAction('account', 'acceptPrivacy', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle({ version, guardianConsent }, { caller, now }) {
    if (version !== PRIVACY_NOTICE_VERSION) {
      throw new AppError('CONFLICT', '隐私保护指引已更新，请重新阅读后再同意');
    }
    const problems = acceptanceProblems(caller, guardianConsent);
    if (problems.length > 0) throw new AppError('INVALID_INPUT', problems[0]!.message, problems);
    if (caller.consentVersion === version) return toProfile(caller);
    return toProfile(await usersRepository.acceptNotice(caller, version, now));
  },
});

/** Activity ids the export names, to show their titles instead. */
const ACTIVITY_REFERENCES = [
  'bookings',
  'attendance',
  'survey_responses',
  'shift_signups',
  'volunteer_attendance',
  'door_helpers',
  'reminders',
] as const;

/**
 * Everything held about the caller, as one JSON document they can keep (PIPL art. 45). A
 * long-time volunteer's history can pass the 1 MB a function may answer in the WeChat cloud, so
 * the document is stored as a generated file like every other export, and the answer is its
 * 10-minute link (docs/files.md "Generated files"). Only the caller ever gets the link.
 */
export const exportMyData = defineAction('account', 'exportMyData', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { openid, caller, now }) {
    const found = await personalDataRepository.ofSubject(openid);
    const activityIds = ACTIVITY_REFERENCES.flatMap((c) => (found.get(c) ?? []).map((d) => String(d.activityId)));
    const teamIds = (found.get('team_members') ?? []).map((d) => String(d.teamId));
    const [activities, teams, station] = await Promise.all([
      activitiesRepository.findMany([...new Set(activityIds)]),
      teamsRepository.findMany([...new Set(teamIds)]),
      stationsRepository.findById(caller.stationId),
    ]);
    const document: PersonalDataExport = {
      format: 'linli-personal-data',
      formatVersion: 1,
      exportedAt: now.toISOString(),
      consentVersion: caller.consentVersion,
      sections: exportSections(openid, found, {
        activities: new Map(activities.map((a) => [a._id, a.title])),
        teams: new Map(teams.map((t) => [t._id, t.name])),
        stationName: station?.name ?? null,
        communityName: station?.communities.find((c) => c.id === caller.communityId)?.name ?? null,
      }),
    };
    const day = dayjs(now).tz(STATION_TIME_ZONE).format('YYYY-MM-DD');
    // Indented: the person may open it in any text viewer.
    const json = JSON.stringify(personalDataExportSchema.parse(document), null, 2);
    return deliverFile(
      caller.stationId,
      { fileName: `我的数据-${day}.json`, extension: 'json', bytes: Buffer.from(json, 'utf8') },
      now,
    );
  },
});

/**
 * 申请删除: records the request for the station's 站长 (due in 15 working days). One open
 * request per person: asking again answers the one already waiting.
 */
export const requestDeletion = defineAction('account', 'requestDeletion', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle({ reason }, { openid, caller, now }) {
    const subjectRef = personRef(openid);
    const pendingOf = (docs: PrivacyRequestDoc[]) => docs.find((d) => d.status === 'pending');
    const earlier = await privacyRequestsRepository.ofSubject(subjectRef);
    const open = pendingOf(earlier);
    if (open) return toPrivacyRequest(open);
    const doc: PrivacyRequestDoc = {
      _id: deletionRequestId(subjectRef, earlier.length + 1),
      kind: 'deletion',
      stationId: caller.stationId,
      subjectRef,
      subjectId: openid,
      status: 'pending',
      requestedAt: now,
      dueAt: deletionDueAt(now),
      ...(reason ? { reason } : {}),
    };
    if (await privacyRequestsRepository.insert(doc)) return toPrivacyRequest(doc);
    // Two taps at once: the other made it.
    const made = pendingOf(await privacyRequestsRepository.ofSubject(subjectRef));
    if (!made) throw new AppError('CONFLICT');
    return toPrivacyRequest(made);
  },
});

/** The caller's requests and their outcome; still answers after the deletion (by the keyed reference). */
export const myDataRequests = defineAction('account', 'myDataRequests', {
  access: 'signed_in',
  scope: 'self',
  writes: false,
  async handle(_input, { openid }) {
    const docs = await privacyRequestsRepository.ofSubject(personRef(openid));
    return { items: docs.map(toPrivacyRequest) };
  },
});
