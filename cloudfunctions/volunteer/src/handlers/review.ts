import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { loadVolunteerOfStation, teamRefsOf } from '../loaders';
import { reviewRegistration } from '../registration-service';
import { toVolunteerSummary } from '../views';

/** Approve, or reject with a reason the applicant reads. The same decision again changes nothing. */
export const review = defineAction('volunteer', 'review', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ volunteerId, decision, reason }, { caller, now }) {
    const registration = await loadVolunteerOfStation(volunteerId, caller.stationId);
    const decided = await reviewRegistration(caller, registration, decision, reason, now);
    const [station, teams] = await Promise.all([
      stationsRepository.findById(caller.stationId),
      teamRefsOf([volunteerId]),
    ]);
    return toVolunteerSummary(decided, station, teams.get(volunteerId) ?? []);
  },
});
