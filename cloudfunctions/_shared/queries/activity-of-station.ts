import { AppError } from '../runtime/app-error';
import { activitiesRepository, type ActivityDoc } from '../repositories/activities';

/**
 * An activity the caller's station owns. Another station's activity is answered as missing,
 * like one that does not exist: ids must not reveal what exists elsewhere. Every staff action
 * on an activity goes through here.
 */
export async function loadActivityOfStation(activityId: string, stationId: string): Promise<ActivityDoc> {
  const activity = await activitiesRepository.findById(activityId);
  if (!activity || activity.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该活动');
  return activity;
}
