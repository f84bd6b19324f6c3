import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '@linli/types/entities/activity-kinds';
import { rollUpSatisfaction, satisfaction } from '../../../_shared/domain/satisfaction';
import { questionResults } from '../../../_shared/domain/survey-results';
import { formSession } from '../../../_shared/domain/survey-window';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { surveyResponsesRepository } from '../../../_shared/repositories/survey-responses';
import { currentSurvey, noSurvey } from '../attachments';
import { namesOf, surveyView } from '../views';

const STAFF = ['social_worker', 'admin'] as const;

/** Comments shown per activity: the latest ones (results are read on a phone). */
const COMMENT_RESPONSES = 100;
/** A roll-up spans at most this many days (a contract year and a half). */
const MAX_PERIOD_DAYS = 550;
/** Activities listed under a roll-up, the latest first. */
const LISTED_ACTIVITIES = 50;

/**
 * One activity's results, for its station's staff: the satisfaction rate, each question's
 * distribution and average, and the comments without names. Two aggregations and one page of
 * text answers, whatever the number of responses.
 */
export const results = defineAction('surveys', 'results', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const survey = await currentSurvey(activityId);
    if (!survey) throw noSurvey();
    const [counts, tallies, withText, attendance] = await Promise.all([
      surveyResponsesRepository.counts(activityId),
      surveyResponsesRepository.tallies(activityId),
      surveyResponsesRepository.withText(activityId, COMMENT_RESPONSES + 1),
      attendanceRepository.forActivity(activityId),
    ]);
    const textQuestions = new Set(survey.questions.filter((q) => q.type === 'text').map((q) => q.id));
    const comments = withText.slice(0, COMMENT_RESPONSES).flatMap((response) =>
      response.answers
        .filter((answer) => answer.text !== undefined && textQuestions.has(answer.questionId))
        .map((answer) => ({
          questionId: answer.questionId,
          text: answer.text!,
          submittedAt: response.submittedAt.toISOString(),
        })),
    );
    return {
      survey: surveyView(survey, await namesOf([survey.attachedBy])),
      activity: {
        id: activity._id,
        title: activity.title,
        kind: activity.kind,
        startAt: activity.startAt.toISOString(),
        endAt: formSession(activity).endAt.toISOString(),
      },
      attendees: new Set(attendance.filter((a) => !a.annulled).map((a) => a.personId)).size,
      paper: counts.paper,
      satisfaction: satisfaction(counts),
      questions: questionResults(survey, tallies),
      comments,
      moreComments: withText.length > COMMENT_RESPONSES,
    };
  },
});

/**
 * The station's satisfaction over a period — in total, per kind and per 片区, and per activity —
 * from ONE aggregation of per-activity counts; the roll-up is the pure rollUpSatisfaction. An
 * activity counts in the period its (last session's) end falls in, China time.
 */
export const rollUp = defineAction('surveys', 'rollUp', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ fromDate, toDate }, { caller }) {
    const from = dayjs.tz(fromDate, STATION_TIME_ZONE).startOf('day');
    const to = dayjs.tz(toDate, STATION_TIME_ZONE).add(1, 'day').startOf('day');
    if (to.diff(from, 'day') > MAX_PERIOD_DAYS) {
      throw new AppError('INVALID_INPUT', `统计期间不超过${MAX_PERIOD_DAYS}天`, [
        { path: 'toDate', message: `统计期间不超过${MAX_PERIOD_DAYS}天` },
      ]);
    }
    const [rows, station] = await Promise.all([
      surveyResponsesRepository.satisfactionRows(caller.stationId, from.toDate(), to.toDate()),
      stationsRepository.findById(caller.stationId),
    ]);
    const rolled = rollUpSatisfaction(rows);
    const listed = rows.slice(0, LISTED_ACTIVITIES);
    const activities = await activitiesRepository.findMany(listed.map((r) => r.activityId));
    const areaName = (areaId: string) => station?.areas.find((a) => a.id === areaId)?.name ?? '（已删除的片区）';
    // In the order the evaluators' tables use: kinds as listed, 片区 as the station lists them.
    const areaOrder = (areaId: string) => station?.areas.findIndex((a) => a.id === areaId) ?? -1;
    return {
      fromDate,
      toDate,
      station: rolled.station,
      byKind: rolled.byKind
        .map((row) => ({ ...row, label: ACTIVITY_KIND_LABELS[row.kind] }))
        .sort((a, b) => ACTIVITY_KINDS.indexOf(a.kind) - ACTIVITY_KINDS.indexOf(b.kind)),
      byArea: rolled.byArea
        .map((row) => ({ ...row, label: areaName(row.areaId) }))
        .sort((a, b) => areaOrder(a.areaId) - areaOrder(b.areaId)),
      activities: listed.map((row) => ({
        activityId: row.activityId,
        title: activities.find((a) => a._id === row.activityId)?.title ?? '（已删除的活动）',
        kind: row.kind,
        endAt: row.endAt.toISOString(),
        ...satisfaction(row),
      })),
    };
  },
});
