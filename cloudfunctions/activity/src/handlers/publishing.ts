import { randomBytes } from 'node:crypto';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { roleEditProblem } from '../../../_shared/domain/volunteer-shifts';
import { shiftsRepository } from '../../../_shared/repositories/shifts';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository, draftFields, type ActivityDoc } from '../../../_shared/repositories/activities';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { toActivity } from '../../../_shared/views/activity';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { promoteWaitlist } from '../booking-service';
import { notifyAllBookers } from '../notifications';

/** The area and community must be this station's, and the community must lie in the area. */
async function checkPlace(stationId: string, areaId: string, communityId: string): Promise<void> {
  const station = await stationsRepository.findById(stationId);
  const community = station?.communities.find((c) => c.id === communityId);
  if (!station?.areas.some((a) => a.id === areaId)) {
    throw new AppError('INVALID_INPUT', '请选择本站的片区', [{ path: 'areaId', message: '未找到该片区' }]);
  }
  if (!community || community.areaId !== areaId) {
    throw new AppError('INVALID_INPUT', '请选择该片区下的社区', [
      { path: 'communityId', message: '社区不属于所选片区' },
    ]);
  }
}

export const newActivityId = (): string => shortIdFromBytes(randomBytes(shortIdBytesNeeded()));

export const publish = defineAction('activity', 'publish', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle(draft, { caller, now }) {
    await checkPlace(caller.stationId, draft.areaId, draft.communityId);
    const doc: ActivityDoc = {
      _id: newActivityId(),
      stationId: caller.stationId,
      ...draftFields(draft),
      seatsTaken: 0,
      waitlisted: 0,
      status: 'published',
      createdBy: caller._id,
      createdAt: now,
      updatedAt: now,
    };
    await activitiesRepository.insert(doc);
    return toActivity(doc);
  },
});

export const update = defineAction('activity', 'update', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ activityId, draft }, { caller, now }) {
    const before = await loadActivityOfStation(activityId, caller.stationId);
    if (before.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '已取消的活动不能修改');
    await checkPlace(caller.stationId, draft.areaId, draft.communityId);
    const taken = (await shiftsRepository.takenByActivity([before])).get(activityId) ?? new Map<number, number>();
    const roleProblem = roleEditProblem(before.volunteerRoles, draft.volunteerRoles, taken);
    if (roleProblem) {
      throw new AppError('INVALID_INPUT', roleProblem.message, [
        { path: `draft.volunteerRoles.${roleProblem.index}`, message: roleProblem.message },
      ]);
    }
    // The edit form loads the list (`invitees`) and sends it back whole: what is sent is the list.
    const fields = draftFields(draft);
    const rescheduled =
      fields.startAt.getTime() !== before.startAt.getTime() || fields.endAt.getTime() !== before.endAt.getTime();
    const extra = { updatedAt: now, ...(rescheduled ? { rescheduledAt: now } : {}) };
    if (!(await activitiesRepository.saveDraft(activityId, fields, extra))) {
      throw new AppError('CAPACITY_BELOW_BOOKED', `已有${before.seatsTaken}人确认报名，名额不能少于此数`, [
        { path: 'draft.capacity', message: `不能少于${before.seatsTaken}` },
      ]);
    }
    const after = await loadActivityOfStation(activityId, caller.stationId);
    if (after.capacity > before.capacity) await promoteWaitlist(activityId, now);
    if (rescheduled) await notifyAllBookers(after, 'rescheduled');
    return toActivity((await activitiesRepository.findById(activityId)) ?? after);
  },
});

export const cancel = defineAction('activity', 'cancel', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ activityId, reason }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    if (activity.status === 'cancelled') return toActivity(activity);
    if (await activitiesRepository.markCancelled(activityId, reason, now)) {
      await notifyAllBookers({ ...activity, status: 'cancelled', cancelReason: reason }, 'cancelled');
    }
    return toActivity(await loadActivityOfStation(activityId, caller.stationId));
  },
});
