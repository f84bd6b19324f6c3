import { isOpenForSignUp } from '../../../_shared/domain/volunteer-shifts';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { readAllPages } from '../../../_shared/repositories/sdk';
import { shiftSignUpId, shiftsRepository } from '../../../_shared/repositories/shifts';
import { cancelShift, signUpForShift, type ShiftOutcome } from '../shift-service';
import { toShift } from '../views';

/** A station has tens of upcoming activities; reading this many covers months ahead. */
const MAX_UPCOMING = 300;

/** Upcoming activities of the station that need volunteers, soonest first, with places taken and mine. */
export const shifts = defineAction('volunteer', 'shifts', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle(_input, { caller, now }) {
    const upcoming = await readAllPages(
      (skip, limit) => activitiesRepository.listUpcoming(caller.stationId, { from: now }, skip, limit),
      MAX_UPCOMING,
    );
    const open = upcoming.filter((a) => isOpenForSignUp(a, now));
    const [taken, mine] = await Promise.all([
      shiftsRepository.takenByActivity(open),
      shiftsRepository.findSignUps(open.map((a) => shiftSignUpId(a._id, caller._id))),
    ]);
    const mineByActivity = new Map(mine.map((s) => [s.activityId, s]));
    return {
      items: open.map((a) => toShift(a, taken.get(a._id) ?? new Map(), mineByActivity.get(a._id) ?? null)),
    };
  },
});

async function shiftView({ activity, signUp }: ShiftOutcome) {
  const taken = await shiftsRepository.takenByActivity([activity]);
  return toShift(activity, taken.get(activity._id) ?? new Map(), signUp);
}

export const signUp = defineAction('volunteer', 'signUp', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ activityId, role }, { caller, now }) {
    return shiftView(await signUpForShift(caller, activityId, role, now));
  },
});

export const cancelSignUp = defineAction('volunteer', 'cancelSignUp', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle({ activityId }, { caller, now }) {
    return shiftView(await cancelShift(caller, activityId, now));
  },
});
