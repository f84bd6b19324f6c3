import { receiveComplaint } from '../../../_shared/domain/complaints';
import { isStaff } from '../../../_shared/domain/roles';
import { AppError } from '../../../_shared/runtime/app-error';
import { assertOwnUpload } from '../../../_shared/runtime/uploads';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { complaintsRepository, type ComplaintDoc } from '../../../_shared/repositories/complaints';
import { usersRepository } from '../../../_shared/repositories/users';
import { chooseHandler } from '../assign';
import { complaintIdFor } from '../ids';
import { complaintView } from '../views';

const DAY = 24 * 3600 * 1000;
/** The activities offered in the form: those of the last 60 days and the next 30, latest first. */
const RECENT_ACTIVITY_DAYS = 60;
const UPCOMING_ACTIVITY_DAYS = 30;
const MAX_ACTIVITY_OPTIONS = 20;

/**
 * What the form offers to choose from: the caller's station's staff (names only) and its recent
 * activities. Any registered person may send feedback, so anyone registered may read these.
 */
export const options = defineAction('feedback', 'options', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle(_input, { caller, now }) {
    const [staff, latest] = await Promise.all([
      usersRepository.listStaff(caller.stationId),
      activitiesRepository.listForStation(caller.stationId, 0, 60),
    ]);
    const from = now.getTime() - RECENT_ACTIVITY_DAYS * DAY;
    const until = now.getTime() + UPCOMING_ACTIVITY_DAYS * DAY;
    return {
      staff: staff
        .filter((s) => s._id !== caller._id && isStaff(s.roles))
        .map((s) => ({ id: s._id, name: s.name, admin: s.roles.includes('admin') })),
      activities: latest
        .filter((a) => a.startAt.getTime() >= from && a.startAt.getTime() <= until)
        .slice(0, MAX_ACTIVITY_OPTIONS)
        .map((a) => ({ id: a._id, title: a.title, startAt: a.startAt.toISOString() })),
    };
  },
});

/**
 * Records an opinion, suggestion or complaint and assigns it at once (both steps in its
 * history), due 48 hours later. What it is about must belong to the caller's station; anything
 * else is answered as not found. Photos are the upload service's cloud file ids; nobody but the
 * sender and the handling staff ever gets a link to them.
 */
export const submit = defineAction('feedback', 'submit', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle(input, { caller, now, requestId }) {
    const { category, text, aboutActivityId, aboutStaffId, anonymous, photoFileIds } = input;
    // Only the sender's own uploads: anyone else's photo would be handed out to this sender.
    photoFileIds.forEach((fileId, i) => assertOwnUpload(fileId, caller._id, `photoFileIds.${i}`));
    if (aboutStaffId === caller._id) {
      throw new AppError('INVALID_INPUT', '不能投诉自己', [{ path: 'aboutStaffId', message: '不能选择自己' }]);
    }
    if (aboutActivityId) {
      const activity = await activitiesRepository.findById(aboutActivityId);
      if (!activity || activity.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到这个活动');
    }
    if (aboutStaffId) {
      const staff = await usersRepository.findByOpenid(aboutStaffId);
      if (!staff || staff.stationId !== caller.stationId || !isStaff(staff.roles)) {
        throw new AppError('NOT_FOUND', '未找到这位工作人员');
      }
    }

    const id = complaintIdFor(caller._id, requestId);
    const fields = {
      stationId: caller.stationId,
      senderId: caller._id,
      category,
      anonymous,
      ...(aboutStaffId ? { aboutStaffId } : {}),
    };
    const handlerId = await chooseHandler(caller.stationId, fields, now);
    const complaint = receiveComplaint(fields, handlerId, now);
    const doc: ComplaintDoc = {
      _id: id,
      ...fields,
      text,
      ...(aboutActivityId ? { aboutActivityId } : {}),
      photoFileIds: [...new Set(photoFileIds)],
      status: complaint.status,
      handlerId: complaint.handlerId,
      receivedAt: complaint.receivedAt,
      dueAt: complaint.dueAt,
      history: complaint.history,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (await complaintsRepository.insert(doc)) return complaintView(doc, caller, now);
    // The id is derived from this request: it was recorded before, by this caller.
    const existing = await complaintsRepository.findById(id);
    if (!existing || existing.senderId !== caller._id) throw new AppError('CONFLICT');
    return complaintView(existing, caller, now);
  },
});
